import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { dropLines, keptLines } from './lines.js';
import { FOOTER_START, LICENCE_START, SITE_FOOTER } from './page-patterns.js';

/** Footers start in the last part of a file only: a report may cite 来源 or 相关 in its body. */
const FOOTER_ZONE = 0.5;

/**
 * Drops what a site or wiki put after the report — a licence notice, related links, the editor's
 * name, share and print bars — from the first such line to the end of the file.
 */
export function dropPageFooter() {
  return (tree: Root, file: VFile) => {
    const lines = keptLines(tree);
    const from = Math.floor(lines.length * FOOTER_ZONE);
    for (let i = from; i < lines.length; i++) {
      const text = lines[i].value;
      const licence = LICENCE_START.test(text);
      if (!licence && !(text.length <= 40 && FOOTER_START.test(text)) && !(text.length <= 160 && SITE_FOOTER.test(text))) continue;
      dropLines(file, [lines[i], ...lines.slice(i + 1)], 'page-footer', licence ? 'licence footer' : 'page footer (related links, editor, share bar, site footer)', true);
      return;
    }
  };
}
