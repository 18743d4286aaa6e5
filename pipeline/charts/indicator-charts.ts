import type { HeadlineRow, HeadlineView } from '../model/headline-view.js';
import type { ChartSpec } from './render-chart.js';

const BAR = '#4f7cac';
const TARGET = '#c8553d';

function sourceLine(title: string, paragraphs: number[]): string {
  return `资料来源：${title}，第${[...new Set(paragraphs)].sort((a, b) => a - b).join('、')}段`;
}

/** Writes each bar's value at its end, so the chart can be read without the axis. */
const valueLabels = {
  id: 'value-labels',
  afterDatasetsDraw: (chart: any) => {
    const ctx = chart.ctx;
    ctx.save();
    ctx.font = '10px "Noto Sans SC"';
    ctx.fillStyle = '#333333';
    ctx.textBaseline = 'middle';
    chart.data.datasets.forEach((dataset: any, d: number) => {
      chart.getDatasetMeta(d).data.forEach((bar: any, i: number) => {
        const value = dataset.data[i];
        if (value === null || value === undefined) return;
        const label = dataset.labels?.[i] ?? `${value}`;
        // A falling figure's bar runs left of zero; its label goes right of zero, clear of the axis labels.
        ctx.textAlign = 'left';
        ctx.fillText(label, (value < 0 ? bar.base : bar.x) + 4, bar.y);
      });
    });
    ctx.restore();
  },
};

const signed = (row: HeadlineRow, cell: 'growth' | 'target') => {
  const figure = row[cell]!;
  return /^下降/.test(figure.text) ? -figure.value : figure.value;
};

/** Growth of the main indicators last year, as horizontal bars (下降 drawn to the left). */
export function growthChart(headline: HeadlineView, title: string): ChartSpec | null {
  const rows = headline.rows.filter((r) => r.growth && r.growth.unit === '%');
  if (rows.length < 2) return null;
  return {
    name: 'growth',
    title: `${headline.resultYear ?? ''}年主要指标增速`,
    widthMm: 150,
    heightMm: Math.min(120, 22 + rows.length * 9),
    source: sourceLine(title, rows.map((r) => r.growth!.paragraph)),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [{ label: '增速（%）', data: rows.map((r) => signed(r, 'growth')), backgroundColor: BAR, labels: rows.map((r) => r.growth!.text), barPercentage: 0.7 } as any],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 46, left: 4 } },
        scales: { x: { title: { display: true, text: '增速（%）' }, grace: '10%' }, y: { grid: { display: false } } },
        plugins: { legend: { display: false }, title: { display: true, text: `${headline.resultYear ?? ''}年主要指标增速（%）`, font: { size: 13, weight: 'bold' } } },
      },
      plugins: [valueLabels],
    },
  };
}

/** This year's targets beside last year's results, for the figures given as rates. */
export function targetsChart(headline: HeadlineView, title: string): ChartSpec | null {
  const rows = headline.rows.filter((r) => r.growth && r.target && r.growth.unit === '%' && r.target.unit === '%');
  if (rows.length < 2) return null;
  return {
    name: 'targets',
    title: `${headline.targetYear ?? ''}年目标与${headline.resultYear ?? ''}年实绩`,
    widthMm: 150,
    heightMm: Math.min(130, 30 + rows.length * 13),
    source: sourceLine(title, rows.flatMap((r) => [r.growth!.paragraph, r.target!.paragraph])),
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [
          { label: `${headline.resultYear ?? ''}年实绩（%）`, data: rows.map((r) => signed(r, 'growth')), backgroundColor: BAR, labels: rows.map((r) => r.growth!.text), barPercentage: 0.8 } as any,
          { label: `${headline.targetYear ?? ''}年目标（%）`, data: rows.map((r) => signed(r, 'target')), backgroundColor: TARGET, labels: rows.map((r) => r.target!.text), barPercentage: 0.8 } as any,
        ],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 56, left: 4 } },
        scales: { x: { title: { display: true, text: '增速（%）' }, grace: '10%' }, y: { grid: { display: false } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, title: { display: true, text: `${headline.targetYear ?? ''}年目标与${headline.resultYear ?? ''}年实绩（%）`, font: { size: 13, weight: 'bold' } } },
      },
      plugins: [valueLabels],
    },
  };
}

/** Last year's targets beside the results the next report gives, for the figures given as rates. */
export function reviewChart(items: Array<{ name: string; target: { value: number; unit: string; paragraph: number }; result: { value: number; unit: string; paragraph: number } | null }>, year: number, source: string): ChartSpec | null {
  const rows = items.filter((i) => i.result && i.target.unit === '%' && i.result.unit === '%');
  if (rows.length < 2) return null;
  return {
    name: 'targets-review',
    title: `${year}年目标与实绩`,
    widthMm: 150,
    heightMm: Math.min(130, 30 + rows.length * 13),
    source,
    config: {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [
          { label: `${year}年目标（%）`, data: rows.map((r) => r.target.value), backgroundColor: TARGET, barPercentage: 0.8 } as any,
          { label: `${year}年实绩（%）`, data: rows.map((r) => r.result!.value), backgroundColor: BAR, barPercentage: 0.8 } as any,
        ],
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 40, left: 4 } },
        scales: { x: { title: { display: true, text: '%' }, beginAtZero: true, grace: '10%' }, y: { grid: { display: false } } },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } }, title: { display: true, text: `${year}年目标与实绩（%）`, font: { size: 13, weight: 'bold' } } },
      },
      plugins: [valueLabels],
    },
  };
}
