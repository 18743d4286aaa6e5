/**
 * Patch pdfkit-char-runs — pdfkit 0.19.1 (EmbeddedFont layoutRun), pdfmake 0.3.11 (Renderer renderLine).
 * Changes: pdfmake measures and draws Chinese text a character at a time, through fontkit's whole
 * shaping for each. A lone CJK character is laid out as its glyph and advance (what fontkit gives:
 * see laidOutAsItsGlyph); a run of characters placed one after another (same font, size, colour;
 * no link or decoration) is drawn as one inline, the justification as character spacing (PDF Tc).
 * The PDF's bytes differ (fewer, longer text runs); every character stays where pdfmake put it.
 * Gains (make bench's runs, this patch's parts off, one run): fresh build +0–8 % CPU, batch +37–46 %.
 * Checked by: tests/patches/pdfkit-char-runs.test.ts (each such character as fontkit lays it out,
 * in every font; joined runs place each character as pdfmake did) and the e2e tests (pdftotext
 * positions). Upstream: joining runs is general; worth offering to pdfmake.
 */
import { createRequire } from 'node:module';
import type { Font, Glyph } from 'fontkit';
import { patchFits, type PatchSettings } from './guard.js';
import { embeddedFontPrototype } from './pdfkit-layout-cache.js';
import { CHARACTER_BY_CHARACTER, joinedInlines, laidOutAsItsGlyph, type Inline } from '../write/pdf/char-runs.js';

const require = createRequire(import.meta.url);
const STOCK = Symbol.for('briefs.patch.pdfkit-char-runs');

interface EmbeddedFont {
  font: Font;
  scale: number;
  layoutCached(text: string): Run;
  layoutRun(text: string, features?: unknown): unknown;
  [STOCK]?: true;
}
type Run = { glyphs: Glyph[]; positions: object[]; advanceWidth: number };

function composedRun(font: EmbeddedFont, text: string): Run {
  const run: Run = { glyphs: [], positions: [], advanceWidth: 0 };
  for (const character of text) {
    const one = font.layoutCached(character);
    run.glyphs.push(...one.glyphs);
    run.positions.push(...one.positions);
    run.advanceWidth += one.advanceWidth;
  }
  return run;
}

export function patchPdfkitCharRuns(settings: PatchSettings, fontBytes: Buffer): void {
  if (!patchFits('pdfkit-char-runs', 'pdfkit', '0.19.1', settings) || !patchFits('pdfkit-char-runs', 'pdfmake', '0.3.11', settings)) return;
  const prototype = embeddedFontPrototype(fontBytes) as EmbeddedFont;
  if (prototype[STOCK]) return;
  prototype[STOCK] = true;
  const layoutRun = prototype.layoutRun;
  prototype.layoutRun = function (this: EmbeddedFont, text: string, features?: unknown) {
    if (features === CHARACTER_BY_CHARACTER) return composedRun(this, text);
    const code = text.length === 1 && features === undefined ? text.charCodeAt(0) : -1;
    if (!laidOutAsItsGlyph(code)) return layoutRun.call(this, text, features);
    const glyph: Glyph = this.font.glyphForCodePoint(code);
    // As pdfkit scales fontkit's run: every position by the font's scale.
    const advance = glyph.advanceWidth * this.scale;
    return { glyphs: [glyph], positions: [{ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }], advanceWidth: advance };
  };
  const Renderer = (require('pdfmake/js/Renderer') as { default: { prototype: { renderLine(line: { inlines: Inline[] }, x: number, y: number): void } } }).default;
  const renderLine = Renderer.prototype.renderLine;
  Renderer.prototype.renderLine = function (line, x, y) {
    const joined = joinedInlines(line.inlines);
    if (!joined) return renderLine.call(this, line, x, y);
    const inlines = line.inlines;
    line.inlines = joined;
    try {
      return renderLine.call(this, line, x, y);
    } finally {
      line.inlines = inlines;
    }
  };
}
