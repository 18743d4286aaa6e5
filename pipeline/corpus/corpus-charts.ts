import type { ChartSpec } from '../charts/render-chart.js';
import type { Comparison } from './compare-view.js';
import type { Series } from './series-view.js';

const TARGET = '#c8553d';
const RESULT = '#4f7cac';
const PALETTE = ['#8b1a1a', '#4f7cac', '#c8553d', '#3d8b5a', '#8e6bb0', '#b08a2e', '#555555', '#2a9d8f'];

/** Short names for chart labels: 广东省人民政府 → 广东省. */
export const shortIssuer = (issuer: string) => issuer.replace(/人民政府$/, '');

/** GDP targets side by side, a range drawn as a floating bar from its lower to its upper end; last year's results beside them. */
export function compareGdpChart(comparison: Comparison): ChartSpec | null {
  const rows = comparison.issuers.filter((i) => i.targets.gdp);
  if (rows.length < 2) return null;
  const title = `${comparison.year}年生产总值增长目标与上年实绩（%）`;
  return {
    name: `compare-${comparison.year}-gdp`,
    title,
    widthMm: 160,
    heightMm: Math.min(200, 30 + rows.length * 9),
    source: `资料来源：各地${comparison.year}年政府工作报告`,
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => shortIssuer(r.issuer)),
        datasets: [
          // A single target is a thin bar at its value: [v − 0.02, v] keeps one scale for points and ranges.
          { label: `${comparison.year}年目标`, data: rows.map((r) => [r.targets.gdp.value - (r.targets.gdp.upper === undefined ? 0.05 : 0), r.targets.gdp.upper ?? r.targets.gdp.value + 0.05]), backgroundColor: TARGET, barPercentage: 0.8 } as any,
          { label: `${comparison.year - 1}年实绩`, data: rows.map((r) => (r.gdpResult ? [r.gdpResult.value - 0.05, r.gdpResult.value + 0.05] : null)), backgroundColor: RESULT, barPercentage: 0.8 } as any,
        ],
      },
      options: {
        indexAxis: 'y',
        scales: { x: { title: { display: true, text: '增长（%）' }, beginAtZero: false, min: Math.floor(Math.min(...rows.map((r) => Math.min(r.targets.gdp.value, r.gdpResult?.value ?? Infinity))) - 0.5) }, y: { grid: { display: false } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, title: { display: true, text: title, font: { size: 13, weight: 'bold' } } },
      },
    },
  };
}

/** One kind of target against its result, year by year; a range's lower and upper ends as two lines. */
export function seriesChart(series: Series, key: string): ChartSpec | null {
  const years = series.years.filter((y) => y.items.some((i) => i.kind.key === key && i.target));
  if (years.length < 2) return null;
  const item = (y: Series['years'][number]) => y.items.find((i) => i.kind.key === key)!;
  const label = item(years[0]).kind.label;
  const unit = item(years[0]).target!.unit;
  const title = `${label}：目标与实绩（${unit}）`;
  return {
    name: `series-${series.slug}-${key}`,
    title,
    widthMm: 160,
    heightMm: 75,
    source: `资料来源：${series.issuer}历年政府工作报告`,
    config: {
      type: 'line',
      data: {
        labels: series.years.map((y) => String(y.year)),
        datasets: [
          { label: '目标', data: series.years.map((y) => (y.items.find((i) => i.kind.key === key)?.target?.value ?? null)), borderColor: TARGET, backgroundColor: TARGET, spanGaps: false, pointRadius: 3 },
          { label: '目标上限', data: series.years.map((y) => (y.items.find((i) => i.kind.key === key)?.target?.upper ?? null)), borderColor: TARGET, backgroundColor: TARGET, borderDash: [4, 3], pointRadius: 2, spanGaps: false },
          { label: '实绩', data: series.years.map((y) => (y.items.find((i) => i.kind.key === key)?.result?.value ?? null)), borderColor: RESULT, backgroundColor: RESULT, pointRadius: 3, spanGaps: false },
        ],
      } as any,
      options: {
        scales: { y: { grace: '20%', title: { display: true, text: unit } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12, filter: (l: any, data: any) => data.datasets[l.datasetIndex].data.some((v: unknown) => v !== null) } }, title: { display: true, text: title, font: { size: 13, weight: 'bold' } } },
      },
    },
  };
}

/** The key phrases' frequency per 10,000 characters, year by year. */
export function phrasesChart(series: Series): ChartSpec | null {
  if (series.phrases.length === 0) return null;
  const title = '关键词出现频次（每万字）';
  return {
    name: `series-${series.slug}-phrases`,
    title,
    widthMm: 160,
    heightMm: 80,
    source: `资料来源：${series.issuer}历年政府工作报告全文`,
    config: {
      type: 'line',
      data: {
        labels: series.years.map((y) => String(y.year)),
        datasets: series.phrases.map((p, k) => ({ label: p.phrase, data: p.rates, borderColor: PALETTE[k % PALETTE.length], backgroundColor: PALETTE[k % PALETTE.length], pointRadius: 2 })),
      },
      options: {
        scales: { y: { beginAtZero: true, title: { display: true, text: '每万字' } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, title: { display: true, text: title, font: { size: 13, weight: 'bold' } } },
      },
    },
  };
}
