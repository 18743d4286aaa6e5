import type { Font } from 'fontkit';

/**
 * The OpenType features fontkit applies to horizontal text when none are asked for (its default
 * shaper: variations, direction, fractions, the common and the horizontal features).
 */
const FONTKIT_DEFAULT_FEATURES = new Set(['rvrn', 'ltra', 'ltrm', 'frac', 'numr', 'dnom', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern']);

/** An OpenType coverage table as fontkit reads it: a list of glyphs, or ranges of them. */
interface Coverage {
  version: number;
  glyphs?: number[];
  rangeRecords?: Array<{ start: number; end: number }>;
}

interface LookupTable {
  featureList: Array<{ tag: string; feature: { lookupListIndexes: number[] } }>;
  lookupList: { length: number; get(index: number): object };
}

const asArray = (value: unknown): unknown[] => {
  if (Array.isArray(value)) return value;
  if (value && typeof (value as { toArray?: unknown }).toArray === 'function') return (value as { toArray(): unknown[] }).toArray();
  return value ? [value] : [];
};

function addCoverage(coverage: Coverage, glyphs: Set<number>): void {
  for (const glyph of coverage.glyphs ?? []) glyphs.add(glyph);
  for (const { start, end } of coverage.rangeRecords ?? []) for (let glyph = start; glyph <= end; glyph++) glyphs.add(glyph);
}

/**
 * Every coverage table of a lookup (its own, its marks' and bases', the context's before and
 * after it), through extension lookups. A lookup acts only where a glyph it covers stands.
 */
function addLookupCoverages(table: object, glyphs: Set<number>): void {
  for (const [key, value] of Object.entries(table)) {
    if (/coverage/i.test(key)) for (const coverage of asArray(value)) addCoverage(coverage as Coverage, glyphs);
    else if (key === 'subTables' || key === 'extension') for (const subTable of asArray(value)) addLookupCoverages(subTable as object, glyphs);
  }
}

const byFont = new WeakMap<Font, Set<number>>();

/**
 * The glyphs fontkit's default shaping may change or move in a font: those any lookup of a
 * default feature covers, in GSUB or GPOS, for any script. Text made only of other glyphs is
 * laid out by fontkit as each glyph with its own advance, as if set one character at a time.
 */
export function glyphsShapingMayChange(font: Font): Set<number> {
  let glyphs = byFont.get(font);
  if (glyphs) return glyphs;
  glyphs = new Set<number>();
  const tables = font as unknown as { GSUB?: LookupTable; GPOS?: LookupTable; kern?: unknown };
  // An old-style kern table moves pairs too: then no glyph is safe.
  if (tables.kern) for (let glyph = 0; glyph < font.numGlyphs; glyph++) glyphs.add(glyph);
  for (const table of [tables.GSUB, tables.GPOS]) {
    if (!table) continue;
    const lookups = new Set<number>();
    for (const { tag, feature } of table.featureList) if (FONTKIT_DEFAULT_FEATURES.has(tag)) for (const index of feature.lookupListIndexes) lookups.add(index);
    for (const index of lookups) addLookupCoverages(table.lookupList.get(index), glyphs);
  }
  byFont.set(font, glyphs);
  return glyphs;
}
