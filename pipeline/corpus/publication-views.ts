import { chartPath } from '../write/assets.js';
import type { ChartSpec } from '../charts/render-chart.js';
import type { Comparison } from './compare-view.js';
import { shortIssuer } from './corpus-charts.js';
import type { Series } from './series-view.js';
import type { SeriesStatus } from './series-rows.js';

const chartView = (spec: ChartSpec | null) => (spec ? { path: chartPath(spec.name), title: spec.title, source: spec.source } : null);
const clause = (text: string) => text.replace(/^[，；、]/, '').replace(/[。；，]$/, '');

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, k) => items.slice(k * size, k * size + size));

/** What compare.md.hbs shows. */
export function comparisonTemplateView(comparison: Comparison, gdpChart: ChartSpec | null) {
  return {
    comparison: {
      year: comparison.year,
      count: comparison.issuers.length,
      // Three targets to a table: a row of more does not fit the page's width.
      tables: chunks(comparison.kinds, 3).map((kinds) => ({
        columns: kinds.map((k) => k.label),
        rows: comparison.issuers.map((i) => ({
          name: shortIssuer(i.issuer),
          cells: kinds.map((k) => (i.targets[k.key] ? { written: i.targets[k.key].written, paragraph: i.targets[k.key].paragraph } : null)),
        })),
      })),
      rows: comparison.issuers.map((i) => ({
        name: shortIssuer(i.issuer),
        title: i.title,
        gdp: i.targets.gdp ? { text: clause(i.targets.gdp.text), paragraph: i.targets.gdp.paragraph, line: i.targets.gdp.line } : null,
        gdpResult: i.gdpResult ? { text: clause(i.gdpResult.text), paragraph: i.gdpResult.paragraph } : null,
      })),
    },
    charts: { gdp: chartView(gdpChart) },
  };
}

export const STATUS_LABEL: Record<SeriesStatus, string> = { met: '完成', 'not met': '未完成', 'no result': '无实绩', 'not set': '未设定', 'not read': '未读出', 'no next report': '无下年报告' };

/** The kinds a series shows: GDP, prices, jobs and unemployment always, the others set in two years or more. */
export function seriesKinds(series: Series): string[] {
  const always = new Set(['gdp', 'cpi', 'jobs', 'surveyed', 'registered']);
  const keys = series.years[0]?.items.map((i) => i.kind.key) ?? [];
  return keys.filter((key) => {
    const set = series.years.filter((y) => y.items.some((i) => i.kind.key === key && i.target)).length;
    return set >= 2 || (always.has(key) && set >= 1) || (key === 'gdp');
  });
}

/** What series.md.hbs shows. */
export function seriesTemplateView(series: Series, charts: ChartSpec[], phraseChart: ChartSpec | null) {
  const kinds = seriesKinds(series);
  const rows = series.years.flatMap((y) =>
    y.items
      .filter((i) => kinds.includes(i.kind.key))
      .map((i) => ({
        year: y.year,
        name: i.kind.label,
        target: i.target ? `${i.target.written}（${y.year}年报告¶${i.target.paragraph}）` : i.notSetAt ? `未设定（${y.year}年报告¶${i.notSetAt.paragraph}：${clause(i.notSetAt.text)}）` : '—',
        result: i.result ? `${i.result.written}（${y.year + 1}年报告¶${i.result.paragraph}）` : '—',
        status: STATUS_LABEL[i.status],
      })),
  );
  return {
    series: {
      issuer: series.issuer,
      first: series.years[0].year,
      last: series.years[series.years.length - 1].year,
      rows,
      charts: charts.map((c) => chartView(c)!),
      phraseChart: chartView(phraseChart),
      phraseNames: series.phrases.map((p) => p.phrase),
      phraseRows: series.years.map((y, k) => ({ year: y.year, counts: series.phrases.map((p) => p.counts[k]) })),
    },
  };
}
