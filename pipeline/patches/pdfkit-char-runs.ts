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

const require = createRequire(import.meta.url);
const STOCK = Symbol.for('briefs.patch.pdfkit-char-runs');

/** CJK characters (ideographs, CJK and full-width punctuation) fontkit lays out as their glyph. */
export function laidOutAsItsGlyph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** The features of a joined run: layoutRun lays it out a character at a time, as measured. */
const CHARACTER_BY_CHARACTER = Object.freeze(['briefs: character by character']);

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

/** What of a pdfmake inline (a piece of a laid-out line) decides whether it can join the next. */
type Inline = { text: string; x: number; width: number; font: object; fontSize: number; justifyShift?: number; [property: string]: unknown };
// Properties that give an inline a drawing or a role of its own (unset ones are null, false or 0).
const OWN_DRAWING = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', '_tocItemRef', 'fontFeatures', 'sup', 'sub', 'characterSpacing', 'background', 'decoration'];
const hasValue = (value: unknown) => value !== undefined && value !== null && value !== false && value !== 0;

function joins(a: Inline, b: Inline, spacing: number): boolean {
  if (a.text.length !== 1 || b.text.length !== 1 || !laidOutAsItsGlyph(a.text.charCodeAt(0)) || !laidOutAsItsGlyph(b.text.charCodeAt(0))) return false;
  if (a.font !== b.font || a.fontSize !== b.fontSize || a.color !== b.color || a.opacity !== b.opacity) return false;
  if (OWN_DRAWING.some((key) => hasValue(a[key]) || hasValue(b[key]))) return false;
  return Math.abs(b.x - (a.x + a.width + spacing)) < 1e-6;
}

/** A line's inlines with each run of joinable characters made one, or null when none join. */
export function joinedInlines(inlines: Inline[]): Inline[] | null {
  const result: Inline[] = [];
  for (let start = 0; start < inlines.length; ) {
    // On a justified line every inline but the first is shifted on by pdfmake's justifyShift.
    const spacing = inlines[start + 1]?.justifyShift ?? 0;
    let end = start + 1;
    while (end < inlines.length && (inlines[end].justifyShift ?? 0) === spacing && joins(inlines[end - 1], inlines[end], spacing)) end++;
    const run = inlines.slice(start, end);
    if (run.length === 1) result.push(run[0]);
    else result.push({ ...run[0], text: run.map((i) => i.text).join(''), width: run.reduce((sum, i) => sum + i.width, 0) + spacing * (run.length - 1), characterSpacing: spacing, fontFeatures: CHARACTER_BY_CHARACTER });
    start = end;
  }
  return result.length < inlines.length ? result : null;
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
