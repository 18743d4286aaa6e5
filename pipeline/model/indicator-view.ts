import type { Indicator } from '../extract/indicator.js';
import { changeText } from './headline-view.js';

const KIND_LABELS: Record<Indicator['kind'], string> = { level: '总量', growth: '增速', change: '增减', share: '比重', count: '数量', target: '目标' };

export interface IndicatorRow {
  name: string;
  /** The figure as written: 7%左右, 下降3.5%, 近10亿元. */
  figure: string;
  kind: string;
  period: string;
  paragraph: number;
  line: number;
}

export interface IndicatorSection {
  heading: string;
  rows: IndicatorRow[];
}

/** A table of more rows is continued under the same heading: pdfmake lays out one long table in time that grows faster than its rows. */
const ROWS_PER_TABLE = 200;
/** More figures than any report holds (the longest in the corpus has under 500): a longer list is a table, not a report, and is left to the CSV. */
export const MAX_PRINTED_INDICATORS = 1000;

/**
 * The indicators a publication lists, grouped by the section they are in, in reading order: at
 * most MAX_PRINTED_INDICATORS, a long section split into tables of ROWS_PER_TABLE rows, each
 * after the first headed “（续）”.
 */
export function indicatorSections(indicators: Indicator[]): IndicatorSection[] {
  const sections: IndicatorSection[] = [];
  let previousHeading: string | null = null;
  for (const i of indicators.slice(0, MAX_PRINTED_INDICATORS)) {
    let section = sections[sections.length - 1];
    const heading = i.section || '（正文）';
    if (!section || previousHeading !== heading || section.rows.length >= ROWS_PER_TABLE) {
      section = { heading: previousHeading === heading ? `${heading}（续）` : heading, rows: [] };
      sections.push(section);
      previousHeading = heading;
    }
    section.rows.push({
      name: i.name,
      figure: changeText(i),
      kind: KIND_LABELS[i.kind],
      period: i.period ?? '',
      paragraph: i.paragraph,
      line: i.line,
    });
  }
  return sections;
}
