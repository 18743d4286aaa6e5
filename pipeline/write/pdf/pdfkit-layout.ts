import { createRequire } from 'node:module';
import type { Font, Glyph } from 'fontkit';
import { fontBytes } from '../../util/font-cache.js';
import { FONT_FILES } from '../../util/fonts.js';

const require = createRequire(import.meta.url);

/** What of pdfkit's font class (EmbeddedFont, not exported) is used here. */
interface EmbeddedFont {
  font: Font;
  scale: number;
  layoutCache?: Record<string, unknown>;
  sharesLayouts?: boolean;
  layoutCached(text: string): unknown;
  layoutRun(text: string, features?: unknown): unknown;
}

/**
 * Characters fontkit lays out, alone and with its default features, as their glyph with its own
 * advance, in every font of ours: a test lays out each one in each font and compares.
 */
export function laidOutAsItsGlyph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

let done = false;
/**
 * Two changes to how pdfkit lays out text, neither of which changes a byte of the PDF (its text
 * is laid out as before; the tests compare):
 *
 * - pdfkit lays out each distinct piece of text once per document and font (its layout cache),
 *   and a new document starts with an empty cache: a brief laid out five times while it is fitted
 *   measured its characters five times. The cache is shared by the documents that use the same
 *   parsed font (fonts are parsed once per process): a run is laid out and scaled the same way in
 *   every document, and pdfkit never changes a cached run.
 * - pdfmake measures Chinese text a character at a time, and fontkit runs its whole shaping
 *   machinery for each one. A lone Chinese character is laid out directly, as its glyph and
 *   advance: what fontkit gives for it (see laidOutAsItsGlyph).
 */
export function speedUpPdfKitLayout(): void {
  if (done) return;
  done = true;
  const PdfKit = require('pdfkit') as new (options: object) => { font(src: Buffer): unknown };
  const probe = new PdfKit({ autoFirstPage: false });
  const prototype = (probe.font(fontBytes(FONT_FILES.kai)) as { _font: { constructor: { prototype: EmbeddedFont } } })._font.constructor.prototype;

  const layoutCached = prototype.layoutCached;
  const caches = new WeakMap<object, Record<string, unknown>>();
  prototype.layoutCached = function (this: EmbeddedFont, text: string) {
    if (this.layoutCache && !this.sharesLayouts) {
      let cache = caches.get(this.font);
      if (!cache) caches.set(this.font, (cache = Object.create(null) as Record<string, unknown>));
      this.layoutCache = cache;
      this.sharesLayouts = true;
    }
    return layoutCached.call(this, text);
  };

  const layoutRun = prototype.layoutRun;
  prototype.layoutRun = function (this: EmbeddedFont, text: string, features?: unknown) {
    const code = text.length === 1 && features === undefined ? text.charCodeAt(0) : -1;
    if (!laidOutAsItsGlyph(code)) return layoutRun.call(this, text, features);
    const glyph: Glyph = this.font.glyphForCodePoint(code);
    // As pdfkit scales fontkit's run: every position by the font's scale, and the glyph's advance.
    const advance = glyph.advanceWidth * this.scale;
    return { glyphs: [glyph], positions: [{ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }], advanceWidth: advance };
  };
}
