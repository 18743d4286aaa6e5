import type { Indicator } from '../extract/indicator.js';
import type { ReportModel } from '../model/report-model.js';
import { figureAt } from './written-figure.js';
import { clauseOffsets } from './clause-offsets.js';
import { sentenceOf } from './targets.js';

/**
 * What a later report says a year achieved: its figures of that year, in every phrasing the
 * review uses (增长6.9%, 年末…降到4.02%, 首次跃上, 降幅超过, 近/多/余/超过 kept as written), and
 * its sentences that judge a target in words (预期增长目标未能实现, 达到预期目标).
 */
export interface Result {
  indicator: Indicator;
}

/** A sentence that says, in words, how the year went for a thing. */
export interface WordResult {
  text: string;
  paragraph: number;
  line: number;
  /** met / not met when the words judge a target; fell when they only say the thing fell. */
  verdict: 'met' | 'not met' | 'fell';
}

/**
 * A figure over several years, or compared with one long before, is not the year's result:
 * 比2002年增长65.5%, 年均增长10.6%, 五年累计, 近三年.
 */
export function isSeveralYears(indicator: Indicator, year: number): boolean {
  const at = figureAt(indicator.text, indicator.value, indicator.unit);
  const before = at ? indicator.text.slice(0, at.start) : indicator.text;
  const compared = [...before.matchAll(/比(\d{4})年/g)].pop();
  if (compared && Number(compared[1]) !== year - 1) return true;
  return /年均|平均每年|累计|五年|近[两三四五]年|连续[两三四五]年|以来/.test(before.slice(-16));
}

/** 低于13%左右的预期目标: a target mentioned in the review, not a result. */
function isTargetMention(indicator: Indicator): boolean {
  const at = figureAt(indicator.text, indicator.value, indicator.unit);
  if (!at) return false;
  return /^的?(预期|预定|调控|计划)?(增长)?目标/.test(indicator.text.slice(at.end)) || /(预期|预定|调控)?目标(是|为|定为)?$/.test(indicator.text.slice(0, at.start));
}

/** The figures a report gives for `year`: the results a target of that year is judged by. */
export function resultsOf(model: Pick<ReportModel, 'indicators' | 'paragraphs'>, year: number, reviewEnds = 0): Result[] {
  const text = new Map(model.paragraphs.map((p) => [p.n, p.text]));
  const offsets = clauseOffsets(model.paragraphs, model.indicators);
  // 2004年，国内生产总值达到13.65万亿元，比上年增长9.5%: an undated figure of the review whose sentence opens with the year.
  const datedBySentence = (i: Indicator) =>
    i.period === null && (!reviewEnds || i.paragraph < reviewEnds) && new RegExp(`^[\\s\u3000]*(${year}年|去年)`).test(text.has(i.paragraph) ? sentenceOf(i, text.get(i.paragraph)!, offsets.get(i)) : sentenceOf(i, i.text));
  // The plan part quotes last year's figures as baselines of its measures (起征点从月销售额3万元…); only 去年… there is a result.
  const inReview = (i: Indicator) => !reviewEnds || i.paragraph < reviewEnds || /去年|上年/.test(i.text.slice(0, figureAt(i.text, i.value, i.unit)?.start ?? 0).replace(/比(去年|上年)/g, ''));
  return model.indicators
    .filter((i) => i.kind !== 'target' && (i.period === String(year) || datedBySentence(i)) && i.unit !== '' && inReview(i) && !isSeveralYears(i, year) && !isTargetMention(i))
    .map((indicator) => ({ indicator }));
}

const FELL = /价格[^，。；\d]{0,10}(都)?比上年(有所)?下降(?![\d０-９])/;
const FAILED = /(未能|没有|未)(能)?(完成|实现|达到)|低于[^，。]{0,12}目标/;
const ACHIEVED = /(达到|实现|完成|超过|超额完成|高于)[^，。]{0,6}(预期|预定|调控)?目标/;

/**
 * Sentences of the review part that judge a target in words, or say a price level fell
 * (社会商品零售价格和消费价格的总水平都比上年下降).
 */
export function wordResultsOf(model: Pick<ReportModel, 'paragraphs'>, reviewEnds: number): WordResult[] {
  const out: WordResult[] = [];
  for (const p of model.paragraphs) {
    const inReview = !reviewEnds || p.n < reviewEnds;
    for (const sentence of p.text.split(/(?<=[。！？；])/)) {
      // 社会商品零售价格…都比上年下降 looks back wherever it stands; a verdict on a target only in the review.
      if (!inReview) {
        if (FELL.test(sentence)) out.push({ text: sentence, paragraph: p.n, line: p.line, verdict: 'fell' });
        continue;
      }
      if (/目标/.test(sentence) && FAILED.test(sentence)) out.push({ text: sentence, paragraph: p.n, line: p.line, verdict: 'not met' });
      else if (ACHIEVED.test(sentence) && !/[0-9０-９]/.test(sentence.slice(0, sentence.search(ACHIEVED)))) out.push({ text: sentence, paragraph: p.n, line: p.line, verdict: 'met' });
      else if (FELL.test(sentence)) out.push({ text: sentence, paragraph: p.n, line: p.line, verdict: 'fell' });
    }
  }
  return out;
}

export { sentenceOf };
