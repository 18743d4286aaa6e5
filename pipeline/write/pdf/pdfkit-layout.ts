import { createRequire } from 'node:module';
import type { Font, Glyph } from 'fontkit';
import { fontBytes } from '../../util/font-bytes.js';
import { FONT_FILES } from '../../util/fonts.js';
import { markStyleSources, measureOncePerStyle, speedUpStyleLookups, TextInlinesClass } from './pdfmake-measure.js';
import { glyphsShapingMayChange } from './shaped-glyphs.js';

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

/**
 * The features of a run made of characters pdfmake measured and placed one by one (joined by
 * joinedInlines): pdfkit hands them to layoutRun, which lays the run out a character at a
 * time, as they were measured, rather than shaping it as a whole.
 */
const CHARACTER_BY_CHARACTER = Object.freeze(['briefs: character by character']);

interface Run {
  glyphs: Glyph[];
  positions: object[];
  advanceWidth: number;
}

function composedRun(font: EmbeddedFont, text: string): Run {
  const glyphs: Glyph[] = [];
  const positions: object[] = [];
  let advanceWidth = 0;
  for (const character of text) {
    const run = font.layoutCached(character) as Run;
    glyphs.push(...run.glyphs);
    positions.push(...run.positions);
    advanceWidth += run.advanceWidth;
  }
  return { glyphs, positions, advanceWidth };
}

/**
 * Whether fontkit would lay out the text as its characters one by one: each laid out so alone,
 * and none of them with a glyph the font's default features act on (a Chinese character followed
 * by a full stop or comma, most of the pieces pdfmake measures that are not one character).
 */
function unshaped(font: Font, text: string): boolean {
  const shaped = glyphsShapingMayChange(font);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!laidOutAsItsGlyph(code) || shaped.has(font.glyphForCodePoint(code).id)) return false;
  }
  return true;
}

/** What of a pdfmake inline (a piece of a laid-out line) decides whether it can join the next. */
interface Inline {
  text: string;
  x: number;
  width: number;
  font: object;
  fontSize: number;
  justifyShift?: number;
  [property: string]: unknown;
}

/** Properties that give an inline a drawing or a role of its own: such an inline is drawn alone. */
const OWN_DRAWING = ['link', 'linkToPage', 'linkToDestination', '_pageNodeRef', '_tocItemRef', 'fontFeatures', 'sup', 'sub', 'characterSpacing', 'background', 'decoration'];

/** pdfmake gives every inline every property: an unset one is null, false or 0. */
const hasValue = (value: unknown) => value !== undefined && value !== null && value !== false && value !== 0;

/** Whether b can be drawn in one piece with a, the run's characters spaced by `spacing`. */
function joins(a: Inline, b: Inline, spacing: number): boolean {
  if (a.text.length !== 1 || b.text.length !== 1 || !laidOutAsItsGlyph(a.text.charCodeAt(0)) || !laidOutAsItsGlyph(b.text.charCodeAt(0))) return false;
  if (a.font !== b.font || a.fontSize !== b.fontSize || a.color !== b.color || a.opacity !== b.opacity) return false;
  if (OWN_DRAWING.some((key) => hasValue(a[key]) || hasValue(b[key]))) return false;
  // Placed as drawn with character spacing: right after a, the spacing on.
  return Math.abs(b.x - (a.x + a.width + spacing)) < 1e-6;
}

/**
 * A line's inlines with each run of joinable characters made one inline, or null when none join.
 * On a justified line every inline but the first is shifted on by the same amount (pdfmake's
 * justifyShift): that is the run's character spacing.
 */
export function joinedInlines(inlines: Inline[]): Inline[] | null {
  const result: Inline[] = [];
  let joinedAny = false;
  for (let start = 0; start < inlines.length; ) {
    const spacing = inlines[start + 1]?.justifyShift ?? 0;
    let end = start + 1;
    while (end < inlines.length && (inlines[end].justifyShift ?? 0) === spacing && joins(inlines[end - 1], inlines[end], spacing)) end++;
    if (end - start === 1) result.push(inlines[start]);
    else {
      const run = inlines.slice(start, end);
      result.push({
        ...run[0],
        text: run.map((i) => i.text).join(''),
        width: run.reduce((sum, i) => sum + i.width, 0) + spacing * (run.length - 1),
        characterSpacing: spacing,
        fontFeatures: CHARACTER_BY_CHARACTER,
      });
      joinedAny = true;
    }
    start = end;
  }
  return joinedAny ? result : null;
}

let done = false;
/**
 * Five changes to how pdfkit and pdfmake measure and set text, none of which moves a character
 * (the tests compare positions read back with pdftotext, the layout of every character fontkit
 * would shape alone, and pdfmake's measuring and style lookups with ours):
 *
 * - pdfkit lays out each distinct piece of text once per document and font (its layout cache),
 *   and a new document starts with an empty cache: a brief laid out five times while it is fitted
 *   measured its characters five times. The cache is shared by the documents that use the same
 *   parsed font (fonts are parsed once per process): a run is laid out and scaled the same way in
 *   every document, and pdfkit never changes a cached run.
 * - pdfmake measures Chinese text a character at a time, and fontkit runs its whole shaping
 *   machinery for each one. A lone Chinese character is laid out directly, as its glyph and
 *   advance: what fontkit gives for it (see laidOutAsItsGlyph); so is a piece of such characters
 *   none of whose glyphs the font's default features act on (see unshaped).
 * - pdfmake also draws that text a character at a time: a text object per character, each a call
 *   through pdfkit. Before a line is drawn, each run of characters placed one after the other
 *   (same font, size and colour; no link, no decoration) is made one inline, drawn with the
 *   justification shift as character spacing (PDF Tc) and laid out a character at a time, as it
 *   was measured. The page has a fraction of the text objects.
 * - pdfmake resolves each piece's style (twenty-two properties through the style stack) for every
 *   character it measures: the pieces cut from one text node are resolved once (see
 *   measureOncePerStyle).
 * - Its style lookups allocate closures and sets on every call: they are made without (see
 *   speedUpStyleLookups).
 */
export function speedUpPdfKit(): void {
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
    if (features === CHARACTER_BY_CHARACTER) return composedRun(this, text);
    if (features === undefined && text.length > 1 && unshaped(this.font, text)) return composedRun(this, text);
    const code = text.length === 1 && features === undefined ? text.charCodeAt(0) : -1;
    if (!laidOutAsItsGlyph(code)) return layoutRun.call(this, text, features);
    const glyph: Glyph = this.font.glyphForCodePoint(code);
    // As pdfkit scales fontkit's run: every position by the font's scale, and the glyph's advance.
    const advance = glyph.advanceWidth * this.scale;
    return { glyphs: [glyph], positions: [{ xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: advance }], advanceWidth: advance };
  };

  markStyleSources();
  speedUpStyleLookups();
  TextInlinesClass.prototype.measure = measureOncePerStyle;

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
