import type { Indicator } from '../extract/indicator.js';
import type { ReportModel } from '../model/report-model.js';

/** The fields of indicators.json and the columns of indicators.csv, in this order (DESIGN.md). */
const FIELDS: Array<keyof Indicator> = ['id', 'name', 'value', 'unit', 'kind', 'direction', 'qualifier', 'period', 'section', 'line', 'paragraph', 'text'];

export function indicatorsJson(model: ReportModel): string {
  const report = {
    slug: model.slug,
    title: model.title,
    displayTitle: model.displayTitle,
    source: model.source,
    issuer: model.issuer,
    year: model.year,
    encoding: model.encoding,
    count: model.indicators.length,
    /** What the reader dropped or could not recognise, with places: the gallery lists them. */
    warnings: model.warnings,
  };
  const indicators = model.indicators.map((i) => Object.fromEntries(FIELDS.map((f) => [f, i[f]])));
  return `${JSON.stringify({ report, indicators }, null, 2)}\n`;
}

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** UTF-8 with a BOM, CRLF rows: Excel then opens the Chinese correctly. */
export function indicatorsCsv(model: ReportModel): string {
  const rows = [FIELDS.join(','), ...model.indicators.map((i) => FIELDS.map((f) => csvCell(i[f])).join(','))];
  return `\ufeff${rows.join('\r\n')}\r\n`;
}
