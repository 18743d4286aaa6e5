import type { RenderedChart } from '../charts/render-chart.js';
import type { ReportModel } from '../model/report-model.js';
import { indicatorSections } from '../model/indicator-view.js';
import { summaryView } from '../model/summary-view.js';
import { chartPath } from '../write/assets.js';

/** What a template sees of a chart: where its PNG is, its title and its source line. */
export interface ChartView {
  path: string;
  title: string;
  source: string;
}

/** The data every template is filled from: the report model plus views made for publications. */
export function templateContext(model: ReportModel, charts: RenderedChart[]): object {
  const chartViews: Record<string, ChartView> = {};
  for (const chart of charts) {
    const key = chart.spec.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    chartViews[key] = { path: chartPath(chart.spec.name), title: chart.spec.title, source: chart.spec.source };
  }
  return { ...model, charts: chartViews, summary: summaryView(model), indicatorSections: indicatorSections(model.indicators) };
}

/** A publication: the template it is made from and the base name of its files. */
export interface PublicationSpec {
  name: string;
  template: string;
}

export const PUBLICATIONS: PublicationSpec[] = [
  { name: 'fulltext', template: 'fulltext.md.hbs' },
  { name: 'summary', template: 'summary.md.hbs' },
  { name: 'indicators', template: 'indicators.md.hbs' },
];
