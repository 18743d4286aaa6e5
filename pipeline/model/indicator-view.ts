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

/** Every indicator, grouped by the section it is in, in reading order. */
export function indicatorSections(indicators: Indicator[]): IndicatorSection[] {
  const sections: IndicatorSection[] = [];
  for (const i of indicators) {
    let section = sections[sections.length - 1];
    if (!section || section.heading !== i.section) {
      section = { heading: i.section || '（正文）', rows: [] };
      sections.push(section);
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
