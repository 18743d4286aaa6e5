import type { IndustryStructure } from '../model/industry-structure.js';
import type { ChartSpec } from './render-chart.js';

const INDUSTRY_COLOURS = ['#8fb996', '#4f7cac', '#c8553d'];
const INDUSTRY_NAMES = ['第一产业', '第二产业', '第三产业'];

/** 三次产业结构 then and now, as 100 % stacked bars with each share written on its segment. */
export function industryStructureChart(structure: IndustryStructure, reportTitle: string): ChartSpec {
  return {
    name: 'industry-structure',
    title: '三次产业结构',
    widthMm: 150,
    heightMm: 62,
    source: `资料来源：${reportTitle}，第${structure.n}段`,
    config: {
      type: 'bar',
      data: {
        labels: structure.points.map((p) => p.label),
        datasets: INDUSTRY_NAMES.map((name, i) => ({
          label: name,
          data: structure.points.map((p) => p.shares[i]),
          backgroundColor: INDUSTRY_COLOURS[i],
          borderWidth: 0,
          barPercentage: 0.7,
        })),
      },
      options: {
        indexAxis: 'y',
        layout: { padding: { right: 12 } },
        scales: {
          x: { stacked: true, min: 0, max: 100, title: { display: true, text: '比重（%）' }, ticks: { stepSize: 20 } },
          y: { stacked: true, grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom', labels: { boxWidth: 12 } },
          title: { display: true, text: '三次产业结构（%）', font: { size: 13, weight: 'bold' } },
        },
      },
      plugins: [
        {
          id: 'segment-labels',
          afterDatasetsDraw: (chart) => {
            const ctx = chart.ctx;
            ctx.save();
            ctx.font = `11px "Noto Sans SC"`;
            ctx.fillStyle = '#ffffff';
            ctx.textAlign = 'center';
            ctx.textBaseline = 'middle';
            chart.data.datasets.forEach((dataset, d) => {
              chart.getDatasetMeta(d).data.forEach((bar: any, i) => {
                const value = dataset.data[i] as number;
                const width = Math.abs(bar.x - bar.base);
                if (width > 22) ctx.fillText(String(value), (bar.x + bar.base) / 2, bar.y);
              });
            });
            ctx.restore();
          },
        },
      ],
    },
  };
}
