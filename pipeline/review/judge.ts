/**
 * Judging a target against its result, with the rule said in words a reader accepts, per kind:
 * 以上/超过/不低于 are floors; 以内/控制在/不超过 ceilings; prices, unemployment, deficits and
 * energy intensity are ceilings even when written 左右; a rate 左右 is met within 0.5 percentage
 * points below it, a count or amount 左右 at 95 % of it; a range is met inside it or above. A
 * result given only in words is judged only when the words judge it.
 */
export type Status = 'met' | 'not met' | 'no result';

export interface Judgement {
  status: Status;
  rule: string;
  /** Why a reader might judge otherwise, or null. */
  debatable: string | null;
}

export interface Figure {
  /** Signed: a fall (下降3%) is −3. */
  value: number;
  unit: string;
  qualifier: string | null;
}

/** A result the report gives only in words, and what the words say. */
export interface WordsFigure {
  words: string;
  verdict: 'met' | 'not met' | 'fell';
}

/** Targets where less is better: prices, unemployment, deficits, energy use per unit of output. */
const CEILING_THINGS = /价格|物价|CPI|失业率|赤字|能耗|能源消耗|排放|负债率|杠杆率/;
const CEILING_WORDS = /以内|之内|以下|不超过|控制在/;
const FLOOR_WORDS = /以上|超过|不低于|突破/;

const fmt = (n: number) => String(Number(n.toFixed(4)));
/** A rate is a percentage; its tolerance is in points. Everything else is a count or an amount. */
const isRate = (unit: string) => /^(%|‰|个百分点)$/.test(unit);
/** 近1400万, 约: the report itself says the figure is rounded up to the number printed. */
const ROUNDED_UP = /^(近|约|接近|将近)$/;

function verdict(met: boolean, rule: string, debatable: string | null = null): Judgement {
  return { status: met ? 'met' : 'not met', rule, debatable };
}

function ceilingKind(name: string): string {
  if (/能耗|能源消耗|排放/.test(name)) return '能耗、排放';
  if (/失业/.test(name)) return '失业率';
  if (/赤字|负债|杠杆/.test(name)) return '赤字、负债';
  return '价格';
}

export function judge(name: string, target: Figure, result: Figure | WordsFigure | null, upper?: Figure): Judgement {
  if (!result) return { status: 'no result', rule: '下一年报告未给出该项实绩', debatable: null };
  if ('words' in result) {
    if (result.verdict === 'fell') {
      const met = target.value > 0 && (CEILING_WORDS.test(target.qualifier ?? '') || CEILING_THINGS.test(name));
      return met
        ? verdict(true, '实绩只有文字：比上年下降，低于涨幅上限即为完成', '下一年报告未给出数字')
        : { status: 'no result', rule: '实绩只有文字，未说明是否完成', debatable: null };
    }
    return verdict(result.verdict === 'met', `实绩只有文字：报告称目标${result.verdict === 'met' ? '已经实现' : '没有实现'}`, '下一年报告未给出数字');
  }
  const q = target.qualifier ?? '';
  const rounded = ROUNDED_UP.test(result.qualifier ?? '') ? `实绩写作“${result.qualifier}${fmt(Math.abs(result.value))}”，实际数字略低于此` : null;
  // A target to bring something down (能耗下降3%以上, 减少贫困人口1000万以上) is judged on the size of the fall.
  if (target.value < 0) {
    const goal = -target.value;
    const fall = -result.value;
    if (/以内|之内|不超过/.test(q)) {
      const met = fall <= goal;
      return verdict(met, `降幅“${q}”为上限：降幅不超过目标即为完成（${fmt(fall)} ${met ? '≤' : '>'} ${fmt(goal)}）`);
    }
    if (q === '左右' && !CEILING_THINGS.test(name)) return around(goal, fall, target.unit, '降幅', rounded);
    const met = fall >= goal;
    return verdict(met, `下降目标：降幅不低于目标即为完成（${fmt(fall)} ${met ? '≥' : '<'} ${fmt(goal)}）`, met && rounded && fall - goal < goal * 0.02 ? rounded : null);
  }
  const r = result.value;
  const t = target.value;
  if (upper) {
    const met = r >= t;
    return verdict(met, `区间目标${fmt(t)}–${fmt(upper.value)}${target.unit}：实绩在区间内或高于区间即为完成（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）`);
  }
  if (CEILING_WORDS.test(q) || CEILING_THINGS.test(name)) {
    const met = r <= t;
    const why = CEILING_WORDS.test(q) ? `“${q}”为上限` : `${ceilingKind(name)}类目标为上限${q === '左右' ? '（虽写“左右”）' : ''}`;
    return verdict(met, `${why}：实绩不高于目标即为完成（${fmt(r)} ${met ? '≤' : '>'} ${fmt(t)}）`, q === '左右' && !met && r - t <= (isRate(target.unit) ? 0.5 : t * 0.05) ? '“左右”也可读作允许略高于目标' : null);
  }
  if (FLOOR_WORDS.test(q)) {
    const met = r >= t;
    return verdict(met, `“${q}”为下限：实绩不低于目标即为完成（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）`, met && rounded && r - t < t * 0.02 ? rounded : null);
  }
  if (q === '左右') return around(t, r, target.unit, '实绩', rounded);
  const met = r >= t;
  return verdict(met, `无限定词的预期目标按下限判断（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）`, met && rounded && r - t < t * 0.02 ? rounded : null);
}

/** 左右: a rate within half a point below, a count or amount at 95 % of the target. */
function around(goal: number, actual: number, unit: string, what: string, rounded: string | null): Judgement {
  if (isRate(unit)) {
    const floor = goal - 0.5;
    const met = actual >= floor;
    return verdict(
      met,
      `“左右”：${what}不低于目标减0.5个百分点即为完成（${fmt(actual)} ${met ? '≥' : '<'} ${fmt(floor)}）`,
      met && actual < goal ? `${what}低于目标，按“左右”的0.5个百分点容差判为完成` : null,
    );
  }
  const floor = goal * 0.95;
  const met = actual >= floor;
  return verdict(
    met,
    `“左右”：${what}不低于目标的95%即为完成（${fmt(actual)} ${met ? '≥' : '<'} ${fmt(floor)}）`,
    met && actual < goal ? `${what}低于目标，按“左右”的5%容差判为完成` : rounded,
  );
}
