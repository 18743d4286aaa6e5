import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Hand-checked lists of tests/fixtures/corpus (see the YAML files' heads). */
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');

export interface GdpTarget {
  line: number;
  value: number;
  upper?: number;
  written: string;
}
export const GDP_TARGETS_2026: Record<string, GdpTarget> = parse(readFileSync(join(corpus, 'gdp-targets-2026.yaml'), 'utf8'));

export interface SeriesExpectation {
  line: number;
  value: number;
  upper?: number;
  written: string;
  result: { value: number; line: number } | null;
  status: string;
  knownFailure?: string;
}
export const NATIONAL_SERIES: Record<string, Record<string, SeriesExpectation>> = parse(readFileSync(join(corpus, 'national-series.yaml'), 'utf8'));

/** Rows of the series expectations, one per year and target, for it.each. */
export const nationalSeriesRows = () =>
  Object.entries(NATIONAL_SERIES).flatMap(([year, items]) => Object.entries(items).map(([name, expected]) => ({ year: Number(year), name, expected })));
