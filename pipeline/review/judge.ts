/**
 * Judging a target against its result, with the rule said in words: 以上/超过 are floors;
 * 以内/控制在/不超过 are ceilings; price, unemployment, deficit and energy-intensity targets are
 * ceilings even when written 左右; other 左右 targets are met at the target less 0.5 points;
 * a range is met inside it or above.
 */
export type Status = 'met' | 'not met' | 'no result';

export interface Judgement {
  status: Status;
  rule: string;
}

export interface Figure {
  /** Signed: a fall (下降3%) is −3. */
  value: number;
  unit: string;
  qualifier: string | null;
}

/** Targets where less is better: prices, unemployment, deficits, energy use per unit of output. */
const CEILING_THINGS = /价格|物价|CPI|失业率|赤字|能耗|能源消耗|排放|负债率|杠杆率/;

const fmt = (n: number) => String(Number(n.toFixed(4)));

export function judge(name: string, target: Figure, result: Figure | null, upper?: Figure): Judgement {
  if (!result) return { status: 'no result', rule: '下一年报告未给出该项实绩' };
  // A target to bring something down (能耗下降3%以上, 减少贫困人口1000万以上) is judged on the size of
  // the fall: at least the target, or within it when written 以内.
  if (target.value < 0) {
    const goal = -target.value;
    const fall = -result.value;
    const q = target.qualifier ?? '';
    if (/以内|之内|不超过/.test(q)) {
      const met = fall <= goal;
      return { status: met ? 'met' : 'not met', rule: `降幅“${q}”为上限：降幅不超过目标即为完成（${fmt(fall)} ${met ? '≤' : '>'} ${fmt(goal)}）` };
    }
    const allowance = q === '左右' && !CEILING_THINGS.test(name) ? 0.5 : 0;
    const met = fall >= goal - allowance;
    return {
      status: met ? 'met' : 'not met',
      rule: `下降目标：降幅不低于目标${allowance ? '减0.5个百分点' : ''}即为完成（${fmt(fall)} ${met ? '≥' : '<'} ${fmt(goal - allowance)}）`,
    };
  }
  const r = result.value;
  const t = target.value;
  const q = target.qualifier ?? '';
  if (upper) {
    const met = r >= t;
    return { status: met ? 'met' : 'not met', rule: `区间目标${fmt(t)}–${fmt(upper.value)}${target.unit}：实绩在区间内或高于区间即为完成（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）` };
  }
  if (/以内|之内|以下|不超过|控制在/.test(q) || CEILING_THINGS.test(name)) {
    const met = r <= t;
    const why = /以内|之内|以下|不超过|控制在/.test(q) ? `“${q}”为上限` : `${/能耗|排放/.test(name) ? '能耗、排放' : /失业/.test(name) ? '失业率' : /赤字/.test(name) ? '赤字' : '价格'}类目标为上限${q === '左右' ? '（虽写“左右”）' : ''}`;
    return { status: met ? 'met' : 'not met', rule: `${why}：实绩不高于目标即为完成（${fmt(r)} ${met ? '≤' : '>'} ${fmt(t)}）` };
  }
  if (/以上|超过|不低于|突破/.test(q)) {
    const met = r >= t;
    return { status: met ? 'met' : 'not met', rule: `“${q}”为下限：实绩不低于目标即为完成（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）` };
  }
  if (q === '左右') {
    const floor = t - 0.5;
    const met = r >= floor;
    return { status: met ? 'met' : 'not met', rule: `“左右”：实绩不低于目标减0.5个百分点即为完成（${fmt(r)} ${met ? '≥' : '<'} ${fmt(floor)}）` };
  }
  const met = r >= t;
  return { status: met ? 'met' : 'not met', rule: `无限定词的预期目标按下限判断（${fmt(r)} ${met ? '≥' : '<'} ${fmt(t)}）` };
}
