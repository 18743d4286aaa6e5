import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Width of text in ems: CJK characters are one em, Latin letters and digits about half. */
export function textEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += ch.codePointAt(0)! > 0x2e80 ? 1 : 0.55;
  return ems;
}

/**
 * How wide each column of a table wants to be, in ems of its longest cell; the column with the
 * most text is the one that wraps (it takes the rest of the line), the others fit their content.
 */
export function columnPlan(table: Table): { ems: number[]; flexible: number } {
  const columns = table.children[0]?.children.length ?? 0;
  const ems = Array.from({ length: columns }, (_, i) => Math.max(0, ...table.children.map((row) => (row.children[i] ? textEms(toString(row.children[i])) : 0))));
  let flexible = 0;
  ems.forEach((e, i) => {
    if (e > ems[flexible]) flexible = i;
  });
  return { ems, flexible };
}
