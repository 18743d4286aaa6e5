import { canonicalName } from '../extract/canonical-name.js';
import type { Indicator } from '../extract/indicator.js';

/** A figure as printed in a table cell, with the paragraph it is quoted from. */
export interface FigureCell {
  /** As the report writes it: 7363.9亿元, 7%左右, 6%–6.5%, 下降3.5%. */
  text: string;
  paragraph: number;
  line: number;
  value: number;
  unit: string;
}

export interface HeadlineRow {
  name: string;
  result: FigureCell | null;
  growth: FigureCell | null;
  target: FigureCell | null;
}

export interface HeadlineView {
  /** The year of the results (the report's review year) and of the targets. */
  resultYear: number | null;
  targetYear: number | null;
  rows: HeadlineRow[];
  /** ¶ of the paragraphs the table draws from. */
  paragraphs: number[];
}

function figure(indicator: Indicator, text: string): FigureCell {
  return { text, paragraph: indicator.paragraph, line: indicator.line, value: indicator.value, unit: indicator.unit };
}

/** 7%左右, 10%以上, 近10亿元: the qualifiers that read after a figure go after it, the others before. */
export function figureText(indicator: Indicator): string {
  const q = indicator.qualifier;
  const body = `${indicator.value}${indicator.unit}`;
  if (!q || q === '下限' || q === '上限') return body;
  if (/^(左右|以上|以内|以下|之内|多|余)$/.test(q)) return q === '多' || q === '余' ? `${indicator.value}${q}${indicator.unit}` : `${body}${q}`;
  return `${q}${body}`;
}

/** A falling figure with the report's own verb: 下降3.5%, 精简46.6%, 压缩至6.6天 stays as it is. */
export function changeText(indicator: Indicator): string {
  const text = figureText(indicator);
  if (indicator.direction !== 'down') return text;
  const verb = indicator.verb && !/[至到]$/.test(indicator.verb) ? indicator.verb : '下降';
  return `${verb}${text}`;
}

/** Rows of the main table at most: the report's own list of main targets is rarely longer. */
const MAX_ROWS = 12;

/** The paragraph holding the most of the given indicators. */
function busiestParagraph(indicators: Indicator[]): number | null {
  const counts = new Map<number, number>();
  for (const i of indicators) counts.set(i.paragraph, (counts.get(i.paragraph) ?? 0) + 1);
  let best: number | null = null;
  for (const [n, c] of counts) if (best === null || c > counts.get(best)! || (c === counts.get(best)! && n < best)) best = n;
  return best;
}

/**
 * The main table of a report: its main targets (from the paragraph setting most of them) against
 * last year's results for the same things (from the paragraph reporting most of them).
 */
export function headlineView(indicators: Indicator[], reportYear: number | null, paragraphTexts: Map<number, string> = new Map()): HeadlineView {
  const targetYear = reportYear;
  const resultYear = reportYear ? reportYear - 1 : null;
  const targets = indicators.filter((i) => i.kind === 'target' && i.period === String(targetYear) && i.unit !== '');
  const results = indicators.filter((i) => (i.kind === 'level' || i.kind === 'growth' || i.kind === 'count' || i.kind === 'share') && i.period === String(resultYear));
  // The report names its main targets: 主要预期目标是：… — that paragraph, else the one setting most.
  const announced = targets.filter((t) => /预期目标|主要目标/.test(t.text) || paragraphTexts.get(t.paragraph)?.match(/(主要)?预期目标|主要目标是/));
  const targetParagraph = busiestParagraph(announced.length >= 2 ? announced : targets.filter((t) => t.unit === '%' || t.qualifier));
  const resultParagraph = busiestParagraph(results.filter((r) => r.kind === 'growth'));

  const rows = new Map<string, HeadlineRow>();
  const row = (name: string) => {
    const key = canonicalName(name);
    if (!rows.has(key)) rows.set(key, { name, result: null, growth: null, target: null });
    return rows.get(key)!;
  };
  for (const t of targets.filter((t) => t.paragraph === targetParagraph)) {
    const r = row(t.name);
    if (t.qualifier === '上限' && r.target) r.target = { ...r.target, text: `${r.target.text}–${figureText(t)}` };
    else if (!r.target) r.target = figure(t, changeText(t));
  }
  const mainResults = results.filter((r) => r.paragraph === resultParagraph);
  for (const r of mainResults) {
    const key = canonicalName(r.name);
    // Results the targets do not name still belong in the table when they are the main paragraph's.
    const target = rows.get(key) ?? row(r.name);
    if (r.kind === 'growth' && !target.growth) target.growth = figure(r, changeText(r));
    else if (r.kind !== 'growth' && !target.result) target.result = figure(r, figureText(r));
  }
  // A target whose result is reported elsewhere in the review (not in the main paragraph).
  for (const target of rows.values()) {
    if (target.growth && target.result) continue;
    for (const r of results) {
      if (canonicalName(r.name) !== canonicalName(target.name)) continue;
      if (r.kind === 'growth' && !target.growth) target.growth = figure(r, changeText(r));
      if (r.kind !== 'growth' && !target.result && r.unit !== '%') target.result = figure(r, figureText(r));
    }
  }
  const paragraphs = [...new Set([resultParagraph, targetParagraph].filter((n): n is number => n !== null))];
  // A main table, not a list of everything: the targets, then results until the table is full.
  const all = [...rows.values()];
  const withTarget = all.filter((r) => r.target);
  // A result without a target belongs in the main table when the report gives its growth too
  // (人均可支配收入 40587元, 增长6.7%); a lone level (总量突破90万亿元, 近14亿人口) does not.
  const resultsOnly = all.filter((r) => !r.target && r.growth).slice(0, Math.max(0, MAX_ROWS - withTarget.length));
  return { resultYear, targetYear, rows: all.filter((r) => withTarget.includes(r) || resultsOnly.includes(r)), paragraphs };
}
