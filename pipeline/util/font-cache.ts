import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Font } from 'fontkit';
import { fontBytes } from './font-bytes.js';
import { useNativeInflate } from './native-inflate.js';

const require = createRequire(import.meta.url);

// fontkit unpacks its Unicode tables as it loads.
useNativeInflate();

/**
 * pdfkit's own copy of fontkit (the CommonJS build it requires). Every writer parses fonts with
 * this one copy, so a font is read and parsed once per process, whoever asks: the PDF writer
 * (through pdfkit), the HTML subsetter, the face chooser and the thumbnails.
 */
const fontkitPath = require.resolve('fontkit', { paths: [dirname(require.resolve('pdfkit'))] });
const fontkit = require(fontkitPath) as { create(data: Uint8Array, postscriptName?: string): Font };

const parsed = new WeakMap<Uint8Array, Map<string, Font>>();

/** fontkit.create, once per font's bytes: a parsed font is only read from, never changed. */
export function parseFont(data: Uint8Array, postscriptName?: string): Font {
  let byName = parsed.get(data);
  if (!byName) parsed.set(data, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (!font) {
    byName.set(key, (font = fontkit.create(data, postscriptName)));
    copySimpleGlyphsAsTheyAre(font);
  }
  return font;
}

interface TrueTypeSubset {
  font: { loca: { offsets: number[] }; _getTableStream(tag: string): { pos: number; readBuffer(n: number): Uint8Array }; getGlyph(id: number): { advanceWidth: number; _getMetrics(): { leftBearing: number } }; _variationProcessor?: unknown };
  glyf: Uint8Array[];
  loca: { offsets: number[] };
  hmtx: { metrics: Array<{ advance: number; bearing: number }> };
  offset: number;
  _addGlyph(id: number): number;
}

let subsetPatched = false;
/**
 * fontkit subsets a TrueType font (for each PDF, and each HTML edition) by decoding every glyph's
 * outline only to learn whether it is made of other glyphs: for the thousands of simple glyphs of
 * a Chinese text that was 0.4 s of a build. A simple glyph's bytes are copied as they are; whether
 * a glyph is composite is read from its first two bytes (numberOfContours < 0). Composite glyphs,
 * and variable fonts, go through fontkit's own code. The subset's bytes are the same.
 */
function copySimpleGlyphsAsTheyAre(font: Font): void {
  if (subsetPatched || !(font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables.glyf) return;
  const prototype = Object.getPrototypeOf(font.createSubset()) as TrueTypeSubset;
  const decodeAll = prototype._addGlyph;
  prototype._addGlyph = function (this: TrueTypeSubset, id: number): number {
    const { font } = this;
    if (font._variationProcessor) return decodeAll.call(this, id);
    const start = font.loca.offsets[id];
    const stream = font._getTableStream('glyf');
    stream.pos += start;
    const bytes = stream.readBuffer(font.loca.offsets[id + 1] - start);
    if (bytes.length >= 2 && (((bytes[0] << 8) | bytes[1]) << 16) >> 16 < 0) return decodeAll.call(this, id);
    const glyph = font.getGlyph(id);
    this.glyf.push(bytes);
    this.loca.offsets.push(this.offset);
    this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
    this.offset += bytes.length;
    return this.glyf.length - 1;
  };
  subsetPatched = true;
}

/** A font file parsed with fontkit, once per process. */
export function openFont(path: string): Font {
  return parseFont(fontBytes(path));
}

/**
 * Makes pdfkit parse fonts with `parseFont`: pdfkit takes fontkit by require() when it loads, so
 * a copy of fontkit's exports with `create` memoised is put in the module cache first (fontkit's
 * own exports are read-only getters). Given our font bytes (pdfmake hands pdfkit the very Buffers
 * `fontBytes` read), pdfkit then reuses the fonts parsed already.
 */
export function shareFontsWithPdfKit(): void {
  const cached = require.cache[fontkitPath]!;
  if ((cached.exports as { __briefsShared?: boolean }).__briefsShared) return;
  cached.exports = { ...(cached.exports as object), create: parseFont, __briefsShared: true };
}
