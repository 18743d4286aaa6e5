import { describe, expect, it } from 'vitest';
import { openFont } from '../../pipeline/util/font-cache.js';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { laidOutAsItsGlyph } from '../../pipeline/write/pdf/pdfkit-layout.js';

describe('characters the PDF writer lays out without fontkit’s shaping', () => {
  // The shortcut is right only while fontkit, given one of these characters alone, gives back
  // its glyph with the glyph's own advance and no offset: checked for every one, in every font.
  it('are laid out by fontkit as their own glyph and advance, in every font of ours', () => {
    const codes = Array.from({ length: 0x10000 }, (_, code) => code).filter(laidOutAsItsGlyph);
    expect(codes.length).toBeGreaterThan(27_000);
    for (const path of new Set(Object.values(FONT_FILES))) {
      const font = openFont(path);
      const differ: string[] = [];
      for (const code of codes) {
        const run = font.layout(String.fromCharCode(code));
        const glyph = font.glyphForCodePoint(code);
        const [position] = run.positions;
        const same = run.glyphs.length === 1 && run.glyphs[0].id === glyph.id && position.xAdvance === glyph.advanceWidth && position.yAdvance === 0 && position.xOffset === 0 && position.yOffset === 0;
        if (!same) differ.push(code.toString(16));
      }
      expect(differ, path).toEqual([]);
    }
  });
});
