import { createRequire } from 'node:module';
import { useNativeInflate } from '../../util/native-inflate.js';

const require = createRequire(import.meta.url);
// pdfmake's text modules load linebreak, which unpacks its tables as it loads.
useNativeInflate();

/** A piece of text as pdfmake's TextBreaker makes it: its text, and its node's style properties. */
type Item = Record<string, any> & { text: string };
interface StyleStack {
  auto<T>(item: object, callback: () => T): T;
}
interface PdfFont {
  lineHeight(fontSize: number): number;
}
interface TextInlines {
  pdfDocument: { provideFont(font: string, bold: boolean, italics: boolean): PdfFont };
  widthOfText(text: string, inline: Item): number;
  measure(array: Item[], styleContextStack: StyleStack): Item[];
}

/** pdfmake's stack of named styles and style overrides, as far as it is used here. */
interface StyleStackInternals {
  styleDictionary: Record<string, Record<string, unknown> & { extends?: string | string[] }>;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: unknown[];
  autopush(item: object): number;
  pop(howMany: number): void;
  getProperty(property: string): unknown;
}

const { default: StyleContextStack } = require('pdfmake/js/StyleContextStack') as {
  default: {
    prototype: StyleStackInternals;
    getStyleProperty(item: object, stack: StyleStack, property: string, defaultValue: unknown): any;
    copyStyle(source?: object, destination?: object): object;
  };
};
const { isString, isValue } = require('pdfmake/js/helpers/variableType') as { isString(value: unknown): boolean; isValue(value: unknown): boolean };

/** pdfmake's own style lookups, as they came (the tests compare them with ours). */
export const pdfmakeStyleLookups = { getProperty: StyleContextStack.prototype.getProperty, getStyleProperty: StyleContextStack.getStyleProperty };
/** pdfmake's StyleContextStack class. */
export const StyleContextStackClass = StyleContextStack as unknown as new (styles: object, defaultStyle?: object) => StyleStack & StyleStackInternals;

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

function resolve(measurer: TextInlines, item: Item, stack: StyleStack): Resolved {
  const property = (name: string, defaultValue: unknown) => StyleContextStack.getStyleProperty(item, stack, name, defaultValue);
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
 * The node a piece's style properties were copied from, as pdfmake's TextBreaker copies them
 * (StyleContextStack.copyStyle(style, piece)): pieces of one node carry the same properties, the
 * same values. A symbol: pdfmake never sees it (for…in and copyStyle pass over symbols).
 */
const STYLE_SOURCE = Symbol('briefs: style copied from');
const NO_STYLE = {};

/** Marks each piece TextBreaker makes with the node its style was copied from. */
export function markStyleSources(): void {
  const copyStyle = StyleContextStack.copyStyle;
  StyleContextStack.copyStyle = function (source?: object | null, destination?: object) {
    const copy = copyStyle.call(this, source ?? undefined, destination) as Record<symbol, unknown>;
    if (destination !== undefined) copy[STYLE_SOURCE] = source ?? NO_STYLE;
    return copy;
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
export function measureOncePerStyle(this: TextInlines, array: Item[], stack: StyleStack): Item[] {
  if (array.length) {
    const leadingIndent = StyleContextStack.getStyleProperty(array[0], stack, 'leadingIndent', 0);
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

/** A property of a named style or of the styles it extends (nearest last), as pdfmake looks it up. */
function fromNamedStyle(stack: StyleStackInternals, name: string, property: string, visited: Set<string> | null): unknown {
  if (visited?.has(name)) return undefined;
  const style = stack.styleDictionary[name];
  if (!style) return undefined;
  if (isValue(style[property])) return style[property];
  if (!style.extends) return undefined;
  // Only a style that extends others can lead back to itself: the set is made only then.
  const seen = visited ?? new Set<string>();
  seen.add(name);
  const parents = Array.isArray(style.extends) ? style.extends : [style.extends];
  for (let i = parents.length - 1; i >= 0; i--) {
    const value = fromNamedStyle(stack, parents[i], property, seen);
    if (isValue(value)) return value;
  }
  return undefined;
}

/**
 * pdfmake's style lookups, without their allocations: getProperty made a closure and a set for
 * every named style it consulted, getStyleProperty a closure for every property of every piece
 * and table cell (a tenth of a table-heavy PDF's layout). Same order of lookups, same results.
 */
export function speedUpStyleLookups(): void {
  StyleContextStack.prototype.getProperty = function (this: StyleStackInternals, property: string) {
    const overrides = this.styleOverrides;
    if (overrides) {
      for (let i = overrides.length - 1; i >= 0; i--) {
        const item = overrides[i] as string | Record<string, unknown>;
        if (isString(item)) {
          const value = fromNamedStyle(this, String(item), property, null);
          if (isValue(value)) return value;
        } else if (isValue((item as Record<string, unknown>)[property])) return (item as Record<string, unknown>)[property];
      }
    }
    return this.defaultStyle && this.defaultStyle[property];
  };
  StyleContextStack.getStyleProperty = function (item: Record<string, unknown>, stack: StyleStack, property: string, defaultValue: unknown) {
    if (isValue(item[property])) return item[property];
    if (!stack) return defaultValue;
    const internals = stack as unknown as StyleStackInternals;
    const pushed = internals.autopush(item);
    const value = internals.getProperty(property);
    if (pushed > 0) internals.pop(pushed);
    return isValue(value) ? value : defaultValue;
  };
}

/** pdfmake's TextInlines class, whose measure speedUpPdfKit replaces. */
export const TextInlinesClass = (require('pdfmake/js/TextInlines') as { default: { prototype: TextInlines } }).default;

/** pdfmake's own measure, as it came (the tests compare the two). */
export const pdfmakeMeasure = TextInlinesClass.prototype.measure;
