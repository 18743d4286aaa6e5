/**
 * Patch pdfkit-tounicode — pdfkit 0.19.1 (EmbeddedFont.encode) with fontkit 2.0.4.
 * Changes: pdfkit writes each glyph's characters into the PDF's ToUnicode map from the glyph's
 * codePoints, which fontkit sets when it first makes the glyph. With fonts shared between
 * documents (pdfkit-shared-fonts), that first time may have been in another document and without
 * characters (a glyph reached through a substitution): the map then said nothing for it, and
 * what a PDF holds depended on what its thread had built before — a shard's build differed from
 * a whole build's. A glyph left without characters now takes those the font's own cmap gives it.
 * Gains: the same bytes whatever a thread built before, and text copied from every glyph.
 * Checked by: tests/e2e/shards.test.ts (two shards give a whole build's bytes) and
 * tests/patches/patches.test.ts (the sample's PDF as stock pdfkit writes it).
 */
import { patchFits, type PatchSettings } from './guard.js';
import { embeddedFontPrototype } from './pdfkit-layout-cache.js';

const STOCK = Symbol.for('briefs.patch.pdfkit-tounicode');

/** What of pdfkit's EmbeddedFont and fontkit's font the patch uses. */
interface EmbeddedFont {
  font: { _cmapProcessor?: { codePointsForGlyph(gid: number): number[] } };
  subset: { glyphs: number[] };
  unicode: Array<number[] | undefined>;
  encode(text: string, features?: unknown): [string[], unknown];
  [STOCK]?: (text: string, features?: unknown) => [string[], unknown];
}

/** Kangxi radicals and compatibility ideographs share glyphs with the ideographs: those come first. */
const SECONDARY = (cp: number) => (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x2f800 && cp <= 0x2fa1f);

export function patchPdfkitToUnicode(settings: PatchSettings, fontBytes: Buffer): void {
  if (!patchFits('pdfkit-tounicode', 'pdfkit', '0.19.1', settings)) return;
  const prototype = embeddedFontPrototype(fontBytes) as unknown as EmbeddedFont;
  if (prototype[STOCK]) return;
  const encode = (prototype[STOCK] = prototype.encode);
  prototype.encode = function (this: EmbeddedFont, text: string, features?: unknown) {
    const encoded = encode.call(this, text, features);
    for (const hex of encoded[0]) {
      const gid = parseInt(hex, 16);
      if (this.unicode[gid]?.length !== 0) continue;
      const fromCmap = this.font._cmapProcessor?.codePointsForGlyph(this.subset.glyphs[gid]) ?? [];
      const first = [...fromCmap].sort((a, b) => Number(SECONDARY(a)) - Number(SECONDARY(b)) || a - b)[0];
      if (first !== undefined) this.unicode[gid] = [first];
    }
    return encoded;
  };
}
