import type { Indicator } from '../extract/indicator.js';
import type { ReportModel } from '../model/report-model.js';
import { clauseOffsets } from './clause-offsets.js';
import { fullName, thingKey } from './thing-names.js';
import { figureAt } from './written-figure.js';

/**
 * What a report sets for its year: the figures of its main expected targets paragraph, and the
 * other commitments with a number (今年要…, 计划…, 确保…, 新建…). Everything else a figure of the
 * plan part can be — an explanation, a forecast, a threshold, a baseline, a count of work areas,
 * a figure of past years — is named by the rule that sets it aside.
 */
export interface Target {
  indicator: Indicator;
  /** The upper bound of a range (6.5%－7%). */
  upper?: Indicator;
  /** In the paragraph of the main expected targets (主要预期目标是：…). */
  main: boolean;
}

/** The paragraph that announces the year's main targets, in the words reports have used since 1997. */
export const MAIN_TARGETS = /主要(预期)?目标是|(预期|调控)目标(是|为|定为)|主要预期目标|经济增长(速度)?(的)?(预期|调控目标)|今年(的)?经济增长预期|宏观调控的主要目标/;

/** Headings of the part of a report about the year ahead (not its review of the past). */
const PLAN_HEADING = /今年|\d{4}年(政府)?工作|工作(总体)?(要求|部署|任务|安排|建议)|总体要求|政策取向|重点工作|主要任务|主要目标|目标任务|预期目标/;
const REVIEW_HEADING = /回顾|过去|以来/;

export type NotTargetReason =
  | 'baseline'
  | 'difference from last year'
  | 'explanation'
  | 'forecast'
  | 'threshold'
  | 'count of work areas'
  | 'no subject'
  | 'restates a main target'
  | 'in the review of past years'
  | 'fact'
  | 'duration';

/**
 * The sentence of paragraphText holding the indicator's clause; `at`, where the clause starts
 * (see clauseOffsets), when known. Work in the sentence's length, not the paragraph's.
 */
export function sentenceOf(indicator: Pick<Indicator, 'text'>, paragraphText: string, at = paragraphText.indexOf(indicator.text)): string {
  if (at < 0) return indicator.text;
  let start = at;
  while (start > 0 && !SENTENCE_END.test(paragraphText[start - 1])) start--;
  const end = /[。！？]/g;
  end.lastIndex = at + indicator.text.length;
  const mark = end.exec(paragraphText);
  return paragraphText.slice(start, mark ? mark.index + 1 : undefined);
}

const SENTENCE_END = /[。！？]/;

/** Whether the clause before this one ends with a figure of the same base unit (1.12万亿元 before 1700亿元). */
function sameBaseUnitBefore(indicator: Indicator, clauseHead: string, paragraphText: string, at: number): boolean {
  const base = indicator.unit.replace(/^(万亿|亿|万|千|百)/, '');
  const head = (clauseHead || (at > 0 ? paragraphText.slice(Math.max(0, at - 30), at) : '')).replace(/[，、]$/, '');
  return base !== '' && new RegExp(`[\\d０-９](多|余)?(万亿|亿|万|千|百)?${base}(左右|以上|以内)?$`).test(head);
}

/** The words of the clause before the figure, and after it. */
function around(indicator: Indicator): { before: string; after: string } {
  const at = figureAt(indicator.text, indicator.value, indicator.unit);
  if (!at) return { before: indicator.text, after: '' };
  return { before: indicator.text.slice(0, at.start), after: indicator.text.slice(at.end) };
}

const NAMELESS = /^(可以|能够|新|在|使用|工作|项目|政策|措施|举措|县|目标|试点|用好|拟先|一律按|由银行)$/;

/**
 * Why a figure of the plan part is not a target, or null when it is one. Pure: the figure, the
 * text of its paragraph, and whether that paragraph is the main targets paragraph.
 */
export function notTargetReason(indicator: Indicator, paragraphText: string, inMainParagraph = false, at = paragraphText.indexOf(indicator.text)): NotTargetReason | null {
  const { before, after } = around(indicator);
  const sentence = sentenceOf(indicator, paragraphText, at);
  // 从A提高到B: A is where things stand, B the target.
  if (indicator.baselineOf) return 'baseline';
  // 比去年增加36亿元, 比去年预算赤字减少500亿元, 比去年多100万人: how far this year's figure moves, not a figure set.
  if (indicator.unit !== '%' && /比(去年|上年|上一年)[^，；。]{0,10}(增加|减少|多|少|高|低|提高|降低|下调|上调|增长|下降|扩大|压缩)$/.test(before)) return 'difference from last year';
  // 从人均40元提高到45元 where the reader did not link the pair: 40元 is where things stand.
  if (/[从由](人均|每人|上年的|去年的)?$/.test(before) && /^(提高|增加|增长|降低|下降|扩大|减少|调整)?(到|至)/.test(after)) return 'baseline';
  // 中央财政赤字1.12万亿元，增加1700亿元: a change right after the figure it changes.
  const lastWords = before.slice(Math.max(before.lastIndexOf('，'), before.lastIndexOf('、')) + 1);
  if (/^(比上年|比去年)?(增加|减少|多|少|提高|降低|增长|下降)$/.test(lastWords.trim()) && sameBaseUnitBefore(indicator, before.slice(0, before.length - lastWords.length), paragraphText, at)) return 'difference from last year';
  // 从经济基本面…看，6.5%左右的增速可以实现比较充分的就业: why a target, not another one.
  if (/(可以|能够|就能|才能|足以)(实现|达到|保持|带动|支撑)|有利于|考虑了|兼顾了|着重(对.{0,8})?说明|从[^，。]{2,16}看|这个(增长)?速度|这一目标/.test(sentence) && !inMainParagraph) return 'explanation';
  if (/^的?(增速|增长速度|速度)[^，。]{0,4}(可以|能够|就能)/.test(after) || /(可使|可以使|将使|能使)[^，。]{0,12}$/.test(before)) return 'explanation';
  // 我国有13亿人口、9亿劳动力资源; 把13亿中国人的饭碗…: how things are, not what is to be done.
  if (/(我国|全国|目前)(有|拥有)/.test(before) || /^(中国人|人口|人民|劳动力)/.test(after)) return 'fact';
  // 确定未来15年, 24小时在线监控: a time span or a standard, not an amount to reach.
  if (/^(年|小时)$/.test(indicator.unit)) return 'duration';
  // 今年高校毕业生820多万人: what will happen, not what the government commits to.
  if (/毕业生|新成长劳动力|需要(在城镇)?就业|预计|预测|有望|再创新高|创历史新高/.test(`${before}${indicator.name}${after}`) && !/确保|力争|要|实现|完成/.test(before.replace(/需要/g, ''))) return 'forecast';
  // 月销售额10万元以下的小规模纳税人, 应纳税所得额上限: the line a policy draws, not a result to reach.
  if (/(销售额|营业额|应纳税所得额|所得额|起征点|门槛|上限|下限|标准线)[^，；。]{0,6}$/.test(before) || /^(及)?(以下|以上|以内)?的(企业|纳税人|小微|个人|部分|项目|收入|所得|个体)/.test(after) || /(起征点|应纳税所得额|上限|门槛)$/.test(indicator.name)) return 'threshold';
  // 重点抓好以下14个方面的工作, 做好三项工作: how a report is arranged, not what it sets.
  if (/^(个|项|条|件)$/.test(indicator.unit) && (/^[^，；。]{0,4}(方面|工作|举措|措施|任务|大事|重点|问题|原则|目标|成果|政策)/.test(after) || /(以下|下面|这)$/.test(before))) return 'count of work areas';
  if (/^(措施|举措|工作|方面|重点|目标加以说明|孩子政策|孩子的配套政策|攻坚战成果|辉煌成就)$/.test(indicator.name)) return 'count of work areas';
  const bare = indicator.name.replace(/^(一是|二是|三是|四是|五是|六是|七是|八是|九是|十是|今年|再|要|将|拟)+/, '');
  if (bare.length < 2 || NAMELESS.test(bare)) return 'no subject';
  return null;
}

/** 一、2017年工作回顾 … 三、2018年政府工作建议: the ¶ where the year ahead begins, or 0 when headings do not say. */
export function planStart(model: Pick<ReportModel, 'sections' | 'paragraphs' | 'year'>): number {
  const top = model.sections.filter((s) => s.role === 'section' && s.level === model.sections[0]?.level);
  const plan = top.find((s) => (PLAN_HEADING.test(s.title) || (model.year !== null && s.title.includes(`${model.year}年`))) && !REVIEW_HEADING.test(s.title));
  if (!plan) return 0;
  const first = model.paragraphs.find((p) => p.section === plan.id || p.section.startsWith(`${plan.id}.`));
  return first?.n ?? 0;
}

/** A sentence after the announcing one that goes on to other work: 继续实施…, 这里着重说明…. */
const LIST_ENDS = /^[\s\u3000]*(要|继续|实施|这|加强|着重|为此|同时|我们|各级|今年中央|中央|综合|实现这样|坚持|必须|按照)/;

/**
 * The main targets: the sentence of the plan part that announces them (主要预期目标是：…), and
 * the sentences right after it that go on listing (能耗强度下降3.1%以上…), as [¶, start, end) spans.
 */
export function mainTargetSpans(model: Pick<ReportModel, 'paragraphs'>, from: number): Array<{ paragraph: number; start: number; end: number }> {
  const spans: Array<{ paragraph: number; start: number; end: number }> = [];
  for (const p of model.paragraphs) {
    if (p.n < from) continue;
    const sentences = p.text.split(/(?<=[。！？])/);
    let offset = 0;
    let listing = false;
    for (const sentence of sentences) {
      if (MAIN_TARGETS.test(sentence)) listing = true;
      else if (listing && LIST_ENDS.test(sentence)) listing = false;
      if (listing) spans.push({ paragraph: p.n, start: offset, end: offset + sentence.length });
      offset += sentence.length;
    }
  }
  return spans;
}

function isInSpans(indicator: Indicator, spans: Array<{ paragraph: number; start: number; end: number }>, at: number): boolean {
  return spans.some((s) => s.paragraph === indicator.paragraph && at >= s.start && at < s.end);
}

/** 把增长预期目标定在7.5%左右 after 国内生产总值增长7.5%左右: the same figure of the same thing (or of a thing left unnamed). */
const sameFigure = (a: Indicator, b: Indicator) => a.value === b.value && a.unit === b.unit && a.qualifier === b.qualifier && (thingKey(fullName(a)) === thingKey(fullName(b)) || thingKey(b.name).length < 2 || /预期目标|增速|增长速度/.test(b.text));

/** The targets a report sets for its year, main ones marked, with what was set aside and why. */
export function targetsOf(model: Pick<ReportModel, 'sections' | 'paragraphs' | 'indicators' | 'year'>): { targets: Target[]; setAside: Array<{ indicator: Indicator; reason: NotTargetReason }> } {
  const year = String(model.year);
  const text = new Map(model.paragraphs.map((p) => [p.n, p.text]));
  const offsets = clauseOffsets(model.paragraphs, model.indicators);
  const from = planStart(model);
  const spans = mainTargetSpans(model, from);
  // A report without a plan heading: the part before its main targets looks back.
  const begins = from || (spans.length ? spans[0].paragraph : 0);
  const candidates = model.indicators.filter((i) => i.kind === 'target' && i.period === year && i.unit !== '');
  const targets: Target[] = [];
  const setAside: Array<{ indicator: Indicator; reason: NotTargetReason }> = [];
  for (let k = 0; k < candidates.length; k++) {
    const indicator = candidates[k];
    if (indicator.qualifier === '上限') continue;
    const upper = indicator.qualifier === '下限' && candidates[k + 1]?.qualifier === '上限' ? candidates[k + 1] : undefined;
    const paragraphText = text.get(indicator.paragraph) ?? indicator.text;
    const at = offsets.get(indicator) ?? paragraphText.indexOf(indicator.text);
    const main = isInSpans(indicator, spans, text.has(indicator.paragraph) ? at : -1);
    const earlierMain = targets.find((t) => t.main && sameFigure(t.indicator, indicator));
    const reason: NotTargetReason | null =
      indicator.paragraph < begins && !main && !/今年|要|将|计划|确保|力争/.test(indicator.text)
        ? 'in the review of past years'
        : earlierMain && (!main || earlierMain.indicator.paragraph !== indicator.paragraph)
          ? 'restates a main target'
          : notTargetReason(indicator, paragraphText, main, at);
    if (reason) setAside.push({ indicator, reason });
    else targets.push({ indicator, upper, main });
  }
  return { targets, setAside };
}
