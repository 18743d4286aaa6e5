import { canonicalName } from '../extract/canonical-name.js';
import { inUnitOf } from '../extract/extract-indicators.js';
import type { Indicator } from '../extract/indicator.js';
import { isLevelVerb } from '../extract/names.js';
import type { ReportModel } from '../model/report-model.js';
import { judge, type Status } from './judge.js';
import { resultsOf, wordResultsOf, type Result, type WordResult } from './results.js';
import { mainTargetSpans, planStart, targetsOf, type Target } from './targets.js';
import { figureAt, writtenFigure } from './written-figure.js';

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
  return (i.verb !== null && !isLevelVerb(i.verb)) || /涨幅|增速|增幅|增长|降幅/.test(i.name) || /^(减少|增加|压减|压缩|下降)/.test(i.name);
}

/** Falls are negative: 下降3% → −3; a target named for a fall (减少贫困人口1000万) too. */
const signed = (i: Indicator) => (i.direction === 'down' || /^(减少|压减|压缩|下降|降低)/.test(i.name) ? -i.value : i.value);

/** Names of one thing across years: 能耗强度 / 单位国内生产总值能耗, 经济增长速度 / 国内生产总值. */
export function thingKey(name: string): string {
  const bare = name
    .replace(/^(一是|二是|三是|四是|五是|六是)/, '')
    .replace(/^[^，]*?今年的?/, '')
    .replace(/(的)?(调控|预期|预定)?目标(定)?(为|是|在)?$|(预期|预定)(为|是)?$|[在为]$/, '')
    .replace(/^(年末|年底|全年|今年|去年|当年|再|要|将|继续|力争|确保|城乡|全国)+/, '')
    // 中央财政安排…, 国家拿出…: who pays is not what is measured.
    .replace(/^(中央财政|中央|地方财政|国家|各级财政|财政)(将|拟|要)?(预算)?(安排|投入|拿出|下达|用于)?/, '')
    .replace(/^(新增|改建|新建|减少|增加|压减|退出|淘汰)(?=.{2})/, '')
    .replace(/(的)?(增长速度|速度)$/, '增长')
    // 城镇新增就业 / 新增城镇就业: 新增 says how it is counted, wherever it stands.
    .replace(/(?<=.)新增(?=.)/g, '');
  if (/^(能耗强度|能源消耗强度|单位(国内|地区)?生产总值能(耗|源消耗)|万元(GDP|生产总值)能耗)/.test(bare)) return '单位生产总值能耗';
  if (/^(社会)?(商品)?零售价格/.test(bare)) return '商品零售价格';
  if (/^(居民)?消费价格/.test(bare)) return '居民消费价格';
  // 经济增长 is a synonym as it stands; 进出口增长 is 进出口 once the verb is gone.
  const synonym = canonicalName(bare);
  if (synonym !== bare) return synonym;
  return canonicalName(bare.replace(/(的)?(上涨幅度|涨幅|总水平涨幅|总水平|增长|增幅|降幅)$/, '') || bare);
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < s.length; k++) out.push(s.slice(k, k + 2));
  return out;
}

/** How alike two names of measured things are: 1 the same thing, 0 nothing shared. */
export function nameLikeness(a: string, b: string): number {
  const x = thingKey(a);
  const y = thingKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  // 城镇新增就业 / 城镇新增就业人数, 贫困人口 / 农村贫困人口; not 生产总值 / 单位生产总值能耗.
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && (long.startsWith(short) || long.endsWith(short))) return 0.85;
  const bx = bigrams(x);
  const by = new Set(bigrams(y));
  const pairs = bx.length && by.size ? (2 * bx.filter((g) => by.has(g)).length) / (bx.length + by.size) : 0;
  // 新增城镇就业 / 城镇新增就业: the same words in another order, weighed a little less.
  const cy = [...y];
  const shared = [...x].filter((c) => {
    const k = cy.indexOf(c);
    if (k < 0) return false;
    cy.splice(k, 1);
    return true;
  }).length;
  return Math.max(pairs, (0.8 * 2 * shared) / (x.length + y.length));
}

/** 经济 with its verb 增长 is 经济增长: a name of one word says little without its verb. */
export function fullName(i: Pick<Indicator, 'name' | 'verb'>): string {
  return i.name.length <= 2 && i.verb && /^(增长|增速|上涨)$/.test(i.verb) ? `${i.name}${i.verb}` : i.name;
}

/** The name a row prints: the thing, without the words that announced it (中央提出今年…预期目标为). */
export function displayName(i: Pick<Indicator, 'name' | 'verb'>): string {
  const name = fullName(i)
    .replace(/^[^，]*?今年的?/, '')
    .replace(/(的)?(调控|预期|预定)?目标(定)?(为|是|在)?$|(预期|预定)(为|是)?$|[在为]$/, '')
    .trim();
  return name || i.name;
}

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
  return inUnitOf(result.value, result.unit, target.unit) !== null;
}

/**
 * The later report's result for one target: the figure of the same thing (by name, or named in
 * its clause), of the same kind and a unit that converts; the review part's first on a tie.
 */
export function resultFor(target: Indicator, results: Result[]): Result | null {
  let best: { result: Result; score: number } | null = null;
  for (const result of results) {
    if (!comparable(target, result.indicator)) continue;
    const key = thingKey(target.name);
    const byName = nameLikeness(fullName(target), fullName(result.indicator));
    const inClause = key.length >= 3 && namesRightBefore(writtenFigure(result.indicator), key) ? 0.7 : 0;
    const score = Math.max(byName, inClause);
    if (score >= SAME_THING && (!best || score > best.score)) best = { result, score };
  }
  return best?.result ?? null;
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
  const keys = [key, key.replace(/^(城镇|居民|国内)/, '')].filter((k) => k.length >= 2);
  return words.find((w) => keys.some((k) => w.text.includes(k)) && (w.verdict !== 'fell' || /价格/.test(key))) ?? null;
}

function figure(i: Indicator, paragraphText?: string): ReviewFigure {
  return { value: i.value, unit: i.unit, qualifier: i.qualifier, line: i.line, paragraph: i.paragraph, text: writtenFigure(i, paragraphText) };
}

/** The result in the target's unit: 1.2万亿斤 against 12000亿斤. */
function inTargetUnit(result: Indicator, unit: string): number {
  return inUnitOf(result.value, result.unit, unit) ?? result.value;
}

/** One row: a target, the result the later report gives for it, and the verdict. */
export function reviewTarget(target: Target, results: Result[], words: WordResult[], earlierText: Map<number, string> = new Map(), laterText: Map<number, string> = new Map()): ReviewItem {
  const t = target.indicator;
  const found = resultFor(t, results);
  const spoken = found ? null : wordResultFor(t, words);
  const result = found?.indicator ?? null;
  const verdict = judge(
    t.name,
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
