import { describe, expect, it } from 'vitest';
import { openFont } from '../../pipeline/util/font-cache.js';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { joinedInlines, laidOutAsItsGlyph } from '../../pipeline/write/pdf/pdfkit-layout.js';
import { glyphsShapingMayChange } from '../../pipeline/write/pdf/shaped-glyphs.js';

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

describe('pieces of text the PDF writer lays out a character at a time', () => {
  type Layout = { glyphs: Array<{ id: number; advanceWidth: number }>; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
  const layoutOf = (run: Layout) => run.glyphs.map((g, i) => [g.id, run.positions[i].xAdvance, run.positions[i].yAdvance, run.positions[i].xOffset, run.positions[i].yOffset].join(':')).join(' ');
  const oneByOne = (font: ReturnType<typeof openFont>, text: string) =>
    [...text].map((c) => font.glyphForCodePoint(c.codePointAt(0)!)).map((g) => [g.id, g.advanceWidth, 0, 0, 0].join(':')).join(' ');
  const fonts = [...new Set(Object.values(FONT_FILES))].map((path) => ({ path, font: openFont(path) }));

  // Chinese punctuation after and before characters, and characters side by side: what pdfmake
  // measures as one piece. Where no glyph is one the default features act on, fontkit's shaping
  // must give the glyphs one by one, each with its own advance.
  const punctuation = Array.from({ length: 0x40 }, (_, i) => String.fromCharCode(0x3000 + i)).concat(Array.from({ length: 0xf0 }, (_, i) => String.fromCharCode(0xff00 + i)));
  const han = [...'经济增长发展改革开放人民政府工作报告一二三十百千万亿年月日'];
  const pieces = [...han.flatMap((h) => punctuation.flatMap((p) => [h + p, p + h, h + h + p, p + h + p])), ...han.flatMap((a) => han.map((b) => a + b))];

  it('are laid out by fontkit as their characters one by one, in every font of ours', () => {
    for (const { path, font } of fonts) {
      const shaped = glyphsShapingMayChange(font);
      const unshaped = pieces.filter((text) => [...text].every((c) => !shaped.has(font.glyphForCodePoint(c.codePointAt(0)!).id)));
      expect(unshaped.length, path).toBeGreaterThan(pieces.length * 0.9);
      const differ = unshaped.filter((text) => layoutOf(font.layout(text) as unknown as Layout) !== oneByOne(font, text));
      expect(differ.slice(0, 10), path).toEqual([]);
    }
  });

  // The other way round: where fontkit's shaping does move or change glyphs (kerning in Latin
  // text, ligatures), one of them must be among those the check finds, or the shortcut would lay
  // them out wrong. Every pair of printable ASCII characters, and the pieces above.
  it('finds every glyph whose shaping differs, in every font of ours', () => {
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
    const pairs = [...ascii.flatMap((a) => ascii.map((b) => a + b)), ...pieces];
    let shapedPairs = 0;
    for (const { path, font } of fonts) {
      const shaped = glyphsShapingMayChange(font);
      const missed = pairs.filter((text) => {
        if (layoutOf(font.layout(text) as unknown as Layout) === oneByOne(font, text)) return false;
        shapedPairs++;
        return [...text].every((c) => !shaped.has(font.glyphForCodePoint(c.codePointAt(0)!).id));
      });
      expect(missed.slice(0, 10), path).toEqual([]);
    }
    // The fonts do kern Latin pairs: the comparison has something to find.
    expect(shapedPairs).toBeGreaterThan(100);
  });
});

describe('runs of characters drawn as one piece of text', () => {
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
