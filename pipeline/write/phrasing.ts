import type { PhrasingContent } from 'mdast';
import { splitParagraphRefs, type TextRun } from './text-runs.js';

/** Footnote numbers in order of first reference, shared by both writers. */
export type FootnoteNumbers = Map<string, number>;

/**
 * Flattens Markdown inline content to styled runs: the one place both writers learn what
 * strong, emphasis, links, code, breaks and footnote references mean.
 */
export function phrasingToRuns(nodes: PhrasingContent[], footnotes: FootnoteNumbers, marks: Omit<TextRun, 'text'> = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const node of nodes) {
    switch (node.type) {
      case 'text':
        runs.push(...splitParagraphRefs({ ...marks, text: node.value }));
        break;
      case 'strong':
        runs.push(...phrasingToRuns(node.children, footnotes, { ...marks, bold: true }));
        break;
      case 'emphasis':
        runs.push(...phrasingToRuns(node.children, footnotes, { ...marks, emphasis: true }));
        break;
      case 'delete':
        runs.push(...phrasingToRuns(node.children, footnotes, marks));
        break;
      case 'inlineCode':
        runs.push({ ...marks, text: node.value, code: true });
        break;
      case 'link':
        runs.push(...phrasingToRuns(node.children, footnotes, { ...marks, link: node.url }));
        break;
      case 'break':
        runs.push({ ...marks, text: '\n' });
        break;
      case 'footnoteReference': {
        if (!footnotes.has(node.identifier)) footnotes.set(node.identifier, footnotes.size + 1);
        runs.push({ ...marks, text: String(footnotes.get(node.identifier)), superscript: true });
        break;
      }
      case 'html':
        // Raw HTML in a template is not carried into print: its text would be markup.
        break;
      case 'image':
      case 'imageReference':
      case 'linkReference':
        if ('children' in node) runs.push(...phrasingToRuns(node.children, footnotes, marks));
        else runs.push({ ...marks, text: node.alt ?? '' });
        break;
      default:
        break;
    }
  }
  return runs;
}
