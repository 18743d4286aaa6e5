import { describe, expect, it } from 'vitest';
import { joinedInlines, laidOutAsItsGlyph } from '../../pipeline/write/pdf/char-runs.js';
import { openFont } from '../../pipeline/util/font-cache.js';
import { FONT_FILES } from '../../pipeline/util/fonts.js';

describe('characters the PDF writer lays out without fontkit’s shaping (patch pdfkit-char-runs)', () => {
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

describe('runs of characters drawn as one piece of text (patch pdfkit-char-runs)', () => {
  const font = {};
  // A justified line as pdfmake lays it out: one inline per character, each shifted on by the
  // justification, a Latin word as one inline.
  const shift = 0.5;
  const line = (texts: string[], extra: Record<number, object> = {}) => {
    let x = 0;
    return texts.map((text, i) => {
      const inline = { text, x: x + i * shift, width: text.length * 10, font, fontSize: 10, color: '#000000', opacity: 1, justifyShift: i > 0 ? shift : undefined, link: null, sup: false, characterSpacing: 0, ...extra[i] };
      x += inline.width;
      return inline;
    });
  };

  it('puts every character where pdfmake placed it, with the justification as character spacing', () => {
    const inlines = line(['经', '济', '增', '长', 'GDP', '平', '稳']);
    const joined = joinedInlines(inlines)!;
    expect(joined.map((i) => i.text)).toEqual(['经济增长', 'GDP', '平稳']);
    // Drawn with spacing s after each character, character k of a run starts at x + Σ(width + s).
    for (const run of joined.filter((i) => i.text.length > 1 && i.characterSpacing)) {
      let x = run.x;
      for (const character of run.text) {
        const original = inlines.find((i) => i.text === character)!;
        expect(x).toBeCloseTo(original.x, 9);
        x += original.width + (run.characterSpacing as number);
      }
    }
  });

  it('leaves alone characters with a link, a superscript, another font or size', () => {
    expect(joinedInlines(line(['经', '济'], { 1: { link: 'https://example.org' } }))).toBeNull();
    expect(joinedInlines(line(['经', '济'], { 1: { sup: true } }))).toBeNull();
    expect(joinedInlines(line(['经', '济'], { 1: { font: {} } }))).toBeNull();
    expect(joinedInlines(line(['经', '济'], { 1: { fontSize: 12 } }))).toBeNull();
    expect(joinedInlines(line(['A', 'B']))).toBeNull();
  });
});
