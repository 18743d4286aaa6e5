import { inUnitOf } from '../extract/extract-indicators.js';
import type { Indicator } from '../extract/indicator.js';
import { isLevelVerb } from '../extract/names.js';
import type { ReportModel } from '../model/report-model.js';
import { judge, type Status } from './judge.js';
import { resultsOf, wordResultsOf, type Result, type WordResult } from './results.js';
import { mainTargetSpans, planStart, targetsOf, type Target } from './targets.js';
import { figureAt, writtenFigure } from './written-figure.js';
import { displayName, fullName, nameLikeness, thingKey } from './thing-names.js';
import { simplifiedForm } from '../util/simplified-form.js';


/** A figure of a report as a review row quotes it. */
export interface ReviewFigure {
  value: number;
  unit: string;
  qualifier: string | null;
  line: number;
  paragraph: number;
  /** The figure as written, with the words that name it. */
  text: string;
}

export interface ReviewItem {
  name: string;
  /** One of the report's main expected targets. */
  main: boolean;
  /** The heading of the section the target is set in. */
  section: string;
  target: ReviewFigure;
  /** The upper bound of a range target (6%－6.5%). */
  upper?: ReviewFigure;
  /** value null: the later report gives the result only in words (预期增长目标未能实现). */
  result: (Omit<ReviewFigure, 'value'> & { value: number | null }) | null;
  status: Status;
  rule: string;
  /** Why a reader might judge otherwise, or null. */
  debatable: string | null;
}

/** A rate of change (增长6.5%, 下降3%) or a level (1100万人, 5.5%以内 of a rate that is a level). */
function isChange(i: Indicator): boolean {
  if (i.kind === 'growth' || i.kind === 'change') return true;
  if (i.kind !== 'target') return false;
  const name = simplifiedForm(i.name);
  return (i.verb !== null && !isLevelVerb(i.verb)) || /涨幅|增速|增幅|增长|降幅/.test(name) || /^(减少|增加|压减|压缩|下降)/.test(name);
}

/** Falls are negative: 下降3% → −3; a target named for a fall (减少贫困人口1000万) too. */
const signed = (i: Indicator) => (i.direction === 'down' || /^(减少|压减|压缩|下降|降低)/.test(simplifiedForm(i.name)) ? -i.value : i.value);

/** 国内生产总值增长6.5%－7%: a range as written, through its upper bound. */
function rangeText(lower: Indicator, upper: Indicator, paragraphText?: string): string {
  const from = writtenFigure(lower, paragraphText);
  const at = figureAt(lower.text, upper.value, upper.unit);
  const lowerAt = lower.text.indexOf(from.slice(-8));
  return at && lowerAt >= 0 && at.end > lowerAt ? `${from.slice(0, from.length - 8)}${lower.text.slice(lowerAt, at.end)}` : from;
}

/** Below this likeness two names are of different things: a guess is worse than “no result”. */
const SAME_THING = 0.7;

/** Whether a result can speak to a target: a change against a change, a level against a level, units that convert. */
function comparable(target: Indicator, result: Indicator): boolean {
  if (isChange(target) !== isChange(result)) return false;
  if (target.unit === result.unit) return true;
  // 近1400万 (农业转移人口) against 1300万人: a bare magnitude counts what the target counts.
  if (/^(万亿|亿|万|千)$/.test(result.unit) && new RegExp(`^${result.unit}(人|户)$`).test(target.unit)) return true;
  return inUnitOf(result.value, result.unit, target.unit) !== null;
}

/**
 * The later report's result for one target: the figure of the same thing (by name, or named in
 * its clause), of the same kind and a unit that converts; the review part's first on a tie.
 */
export function resultFor(target: Indicator, results: Result[]): Result | null {
  let best: { result: Result; score: number } | null = null;
  const key = thingKey(target.name);
  for (const result of results) {
    if (!comparable(target, result.indicator)) continue;
    const byName = nameLikeness(fullName(target), fullName(result.indicator));
    const inClause = key.length >= 3 && namesRightBefore(simplifiedForm(writtenFigure(result.indicator)), key) ? 0.7 : 0;
    // 近1400万农业转移人口在城镇落户: people counted, then what they did.
    const after = /(人|万|户)$/.test(result.indicator.unit) ? nameLikeness(fullName(target), phraseAfterFigure(result.indicator)) : 0;
    const score = Math.max(byName, inClause, after);
    if (score >= SAME_THING && (!best || score > best.score)) best = { result, score };
  }
  return best?.result ?? null;
}

/** The words after a figure to the end of its clause: 农业转移人口在城镇落户 of 近1400万农业转移人口在城镇落户. */
function phraseAfterFigure(i: Indicator): string {
  const at = figureAt(i.text, i.value, i.unit);
  return at ? i.text.slice(at.end).replace(/[。；，].*$/, '') : '';
}

/** 年末城镇登记失业率降到4.02%: the thing named just before the figure, only verbs and time between. */
function namesRightBefore(written: string, key: string): boolean {
  const at = written.lastIndexOf(key);
  if (at < 0) return false;
  const between = written.slice(at + key.length).replace(/[\d.０-９．%％]+.*$/, '');
  return /^(总额|总量|人数)?(比上年|同比|全年|年末)?(实际)?(增长|下降|上涨|达到|为|是|降到|降至|减少|增加|新增|提高到|首次跃上|跃上|突破|超过|完成|稳定在|保持在|控制在)*(了)?(近|约|超过)?$/.test(between);
}

/** A sentence that judges the target's thing in words: the thing named before the verdict. */
export function wordResultFor(target: Indicator, words: WordResult[]): WordResult | null {
  const key = thingKey(fullName(target));
  // The words of a review name the thing more loosely: 物价调控目标, 经济增长.
  const loose = /价格$/.test(key) ? ['物价'] : key === '生产总值' ? ['经济增长', '生产总值'] : [];
  const keys = [key, key.replace(/^(城镇|居民|国内)/, ''), ...loose].filter((k) => k.length >= 2);
  return (
    words.find((w) => {
      const text = simplifiedForm(w.text);
      return keys.some((k) => text.includes(k)) && (w.verdict !== 'fell' || /价格/.test(key));
    }) ?? null
  );
}

function figure(i: Indicator, paragraphText?: string): ReviewFigure {
  return { value: i.value, unit: i.unit, qualifier: i.qualifier, line: i.line, paragraph: i.paragraph, text: writtenFigure(i, paragraphText) };
}

/** The result in the target's unit: 1.2万亿斤 against 12000亿斤. */
function inTargetUnit(result: Indicator, unit: string): number {
  if (unit.startsWith(result.unit)) return result.value;
  return inUnitOf(result.value, result.unit, unit) ?? result.value;
}

/** One row: a target, the result the later report gives for it, and the verdict. */
export function reviewTarget(target: Target, results: Result[], words: WordResult[], earlierText: Map<number, string> = new Map(), laterText: Map<number, string> = new Map()): ReviewItem {
  const t = target.indicator;
  const found = resultFor(t, results);
  const spoken = found ? null : wordResultFor(t, words);
  const result = found?.indicator ?? null;
  const verdict = judge(
    // Judged by what the name says (价格: a ceiling), read in simplified characters as the rules are written.
    simplifiedForm(t.name),
    { value: signed(t), unit: t.unit, qualifier: t.qualifier },
    result ? { value: inTargetUnit(result, t.unit) * (signed(result) < 0 ? -1 : 1), unit: t.unit, qualifier: result.qualifier } : spoken ? { words: spoken.text, verdict: spoken.verdict } : null,
    target.upper ? { value: signed(target.upper), unit: target.upper.unit, qualifier: target.upper.qualifier } : undefined,
  );
  return {
    name: displayName(t),
    main: target.main,
    section: t.section,
    target: target.upper ? { ...figure(t, earlierText.get(t.paragraph)), text: rangeText(t, target.upper, earlierText.get(t.paragraph)) } : figure(t, earlierText.get(t.paragraph)),
    upper: target.upper ? figure(target.upper) : undefined,
    result: result
      ? figure(result, laterText.get(result.paragraph))
      : spoken
        ? { value: null, unit: '', qualifier: null, line: spoken.line, paragraph: spoken.paragraph, text: spoken.text.replace(/[。；]$/, '') }
        : null,
    ...verdict,
  };
}

type ReviewInput = Pick<ReportModel, 'sections' | 'paragraphs' | 'indicators' | 'year'>;

/**
 * The review of one year's targets: every target the earlier report set for its year, matched to
 * the result the later report gives for that year, and judged. Main targets first, then the
 * others in the order the report sets them. Pure: two report models in, rows out.
 */
export function reviewTargets(earlier: ReviewInput, later: ReviewInput): ReviewItem[] {
  const year = earlier.year;
  if (!year) return [];
  const { targets } = targetsOf(earlier);
  const reviewEnds = planStart(later) || (mainTargetSpans(later, 0)[0]?.paragraph ?? 0);
  const results = resultsOf(later, year, reviewEnds);
  const words = wordResultsOf(later, reviewEnds);
  const earlierText = new Map(earlier.paragraphs.map((p) => [p.n, p.text]));
  const laterText = new Map(later.paragraphs.map((p) => [p.n, p.text]));
  const items = targets.map((target) => reviewTarget(target, results, words, earlierText, laterText));
  return [...items.filter((i) => i.main), ...items.filter((i) => !i.main)];
}
