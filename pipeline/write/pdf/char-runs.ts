// Runs of Chinese characters as pdfmake lays them out, one inline per character: which can be
// drawn as one piece of text (see patches/pdfkit-char-runs.ts, which draws them so).

/** CJK characters (ideographs, CJK and full-width punctuation) fontkit lays out as their glyph. */
export function laidOutAsItsGlyph(code: number): boolean {
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf) || (code >= 0x3000 && code <= 0x303f) || (code >= 0xff00 && code <= 0xffef);
}

/** The features of a joined run: layoutRun lays it out a character at a time, as measured. */
export const CHARACTER_BY_CHARACTER = Object.freeze(['briefs: character by character']);

/** What of a pdfmake inline (a piece of a laid-out line) decides whether it can join the next. */
export type Inline = { text: string; x: number; width: number; font: object; fontSize: number; justifyShift?: number; [property: string]: unknown };
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
