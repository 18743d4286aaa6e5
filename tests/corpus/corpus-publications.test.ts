import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { comparisons, type Comparison } from '../../pipeline/corpus/compare-view.js';
import { corpusRecord, type CorpusRecord } from '../../pipeline/corpus/corpus-record.js';
import { announcingParagraphs } from '../../pipeline/corpus/main-targets.js';
import { seriesOf, type Series } from '../../pipeline/corpus/series-view.js';
import { reviewTargets } from '../../pipeline/review/index.js';
import type { ReportModel } from '../../pipeline/model/report-model.js';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { GDP_TARGETS_2026, nationalSeriesRows } from '../helpers/corpus-expectations.js';

/**
 * The comparison and the series, made from the corpus records of the real reports (the same
 * records `make briefs` writes as corpus.json), against lists checked by hand in the texts.
 */
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const NATIONAL = ['national/national-2014.txt', 'national/national-2015.txt', 'national/national-2016.txt', 'national/national-2017.txt', 'national-2018.txt', 'national-2019.txt'];

let comparison: Comparison;
let series: Series;
const records: CorpusRecord[] = [];
/** Per report, the paragraphs found to announce the year's targets. */
const announcing = new Map<string, number[]>();

beforeAll(async () => {
  let earlier: ReportModel | null = null;
  for (const file of [...Object.keys(GDP_TARGETS_2026), ...NATIONAL]) {
    const { model } = await prepareReport(join(corpus, file));
    // As a build of the national reports together pairs each with the year before and reviews it.
    const review = earlier && NATIONAL.includes(file) ? reviewTargets(earlier, model) : null;
    if (NATIONAL.includes(file)) earlier = model;
    records.push(corpusRecord(model, review));
    announcing.set(file, announcingParagraphs(model.blocks, model.year!));
  }
  comparison = comparisons(records).find((c) => c.year === 2026)!;
  series = seriesOf(records).find((s) => s.issuer === '国务院')!;
}, 120_000);

describe('the comparison of 2026', () => {
  it('lines up the 15 provinces, and no national report (one issuer of its year)', () => {
    expect(comparisons(records).map((c) => c.year)).toEqual([2026]);
    expect(comparison.issuers).toHaveLength(15);
  });

  it.each(Object.entries(GDP_TARGETS_2026))('gives %s’s GDP target as its report sets it', (file, expected) => {
    const issuer = comparison.issuers.find((i) => i.slug === basename(file, '.txt'))!;
    const gdp = issuer.targets.gdp;
    expect({ line: gdp.line, value: gdp.value, upper: gdp.upper, written: gdp.written }).toEqual({ upper: undefined, ...expected });
  });

  it.each(Object.keys(GDP_TARGETS_2026))('finds the one paragraph of %s that announces the year’s targets (not the five-year plan’s)', (file) => {
    const gdp = records.find((r) => r.slug === basename(file, '.txt'))!.targets.gdp;
    expect(gdp.status).toBe('set');
    expect(announcing.get(file)).toEqual([(gdp as { figure: { paragraph: number } }).figure.paragraph]);
  });

  it('sorts the issuers by GDP target, a range by its lower end', () => {
    const values = comparison.issuers.map((i) => i.targets.gdp.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('has a column only for targets a third of the issuers set', () => {
    for (const kind of comparison.kinds) expect(comparison.issuers.filter((i) => i.targets[kind.key]).length * 3).toBeGreaterThanOrEqual(15);
    expect(comparison.kinds.map((k) => k.key)).toEqual(expect.arrayContaining(['gdp', 'cpi', 'jobs', 'surveyed']));
  });
});

describe('the national series', () => {
  it('has each year of the corpus given, with the next year’s report where there is one', () => {
    expect(series.slug).toBe('national');
    expect(series.years.map((y) => [y.year, y.nextSlug])).toEqual([
      [2014, 'national-2015'], [2015, 'national-2016'], [2016, 'national-2017'], [2017, 'national-2018'], [2018, 'national-2019'], [2019, null],
    ]);
  });

  // Rows the extractor does not yet read are expected to fail until it does (see the YAML).
  for (const { year, name, expected } of nationalSeriesRows()) {
    const test = expected.knownFailure ? it.fails : it;
    test(`${year} ${name}: target ${expected.written}, result ${expected.result?.value ?? 'none'}${expected.knownFailure ? ' (known failure)' : ''}`, () => {
      const item = series.years.find((y) => y.year === year)!.items.find((i) => i.kind.label === name)!;
      expect(item.target && { line: item.target.line, value: item.target.value, upper: item.target.upper, written: item.target.written }).toEqual({ upper: undefined, line: expected.line, value: expected.value, written: expected.written, ...(expected.upper !== undefined ? { upper: expected.upper } : {}) });
      expect(item.result && { value: item.result.value, line: item.result.line }).toEqual(expected.result);
      expect(item.status).toBe(expected.status);
    });
  }

  it('marks the last year’s targets as having no next report, not as unmet', () => {
    expect(series.years.at(-1)!.items.filter((i) => i.target).map((i) => i.status)).toEqual(Array(5).fill('no next report'));
  });

  it('chooses key phrases that rise and fall across the years', () => {
    const phrases = series.phrases.map((p) => p.phrase);
    expect(phrases).toContain('高质量发展');
    expect(phrases).toContain('供给侧结构性改革');
    const high = series.phrases.find((p) => p.phrase === '高质量发展')!;
    // Absent in 2014–2017, present from 2018 (the 19th Party Congress's phrase).
    expect(high.counts.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(Math.min(...high.counts.slice(4))).toBeGreaterThan(0);
  });
});
