import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { sourceLineNode } from '../parse-lines.js';
import { trimLine } from '../source-lines.js';
import { lineNodes } from './lines.js';

/**
 * Characters no report means to print: zero-width spaces and joiners, word joiners, a byte-order
 * mark inside the text, soft hyphens. Fonts draw several of them as boxes.
 */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/;
/** No-break and other fixed-width spaces: beside Chinese they are dropped, as Chinese text has no spaces; between Latin words a plain space prints the same. */
const ODD_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f]/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

const NAMES: Record<string, string> = {
  '\u200b': 'zero-width space', '\u200c': 'zero-width non-joiner', '\u200d': 'zero-width joiner', '\u2060': 'word joiner',
  '\ufeff': 'byte-order mark', '\u00ad': 'soft hyphen', '\u180e': 'Mongolian vowel separator', ' ': 'no-break or fixed-width space',
};

/** Removes invisible characters and turns odd spaces into plain ones, keeping every column in place. */
export function dropInvisibleCharacters() {
  return (tree: Root, file: VFile) => {
    for (const node of lineNodes(tree)) {
      const source = node.data.source;
      if (!INVISIBLE.test(source.text) && !ODD_SPACE.test(source.text)) continue;
      let text = '';
      const cols: number[] = [];
      const removed = new Map<string, number>();
      let firstColumn = -1;
      for (let i = 0; i < source.text.length; i++) {
        const ch = source.text[i];
        const odd = ODD_SPACE.test(ch);
        if (INVISIBLE.test(ch) || (odd && (CJK.test(source.text[i - 1] ?? '') || CJK.test(source.text[i + 1] ?? '')))) {
          const name = odd ? ' ' : ch;
          removed.set(name, (removed.get(name) ?? 0) + 1);
          if (firstColumn < 0) firstColumn = source.cols[i];
          continue;
        }
        text += odd ? ' ' : ch;
        cols.push(source.cols[i]);
      }
      cols.push(source.cols[source.text.length]);
      const cleaned = sourceLineNode(trimLine({ ...source, text, cols }));
      node.data.source = cleaned.data.source;
      node.value = cleaned.value;
      node.position = cleaned.position;
      if (removed.size) {
        const what = [...removed].map(([ch, n]) => `${n} ${NAMES[ch]}${n > 1 ? 's' : ''}`).join(', ');
        file.message(`dropped invisible characters (${what})`, {
          place: { line: source.line, column: firstColumn + 1 },
          ruleId: 'invisible-characters',
          source: 'briefs',
        });
      }
    }
  };
}
