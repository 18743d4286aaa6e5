import type { Root } from 'mdast';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';
import { findInlineMarkup } from './clean-inline.js';
import { buildSourceLines, endPointAt, pointAt, trimLine, type SourceLine } from './source-lines.js';
import type { SourceLineNode } from './tree-types.js';

declare module 'vfile' {
  interface DataMap {
    /** The decoded file as it was, line endings untouched: node offsets count from here. */
    raw: string;
  }
}

/** A positioned line node for the tree. */
export function sourceLineNode(source: SourceLine): SourceLineNode {
  return {
    type: 'sourceLine',
    value: source.text,
    position: { start: pointAt(source, 0), end: endPointAt(source, source.text.length) },
    data: { source },
  };
}

/** Reads the file's text (markup removed, entities decoded) into one positioned node per line. */
export function parseLines(file: VFile, text: string): Root {
  const raw = file.data.raw ?? text;
  const inline = findInlineMarkup(raw);
  const lines = buildSourceLines(raw, inline.edits, inline.strongRanges).map(trimLine);
  // The line holding an offset (segments of one line, split at block tags, share its start offset).
  const lineOfOffset = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo];
  };
  for (const d of inline.dropped) {
    const at = lineOfOffset(d.offset);
    file.message(`dropped ${d.reason} “${d.what}”`, { place: { line: at.line, column: d.offset - at.offset + 1 }, ruleId: 'dropped-noise', source: 'briefs' });
  }
  return { type: 'root', children: lines.map(sourceLineNode) };
}

/**
 * The reader's parser: a report (plain text, Markdown-ish text or a saved HTML page) becomes a
 * root of `sourceLine` nodes; the transformer stages after it clean and structure them.
 */
export const reportParse: Plugin<[], string, Root> = function () {
  (this as unknown as Processor<Root>).parser = (text, file) => parseLines(file, text);
};
