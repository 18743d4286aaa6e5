import type { Root } from 'mdast';
import { sourceLineNode } from '../parse-lines.js';
import type { SourceLine } from '../source-lines.js';
import { lineNodes } from './lines.js';

/** A row of a Markdown (or pipe-drawn) table: | 指标 | 2024年 | 增长 |. */
const TABLE_ROW = /^\|.*\|$/;
/** The rule under a table's head: | --- | ---: |. */
const TABLE_RULE = /^\|(?:\s*:?-{2,}:?\s*\|)+$/;

/**
 * A table row as the sentence it stands for, each character keeping its column: the first cell
 * names the row and the others are its figures (第1项指标 100.0亿元，1.0%。). Joined into one
 * paragraph, a thousand rows made one quote per figure the length of the whole table.
 */
function rowAsSentence(source: SourceLine): SourceLine {
  const cells: Array<{ start: number; end: number }> = [];
  const bars = [...source.text.matchAll(/\|/g)].map((m) => m.index!);
  for (let k = 0; k + 1 < bars.length; k++) {
    let start = bars[k] + 1;
    let end = bars[k + 1];
    while (start < end && /\s/.test(source.text[start])) start++;
    while (end > start && /\s/.test(source.text[end - 1])) end--;
    if (end > start) cells.push({ start, end });
  }
  let text = '';
  const cols: number[] = [];
  cells.forEach((cell, k) => {
    text += source.text.slice(cell.start, cell.end);
    cols.push(...source.cols.slice(cell.start, cell.end));
    // The punctuation stands where the bar after the cell was.
    text += k === cells.length - 1 ? '。' : k === 0 ? ' ' : '，';
    cols.push(source.cols[cell.end]);
  });
  cols.push(source.cols[source.text.length]);
  return { ...source, text, cols, row: true };
}

/** Reads tables row by row: each row its own line that no other joins, the rule under the head dropped. */
export function readTableRows() {
  return (tree: Root) => {
    for (const node of lineNodes(tree)) {
      const source = node.data.source;
      if (!TABLE_ROW.test(source.text)) continue;
      if (TABLE_RULE.test(source.text.replace(/\s/g, ''))) {
        node.data.dropped = 'table-rule';
        continue;
      }
      const row = sourceLineNode(rowAsSentence(source));
      node.data.source = row.data.source;
      node.value = row.value;
      node.position = row.position;
    }
  };
}
