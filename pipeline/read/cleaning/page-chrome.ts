import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import type { SourceLineNode } from '../tree-types.js';
import { dropLines, lineNodes } from './lines.js';
import { BREADCRUMB, CONTROL_WORDS, META_LABEL, PAGE_NUMBER, TIMESTAMP } from './page-patterns.js';

/** A metadata label's value on its own line is short and is not a sentence: 四川日报, 2026-02-11. */
const LABEL_VALUE = /^[^。！？，；]{1,24}$/;

function chromeRule(text: string): string | null {
  if (text.length <= 60 && CONTROL_WORDS.test(text)) return 'web-page chrome';
  if (/^[【\[]\s*(字号|字体)/.test(text) && text.length <= 80) return 'web-page chrome';
  if (text.length <= 80 && META_LABEL.test(text)) return 'page metadata';
  if (TIMESTAMP.test(text)) return 'publication date';
  if (PAGE_NUMBER.test(text)) return 'page number';
  if (text.length <= 80 && BREADCRUMB.test(text)) return 'breadcrumb';
  return null;
}

/**
 * Drops the furniture of the page the report was copied from, wherever it stands: buttons, font
 * controls, metadata labels (with a value on the next line), date stamps, page numbers, breadcrumbs.
 */
export function dropPageChrome() {
  return (tree: Root, file: VFile) => {
    const lines = lineNodes(tree).filter((n) => n.value !== '');
    const dropped = new Map<string, SourceLineNode[]>();
    const drop = (node: SourceLineNode, reason: string) => {
      if (!dropped.has(reason)) dropped.set(reason, []);
      dropped.get(reason)!.push(node);
    };
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i].value;
      const reason = chromeRule(text);
      if (!reason) continue;
      drop(lines[i], reason);
      // 来源： / 四川日报 — a label whose value the page put on the next line.
      const next = lines[i + 1];
      if (reason === 'page metadata' && /[:：]\s*$/.test(text) && next && LABEL_VALUE.test(next.value) && !chromeRule(next.value)) {
        drop(next, reason);
        i++;
      }
    }
    for (const [reason, nodes] of dropped) dropLines(file, nodes, 'page-chrome', reason);
  };
}
