import { normaliseDigits, parseChineseNumeral } from './chinese-numerals.js';
import { unitAt } from './units.js';

/** A number in the text that measures something, with its unit and qualifier as written. */
export interface Quantity {
  /** [start, end) in the text: the number through its unit and any qualifier after it. */
  start: number;
  end: number;
  value: number;
  unit: string;
  qualifier: string | null;
  /** A part of a range (下限/上限) or of a ratio (6.4∶41.5∶52.1). */
  role: 'single' | 'lower' | 'upper' | 'ratio';
  /** Index of a ratio's part, and how many parts it has. */
  part?: number;
  parts?: number;
}

const QUALIFIER_AFTER = /^(左右|以上|以内|以下|之内|之上)/;
const QUALIFIER_BEFORE = /(不超过|不低于|超过|突破|达到|控制在|保持在|接近|近|约|逾|达)了?$/;
const RANGE_DASH = /^\s*[－—–\-~～至到]\s*/;
const RATIO_SEPARATOR = /^[∶:：]/;

/** Chinese numerals count only before these measure words (近三倍, 七项成果, 两个城市). */
const CHINESE_COUNT_UNIT = /^(倍|成|个|项|家|所|座|条|批|名|位|种|万|亿|千|百)/;
/** Set phrases with numerals that are names, not counts. */
const CHINESE_NAME_AFTER = /^(个一百年|个毫不动摇|个确立|个维护|个大局|个市场|个轮子|个文明|个务必|个全面|个自信|个意识|个着力|个推进|个中心|个统筹|个坚持|个结合|个根本|个先行|个率先|个走在前列|个作风|个万|项规定|项注意|大|届|是|批[^次])/;

/** Where a quote or book-title mark opens before `index` and closes after it, within a short span. */
function insideShortQuote(text: string, index: number): boolean {
  const pairs: Array<[string, string, number]> = [['“', '”', 16], ['《', '》', 40], ['「', '」', 16], ['"', '"', 16]];
  for (const [open, close, max] of pairs) {
    const before = text.lastIndexOf(open, index);
    if (before < 0) continue;
    const closedBefore = text.lastIndexOf(close, index - 1);
    if (closedBefore > before && open !== close) continue;
    const after = text.indexOf(close, index);
    if (after >= 0 && after - before <= max) return true;
  }
  return false;
}

function qualifierBefore(text: string, start: number): string | null {
  return text.slice(Math.max(0, start - 4), start).match(QUALIFIER_BEFORE)?.[1] ?? null;
}

/** Years, dates, ordinals and numbers inside names: not quantities. */
function isNotAMeasure(text: string, start: number, end: number, number: string): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 3);
  if (/[A-Za-z.+＋_\-/]$/.test(before) && !/[－—]$/.test(before)) return true; // PM2.5, G20, 6+4, 2.5 of PM2.5
  if (/^[A-Za-z+＋]/.test(after)) return true; // 5G, 3D, “1+N”
  if (/第$/.test(before)) return true; // 第五次
  if (/^\d{4}$/.test(number) && Number(number) >= 1900 && Number(number) <= 2100 && /^(年|年度|—|-|－|至|到|~)/.test(after)) return true;
  if (/^(月|日|号|时|周年|强|版|级|型|类?\d)/.test(after)) return true; // dates, 5号线, 500强, 4A级
  if (insideShortQuote(text, start)) return true; // “6＋4”, 《中国制造2025》
  return false;
}

/** Finds every quantity in a text: numbers with units, ranges, ratios, counted Chinese numerals. */
export function findQuantities(rawText: string): Quantity[] {
  const text = normaliseDigits(rawText);
  const found: Quantity[] = [];
  const numberPattern = /\d+(?:\.\d+)?/g;
  let match: RegExpExecArray | null;
  while ((match = numberPattern.exec(text))) {
    const start = match.index;
    let end = start + match[0].length;
    if (isNotAMeasure(text, start, end, match[0])) continue;

    // 6.4∶41.5∶52.1 — the parts of a ratio.
    if (RATIO_SEPARATOR.test(text.slice(end)) && /^\d/.test(text.slice(end + 1))) {
      const ratio = text.slice(start).match(/^\d+(?:\.\d+)?(?:[∶:：]\d+(?:\.\d+)?)+/)![0];
      const parts = ratio.split(/[∶:：]/);
      let offset = start;
      parts.forEach((part, i) => {
        found.push({ start: offset, end: offset + part.length, value: Number(part), unit: '', qualifier: null, role: 'ratio', part: i, parts: parts.length });
        offset += part.length + 1;
      });
      numberPattern.lastIndex = start + ratio.length;
      continue;
    }

    let qualifier: string | null = qualifierBefore(text, start);
    let rest = text.slice(end);
    const approx = rest.match(/^(多|余)/);
    if (approx) {
      qualifier = approx[1];
      end += 1;
      rest = text.slice(end);
    }
    let unit = unitAt(rest);
    // 14亿人口, 10万人才: the unit's last character starts a noun; the unit is only the magnitude.
    if (/[人户家名项件条个]$/.test(unit) && /^(口|民|才|员|籍|庭|单|目|事|例|人|体)/.test(rest.slice(unit.length))) unit = unit.slice(0, -1);
    end += unit.length;

    // 6%－6.5%, 4.5%—5%, 6－6.5%: two quantities, the lower and upper bound.
    const dash = text.slice(end).match(RANGE_DASH);
    const upper = dash ? text.slice(end + dash[0].length).match(/^\d+(?:\.\d+)?/) : null;
    if (dash && upper && !/^\d{4}$/.test(match[0])) {
      const upperStart = end + dash[0].length;
      let upperEnd = upperStart + upper[0].length;
      const upperUnit = unitAt(text.slice(upperEnd));
      upperEnd += upperUnit.length;
      unit ||= upperUnit;
      if (unit) {
        found.push({ start, end, value: Number(match[0]), unit, qualifier: '下限', role: 'lower' });
        found.push({ start: upperStart, end: upperEnd, value: Number(upper[0]), unit: upperUnit || unit, qualifier: '上限', role: 'upper' });
        numberPattern.lastIndex = upperEnd;
        continue;
      }
    }
    if (!unit) continue; // a bare number names or numbers something; it does not measure
    const after = text.slice(end).match(QUALIFIER_AFTER);
    if (after) {
      qualifier = after[1];
      end += after[1].length;
    }
    found.push({ start, end, value: Number(match[0]), unit, qualifier, role: 'single' });
  }

  // 3/5的用水量: a fraction of something, read as a share.
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\/(\d{1,2})(?=的)/g)) {
    const value = Number(m[1]) / Number(m[2]);
    if (Number(m[2]) > 0 && value < 1) found.push({ start: m.index!, end: m.index! + m[0].length, value: Number(value.toFixed(4)), unit: '', qualifier: null, role: 'single' });
  }

  // Chinese numerals that count: 近三倍, 七项重大工作成果, 两个连获五届殊荣的城市.
  for (const m of text.matchAll(/[一二三四五六七八九十百千两]+/g)) {
    const start = m.index!;
    let end = start + m[0].length;
    const rest = text.slice(end);
    if (!CHINESE_COUNT_UNIT.test(rest) || CHINESE_NAME_AFTER.test(rest)) continue;
    if (/[第初周星礼]$/.test(text.slice(Math.max(0, start - 1), start))) continue;
    if (insideShortQuote(text, start)) continue;
    const value = parseChineseNumeral(m[0]);
    if (value === null || value < 2) continue; // 一个, 一项: an article, not a count
    const unit = unitAt(rest);
    if (!unit || /^(年|天|届|次)$/.test(unit)) continue;
    end += unit.length;
    found.push({ start, end, value, unit, qualifier: qualifierBefore(text, start), role: 'single' });
  }
  return found.sort((a, b) => a.start - b.start);
}
