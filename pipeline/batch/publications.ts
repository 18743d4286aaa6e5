import type { Audience } from '../audiences/audience.js';
import type { ChartSpec } from '../charts/render-chart.js';
import type { ReportModel } from '../model/report-model.js';
import { indicatorSections, MAX_PRINTED_INDICATORS } from '../model/indicator-view.js';
import { summaryView } from '../model/summary-view.js';
import { chartPath } from '../write/assets.js';

/** What a template sees of a chart: where its PNG is, its title and its source line. */
export interface ChartView {
  path: string;
  title: string;
  source: string;
}

/** The data every template is filled from: the report model plus views made for publications. */
export function templateContext(model: ReportModel, charts: ChartSpec[]): object {
  const chartViews: Record<string, ChartView> = {};
  for (const chart of charts) {
    const key = chart.name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    chartViews[key] = { path: chartPath(chart.name), title: chart.title, source: chart.source };
  }
  const printed = Math.min(model.indicators.length, MAX_PRINTED_INDICATORS);
  return {
    ...model,
    charts: chartViews,
    summary: summaryView(model),
    indicatorSections: indicatorSections(model.indicators),
    // How many figures the indicators list leaves to the CSV (a table of thousands of rows).
    indicatorsPrinted: printed,
    indicatorsOmitted: model.indicators.length - printed,
  };
}

/** A publication: the template it is made from, the base name of its files, and its page budget. */
export interface PublicationSpec {
  name: string;
  template: string;
  /** Content is chosen to fit this many pages (briefs and the summary); none: it runs as long as it is. */
  pages?: number;
  /** The audience whose brief this is, or the summary's own settings. */
  audience?: Audience;
}

/** The executive summary draws on the report like an audience does: achievements, targets, priorities. */
export const SUMMARY_SETTINGS: Audience = {
  name: 'summary',
  file: '(built in)',
  title: '执行摘要',
  subtitle: '',
  template: 'summary.md.hbs',
  style: 'modern',
  pages: 2,
  topics: [],
  focus: [],
  quotable: false,
  blocks: ['achievements', 'targets', 'priorities'],
  figures: 'headline',
  headings: {},
};

export function publicationsFor(audiences: Audience[], withReview = false): PublicationSpec[] {
  return [
    { name: 'fulltext', template: 'fulltext.md.hbs' },
    { name: 'summary', template: 'summary.md.hbs', pages: 2, audience: SUMMARY_SETTINGS },
    { name: 'indicators', template: 'indicators.md.hbs' },
    ...(withReview ? [{ name: 'targets-review', template: 'targets-review.md.hbs' }] : []),
    ...audiences.map((a) => ({ name: `brief-${a.name}`, template: a.template, pages: a.pages, audience: a })),
  ];
}
