import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { SourceLineNode } from '../tree-types.js';

/** The line nodes of a tree the parser made, in order. */
export function lineNodes(tree: Root): SourceLineNode[] {
  return tree.children.filter((n): n is SourceLineNode => n.type === 'sourceLine');
}

/** The non-empty lines no rule has dropped yet. */
export function keptLines(tree: Root): SourceLineNode[] {
  return lineNodes(tree).filter((n) => !n.data.dropped && n.value !== '');
}

function shown(text: string): string {
  return text.length > 20 ? `${text.slice(0, 20)}…` : text;
}

/**
 * Marks lines as dropped by a rule and warns once per run of them, with the first line's place:
 * `dropped web-page chrome “加大” (lines 6–8)`; lines not next to each other warn apart, unless `oneWarning`.
 */
export function dropLines(file: VFile, nodes: SourceLineNode[], ruleId: string, reason: string, oneWarning = false): void {
  let run: SourceLineNode[] = [];
  const flush = () => {
    if (!run.length) return;
    const first = run[0];
    const last = run[run.length - 1];
    const range = run.length > 1 ? ` (lines ${first.data.source.line}–${last.data.source.line})` : '';
    file.message(`dropped ${reason} “${shown(first.value)}”${range}`, {
      place: first.position?.start,
      ruleId,
      source: 'briefs',
    });
    run = [];
  };
  let previousLine = -1;
  for (const node of nodes) {
    node.data.dropped = ruleId;
    if (!oneWarning && previousLine >= 0 && node.data.source.line > previousLine + 1) flush();
    run.push(node);
    previousLine = node.data.source.line;
  }
  flush();
}
