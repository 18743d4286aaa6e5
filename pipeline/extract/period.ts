import { compactDigits } from './chinese-numerals.js';

/**
 * The year a figure belongs to, from the section it is in and the words around it: the
 * past year's review (2017), a five-year review (2013-2017), this year's targets (2018), goals
 * for a named year (2020), or five years back (五年前 → 2012).
 */
export interface PeriodContext {
  /** The year the report is delivered in: its plan year. */
  reportYear: number | null;
}

/** n-th five-year plan → its years: 十三五 = 2016-2020 (the 11th began in 2006). */
function fiveYearPlan(n: number): string {
  const start = 2006 + 5 * (n - 11);
  return `${start}-${start + 4}`;
}

const PLAN_NUMBERS: Record<string, number> = { 十一: 11, 十二: 12, 十三: 13, 十四: 14, 十五: 15, 十六: 16 };

/** The period a section's heading speaks of, or null when it does not say. */
export function periodOfHeading(heading: string, ctx: PeriodContext): string | null {
  const y = ctx.reportYear;
  const plan = heading.match(/[“"]?(十[一二三四五六])五[”"]?/);
  const year = heading.match(/(\d{4})\s*年/);
  if (year) return year[1];
  if (/过去五年|五年来|本届政府/.test(heading) && y) return `${y - 5}-${y - 1}`;
  if (/今后五年|未来五年/.test(heading) && y) return `${y}-${y + 4}`;
  if (plan) return fiveYearPlan(PLAN_NUMBERS[plan[1]]);
  if (/今年/.test(heading) && y) return String(y);
  return null;
}

/** A paragraph that opens by looking back over five years belongs to those years. */
export function periodOfParagraph(text: string, sectionPeriod: string | null, ctx: PeriodContext): string | null {
  const y = ctx.reportYear;
  const opening = text.slice(0, 24);
  if (y && /^(五年来|过去五年|这五年|回顾五年)|这是.{0,20}的五年/.test(opening)) {
    // In a section about a five-year plan (十四五 review), the five years are that plan's.
    if (sectionPeriod && /^\d{4}$/.test(sectionPeriod)) return `${Number(sectionPeriod) - 4}-${sectionPeriod}`;
    return `${y - 5}-${y - 1}`;
  }
  const lastYear = text.match(/^(刚刚过去的|过去一年|去年)/);
  if (lastYear && y) return String(y - 1);
  return sectionPeriod;
}

/** 2018 or 二〇一八 / 一九五七 as a year. */
function yearOf(written: string): string {
  return written.replace(/[〇零一二三四五六七八九]/g, (c) => String('〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c)));
}

/** Words just before a figure that move it to another year: 五年前, 到2020年, 今年, 上年. */
export function periodOfMention(before: string, paragraphPeriod: string | null, ctx: PeriodContext): string | null {
  const near = compactDigits(before.slice(-40)).slice(-30);
  const base = paragraphPeriod && /^\d{4}/.test(paragraphPeriod) ? Number(paragraphPeriod.slice(-4)) : null;
  const fiveAgo = near.match(/五年前/);
  if (fiveAgo && base) return String(base - 5);
  // 比一九五七年增长…: the year compared with is not the figure's, unless the figure is that year's (比1957年的535万吨).
  // 等于一九四九年的二点五倍: a multiple of that year's figure, never that year's.
  const named = [...near.matchAll(/(比|较|同|等于)?(?:到|至|在)?(\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:底|末)?(的)?/g)]
    .filter((m) => !m[1] || (m[3] && m.index! + m[0].length === near.length && m[1] !== '等于'))
    .pop();
  if (named) return yearOf(named[2]);
  if (/今年/.test(near) && ctx.reportYear) return String(ctx.reportYear);
  // 比上年增加439亿元 in the plan compares with last year; the figure is this year's.
  // 去年经济增长8.8% inside a look back over five years (or an undated paragraph) is last year's too.
  if (/(?<![比较同])(上年|去年)/.test(near) && ctx.reportYear && (paragraphPeriod === String(ctx.reportYear) || paragraphPeriod === null || (/^\d{4}-\d{4}$/.test(paragraphPeriod) && /(?<![比较同])去年/.test(near)))) return String(ctx.reportYear - 1);
  return paragraphPeriod;
}

/** Whether a period is the report's future: then every figure in it is a target. */
export function isFuture(period: string | null, reportYear: number | null): boolean {
  if (!period || !reportYear) return false;
  return Number(period.slice(0, 4)) >= reportYear;
}
