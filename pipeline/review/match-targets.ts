import { canonicalName } from '../extract/canonical-name.js';
import type { Indicator } from '../extract/indicator.js';
import { isLevelVerb } from '../extract/names.js';
import { judge, type Status } from './judge.js';

export interface ReviewFigure {
  value: number;
  unit: string;
  qualifier: string | null;
  line: number;
  paragraph: number;
  text: string;
}

export interface ReviewItem {
  name: string;
  target: ReviewFigure;
  /** The upper bound of a range target (6%－6.5%). */
  upper?: ReviewFigure;
  result: ReviewFigure | null;
  status: Status;
  rule: string;
}

/** A rate of change (增长6.5%, 下降3%) or a level (1100万人, 5.5%以内 of a rate that is a level). */
function isChange(i: Indicator): boolean {
  if (i.kind === 'growth' || i.kind === 'change') return true;
  if (i.kind !== 'target') return false;
  return (i.verb !== null && !isLevelVerb(i.verb)) || /涨幅|增速|增幅|增长/.test(i.name) || /^(减少|增加|压减|压缩|下降)/.test(i.name);
}

/** Falls are negative: 下降3% → −3; a target named for a fall (减少贫困人口1000万) too. */
const signed = (i: Indicator) => (i.direction === 'down' || /^(减少|压减|压缩|下降|降低)/.test(i.name) ? -i.value : i.value);

function figure(i: Indicator): ReviewFigure {
  return { value: i.value, unit: i.unit, qualifier: i.qualifier, line: i.line, paragraph: i.paragraph, text: i.text };
}

/**
 * Matches each target the earlier report set for its year to the result the later report gives
 * for that year: the same measured thing (canonical name), the same kind of figure (a change
 * against a change, a level against a level) and the same unit. No match is “no result”,
 * never a guess.
 */
export function reviewTargets(earlier: Indicator[], earlierYear: number, later: Indicator[]): ReviewItem[] {
  const targets = earlier.filter((i) => i.kind === 'target' && i.period === String(earlierYear) && i.unit !== '');
  const results = later.filter((i) => i.kind !== 'target' && i.period === String(earlierYear));
  const items: ReviewItem[] = [];
  for (let k = 0; k < targets.length; k++) {
    const target = targets[k];
    if (target.qualifier === '上限') continue;
    const upper = target.qualifier === '下限' && targets[k + 1]?.qualifier === '上限' ? targets[k + 1] : undefined;
    const key = canonicalName(target.name);
    const result = results.find((r) => canonicalName(r.name) === key && r.unit === target.unit && isChange(r) === isChange(target)) ?? null;
    const verdict = judge(
      target.name,
      { value: signed(target), unit: target.unit, qualifier: target.qualifier },
      result ? { value: signed(result), unit: result.unit, qualifier: result.qualifier } : null,
      upper ? { value: signed(upper), unit: upper.unit, qualifier: upper.qualifier } : undefined,
    );
    items.push({ name: target.name, target: figure(target), upper: upper ? figure(upper) : undefined, result: result ? figure(result) : null, ...verdict });
  }
  return items;
}
