/**
 * Patch pdfmake-measure — pdfmake 0.3.11, TextInlines.prototype.measure (rewritten here property
 * by property) and StyleContextStack.copyStyle (wrapped).
 * Changes: pdfmake breaks Chinese text into a piece per character, each carrying its text node's
 * style, and resolved twenty-two style properties through the style stack for every piece.
 * copyStyle marks each piece with the node its style came from (a symbol pdfmake never sees);
 * measure resolves the style once per run of pieces from one node, and the rest copy it.
 * Gains: GAIN_TBD
 * Checked by: tests/patches/pdfmake-measure.test.ts (every piece of the Dalian publications
 * measured both ways and compared; styles resolved, counted). Upstream: general (resolve a
 * node's style once when it is broken into pieces); worth offering.
 */
import { patchFits, type PatchSettings } from './guard.js';
import { pdfmakeStyles, type StyleStackInternals } from './pdfmake-style-lookups.js';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const STOCK = Symbol.for('briefs.patch.pdfmake-measure');

/** A piece of text as pdfmake's TextBreaker makes it: its text, and its node's style properties. */
type Item = Record<string, any> & { text: string };
interface PdfFont {
  lineHeight(fontSize: number): number;
}
interface TextInlines {
  pdfDocument: { provideFont(font: string, bold: boolean, italics: boolean): PdfFont };
  widthOfText(text: string, inline: Item): number;
  measure(array: Item[], styleContextStack: StyleStackInternals): Item[];
}
type Measure = TextInlines['measure'];
type CopyStyle = (source?: object, destination?: object) => object;

/** pdfmake's TextInlines class (an internal module of pdfmake 0.3). */
export function textInlinesClass(): { prototype: TextInlines & { [STOCK]?: Measure } } {
  return (require('pdfmake/js/TextInlines') as { default: { prototype: TextInlines } }).default;
}

/** pdfmake's own measure, when the patch is in (the tests compare the two). */
export function stockMeasure(): Measure | null {
  return textInlinesClass().prototype[STOCK] ?? null;
}

/**
 * The node a piece's style properties were copied from, as pdfmake's TextBreaker copies them
 * (copyStyle(style, piece)): pieces of one node carry the same properties, the same values.
 */
const STYLE_SOURCE = Symbol('briefs: style copied from');
const NO_STYLE = {};

// pdfmake 0.3's TextInlines.measure, property by property (the version is locked).
const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

/** The style properties measure sets on each piece, as pdfmake resolves them (defaults, sizes). */
interface Resolved {
  font: PdfFont;
  alignment: unknown;
  fontSize: number;
  fontFeatures: unknown;
  characterSpacing: unknown;
  color: unknown;
  decoration: unknown;
  decorationColor: unknown;
  decorationStyle: unknown;
  decorationThickness: unknown;
  background: unknown;
  link: unknown;
  linkToPage: unknown;
  linkToDestination: unknown;
  noWrap: unknown;
  opacity: unknown;
  sup: unknown;
  sub: unknown;
  height: number;
  preserveLeadingSpaces: boolean;
  preserveTrailingSpaces: boolean;
}

function resolve(measurer: TextInlines, item: Item, stack: StyleStackInternals): Resolved {
  const { getStyleProperty } = pdfmakeStyles().StyleContextStack;
  const property = (name: string, defaultValue: unknown) => getStyleProperty(item, stack, name, defaultValue);
  const font = measurer.pdfDocument.provideFont(property('font', 'Roboto'), property('bold', false), property('italics', false));
  const sup = property('sup', false);
  const sub = property('sub', false);
  let fontSize = property('fontSize', 12);
  // font size reduction taken from here: https://en.wikipedia.org/wiki/Subscript_and_superscript#Desktop_publishing
  if (sup || sub) fontSize *= 0.58;
  return {
    font,
    alignment: property('alignment', 'left'),
    fontSize,
    fontFeatures: property('fontFeatures', null),
    characterSpacing: property('characterSpacing', 0),
    color: property('color', 'black'),
    decoration: property('decoration', null),
    decorationColor: property('decorationColor', null),
    decorationStyle: property('decorationStyle', null),
    decorationThickness: property('decorationThickness', null),
    background: property('background', null),
    link: property('link', null),
    linkToPage: property('linkToPage', null),
    linkToDestination: property('linkToDestination', null),
    noWrap: property('noWrap', null),
    opacity: property('opacity', 1),
    sup,
    sub,
    height: font.lineHeight(fontSize) * property('lineHeight', 1),
    preserveLeadingSpaces: property('preserveLeadingSpaces', false),
    preserveTrailingSpaces: property('preserveTrailingSpaces', false),
  };
}


/**
 * pdfmake's TextInlines.measure, resolving styles once per run of pieces from one node.
 * pdfmake breaks Chinese text into one piece per character, each carrying its text node's
 * style properties, and looked up twenty-two properties through the style stack for each piece
 * (a quarter of a PDF's layout time). Pieces next to each other copied from the same node
 * resolve alike within one call (one style stack): the first resolves, the rest copy. A test
 * compares every piece's measure with pdfmake's own on publications.
 */
export function measureOncePerStyle(this: TextInlines, array: Item[], stack: StyleStackInternals): Item[] {
  if (array.length) {
    const leadingIndent = pdfmakeStyles().StyleContextStack.getStyleProperty(array[0], stack, 'leadingIndent', 0);
    if (leadingIndent) {
      array[0].leadingCut = -leadingIndent;
      array[0].leadingIndent = leadingIndent;
    }
  }
  let source: unknown;
  let style: Resolved | null = null;
  for (const item of array) {
    const from = item[STYLE_SOURCE as unknown as string];
    if (!style || from === undefined || from !== source) {
      style = resolve(this, item, stack);
      source = from;
    }
    // The properties in pdfmake's order, each written by name (faster than a loop over names).
    item.font = style.font;
    item.alignment = style.alignment;
    item.fontSize = style.fontSize;
    item.fontFeatures = style.fontFeatures;
    item.characterSpacing = style.characterSpacing;
    item.color = style.color;
    item.decoration = style.decoration;
    item.decorationColor = style.decorationColor;
    item.decorationStyle = style.decorationStyle;
    item.decorationThickness = style.decorationThickness;
    item.background = style.background;
    item.link = style.link;
    item.linkToPage = style.linkToPage;
    item.linkToDestination = style.linkToDestination;
    item.noWrap = style.noWrap;
    item.opacity = style.opacity;
    item.sup = style.sup;
    item.sub = style.sub;
    item.width = this.widthOfText(item.text, item);
    item.height = style.height;
    if (!item.leadingCut) item.leadingCut = 0;
    if (!style.preserveLeadingSpaces) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) item.leadingCut += this.widthOfText(leadingSpaces[0], item);
    }
    item.trailingCut = 0;
    if (!style.preserveTrailingSpaces) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) item.trailingCut = this.widthOfText(trailingSpaces[0], item);
    }
  }
  return array;
}

export function patchPdfmakeMeasure(settings: PatchSettings): void {
  if (!patchFits('pdfmake-measure', 'pdfmake', '0.3.11', settings)) return;
  const { prototype } = textInlinesClass();
  if (prototype[STOCK]) return;
  const { StyleContextStack } = pdfmakeStyles();
  const stack = StyleContextStack as unknown as { copyStyle: CopyStyle };
  const copyStyle = stack.copyStyle;
  stack.copyStyle = function (source?: object | null, destination?: object) {
    const copy = copyStyle.call(this, source ?? undefined, destination) as Record<symbol, unknown>;
    if (destination !== undefined) copy[STYLE_SOURCE] = source ?? NO_STYLE;
    return copy;
  };
  prototype[STOCK] = prototype.measure;
  prototype.measure = measureOncePerStyle;
}
