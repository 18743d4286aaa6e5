import { NUMERAL_CHARS, normaliseDigits, readChineseNumber, readMixedNumber, simplifyNumerals } from './chinese-numerals.js';
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
const QUALIFIER_BEFORE = /(不超过|不低于|超过|突破|达到|控制在|保持在|接近|近|大约|約|约|逾|超|达)了?$/;
const RANGE_DASH = /^\s*[－—–\-~～至到]\s*/;
/** After the digits of 1万6千多户 or 1亿3000万: the magnitude, the Chinese-led rest, 多, a last 万. */
const MIXED_TAIL = /^(亿|万)((?:零?\d[千百十])+|零?\d{1,4}(?=多?万))(多|余)?(万)?/;
/** 6.4∶41.5∶52.1 from its first digit, read in place (sticky) rather than from a copy of the rest. */
const RATIO = /\d+(?:\.\d+)?(?:[∶:：]\d+(?:\.\d+)?)+/y;
const RATIO_SEPARATOR = /^[∶:：]/;

/** Chinese numerals count only before these measure words (近三倍, 七项成果, 两个城市). */
const CHINESE_COUNT_UNIT = /^(倍|成|个|项|家|所|座|条|批|名|位|种|万|亿|千|百)/;
/** Set phrases with numerals that are names, not counts. */
const CHINESE_NAME_AFTER = /^(个一百年|个毫不动摇|个确立|个维护|个大局|个市场|个轮子|个文明|个务必|个全面|个自信|个意识|个着力|个推进|个中心|个统筹|个坚持|个结合|个根本|个先行|个率先|个走在前列|个作风|个万|项规定|项注意|大|届|是|批[^次])/;

/**
 * Where a quote or book-title mark opens before `index` and closes after it, within a short
 * span. Only that span is searched, so a long paragraph costs no more per figure than a short one.
 */
function insideShortQuote(text: string, index: number): boolean {
  const pairs: Array<[string, string, number]> = [['“', '”', 16], ['《', '》', 40], ['「', '」', 16], ['"', '"', 16]];
  for (const [open, close, max] of pairs) {
    const from = Math.max(0, index - max);
    const window = text.slice(from, Math.min(text.length, index + max + 1));
    const at = index - from;
    const before = window.lastIndexOf(open, at);
    if (before < 0) continue;
    const closedBefore = window.lastIndexOf(close, at - 1);
    if (closedBefore > before && open !== close) continue;
    const after = window.indexOf(close, at);
    if (after >= 0 && after - before <= max) return true;
  }
  return false;
}

function qualifierBefore(text: string, start: number): string | null {
  const qualifier = text.slice(Math.max(0, start - 4), start).match(QUALIFIER_BEFORE)?.[1] ?? null;
  // 签约3543亿元, 节约10%: 约 ends a word there; it does not make the figure approximate.
  if (qualifier === '约' && /[签节合公条契预制]约$/.test(text.slice(Math.max(0, start - 2), start))) return null;
  return qualifier;
}

/** Years, dates, ordinals and numbers inside names: not quantities. */
function isNotAMeasure(text: string, start: number, end: number, number: string): boolean {
  const before = text.slice(Math.max(0, start - 2), start);
  const after = text.slice(end, end + 4).replace(/^[ \u00a0\u3000]/, ''); // 1 9 9 7 年
  if (/[A-Za-z.+＋_\-/]$/.test(before) && !/[－—]$/.test(before)) return true; // PM2.5, G20, 6+4, 2.5 of PM2.5
  if (/^[A-Za-z+＋]/.test(after)) return true; // 5G, 3D, “1+N”
  if (/第$/.test(before)) return true; // 第五次
  if (/^\d{4}$/.test(number) && Number(number) >= 1900 && Number(number) <= 2100 && /^(年|年度|—|-|－|至|到|~)/.test(after)) return true;
  if (/^(月|日|号|时|周年|强|版|级|型|类?\d)/.test(after)) return true; // dates, 5号线, 500强, 4A级
  if (insideShortQuote(text, start)) return true; // “6＋4”, 《中国制造2025》
  return false;
}

/**
 * Figures that name a class of things rather than measure one: 220千伏 lines, 60岁以上老人,
 * 用三年时间, 3个过三千亿元城市.
 */
function namesAClass(text: string, start: number, end: number, unit: string): boolean {
  const after = text.slice(end, end + 8);
  const before = text.slice(Math.max(0, start - 2), start);
  if (/伏$/.test(unit)) return true;
  if (!/^(个|家|项|所|座|条|名|位|种|%)$/.test(unit) && /^(及)?(以下|以上)的?[^，。；、\d]{0,5}?(机组|锅炉|企业|煤矿|船舶|车辆|货车|泊位|项目)/.test(after)) return true; // 30万千瓦以下煤电机组
  if (/^(年|个月)$/.test(unit) && /^(来|以来|之久)/.test(after)) return true; // 7年来最低: a span, not a measure
  if (/(年产|日产|年产量|载重量|载重)[\u4e00-\u9fff]?$/.test(text.slice(Math.max(0, start - 4), start)) && /^(以上|多)?[^，。；、\d]{0,4}的/.test(after)) return true; // 年产二百四十万吨煤的煤矿
  if (/^(万|亿)$/.test(unit) && /^(以上|以下)[^，。；、]{0,3}?(县|市|城市|企业|乡镇|镇|村)/.test(after)) return true; // 20万以上人口县
  if (unit === '对' && /^[\d一]/.test(after)) return true; // 1对1帮扶
  if (/连续$/.test(before) && /^(年|个月|天|届|次|季度|个季度)$/.test(unit)) return true; // 连续4年保持全国首位: a streak
  if (/^(年|个月)$/.test(unit) && /^\d+$/.test(text.slice(start, end).replace(/(年|个月)$/, '')) && !/[从由]$/.test(before) && /^(来|间|内|里)?(累计|共|年均|平均)?(增长|提高|提升|下降|降低|增加|减少|翻|缩小|扩大)(?![到至])/.test(after)) return true; // 5年增长18.7%: the span a change took
  if (/(?:^|[^接将])近$|过去$|最近$/.test(before) && /^(年|个月|天|季度|个季度)$/.test(unit) && !/^(左右)?(的)?时间/.test(after)) return true; // 近3年提升21个百分点: the span a change took
  if (!/^(个|家|项|所|座|条|名|位|种)$/.test(unit) && /^级/.test(after)) return true; // 万亿级产业集群, 10万吨级泊位
  if (unit === '岁' && /^(?:及)?(?:以上|以下)?[\u4e00-\u9fff]/.test(after) && !/^(?:及)?(?:以上|以下)?(和|或|与|左右)/.test(after)) return true;
  if (/^(年|个月|天)$/.test(unit) && /^(左右)?(的)?时间/.test(after)) return true;
  if (/[过超]$/.test(before) && /元$|^(万|亿)+$/.test(unit) && /^(以上)?(的)?(城市|县|市|企业|产业|集群|园区|项目|开发区|乡镇|强县|大县|强镇|园|链)/.test(after)) return true;
  return false;
}

/** Nouns of ideas, not things: a small count of them is a slogan (五项原则, 两个积极性, 八个方面). */
const ABSTRACT_NOUN = /^(基本原则|基本国策|国策|现代化(?![\u4e00-\u9fff])|现代化(?=的|就|贡献|建设|强国|而|目标)|问题|资源|市场|阶级|超级大国|大国|司令部|腿|特别行政区|所有制|阵营|原则|积极性|方面|道路|代表|基本点|务必|文明|意识|自信|理念|思路|战略|布局|导向|优势|关系|着力点|抓手|突破口|主线|底线|红线|倾向|中国|美国|方针|路线|支柱)/;

/**
 * Counts that are rhetoric, not measures: 14亿人民 and 十三亿多人口的大国 (the nation as a whole),
 * 五项原则 or 两个积极性 (a slogan's number).
 */
function isRhetoric(text: string, end: number, unit: string, value: number): boolean {
  const after = text.slice(end, end + 10);
  if (/^(万|亿)$/.test(unit) && /^多?([^，。、；]{0,4}?人民|同胞|人口的|人口大国|中华儿女|农民的)/.test(after)) return true;
  if (unit === '亿' && /^多?(人口|人)/.test(after)) return true; // 14亿人口: the nation's size, said to stress it
  if (/^(个|项|条|种|大|点)$/.test(unit) && /^(十|百|千)?(万亿|亿|万)?元?级?(台阶|大关|关口)/.test(after)) return true; // 迈上4个万亿元台阶
  if (unit === '位' && /^数/.test(after)) return true; // 两位数增长
  return value <= 10 && /^(个|项|条|种|大|点)$/.test(unit) && (ABSTRACT_NOUN.test(after) || /^[^，。；、：\d]{0,4}(阶级|司令部|超级大国)/.test(after) || /^[^，。；、：\d]{1,2}问题/.test(after));
}

/** A measure word's character and the one after it that make a word instead: 人口, 家庭, 项目, 个人. */
const WORD_AFTER_UNIT: Record<string, string> = { 人: '口民才员', 户: '籍口', 家: '庭', 名: '单', 项: '目', 条: '例', 个: '人体' };

/** 14亿人口, 10万人才, 3个人: the unit's last character starts a word, so the unit is only what precedes it. */
function unitStartsAWord(unit: string, next: string): boolean {
  return next !== '' && (WORD_AFTER_UNIT[unit.slice(-1)] ?? '').includes(next);
}

/** A unit that brings its own 万 or 亿 (万吨, 亿元, 千 alone), not one whose name starts so (千瓦, 千米, 百分点). */
function leadsWithMagnitude(unit: string): boolean {
  return /^(万|亿)/.test(unit) || /^(千|百)$/.test(unit) || /^(千|百)(万|亿)/.test(unit);
}

/** Finds every quantity in a text: numbers with units, ranges, ratios, counted Chinese numerals. */
export function findQuantities(rawText: string): Quantity[] {
  const text = simplifyNumerals(normaliseDigits(rawText));
  const found: Quantity[] = [];
  // 1，753亿元: groups of three after a comma are one number (older reports write them so).
  // 7 4 7 7 2 亿元, 2 2 .4 万件: digits a copied PDF broke apart with single spaces are one number.
  // Only single digits each set apart are joined: 2018 2019 stays two years.
  const numberPattern = /\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?(?!\d)|\d(?:[ \u00a0\u3000]\d)+(?!\d)(?:[ \u00a0\u3000]?\.[ \u00a0\u3000]?\d(?:[ \u00a0\u3000]?\d)*)?|\d[ \u00a0\u3000]\.[ \u00a0\u3000]?\d(?:[ \u00a0\u3000]?\d)*|\d+(?:\.\d+)?/g;
  let match: RegExpExecArray | null;
  while ((match = numberPattern.exec(text))) {
    const start = match.index;
    let end = start + match[0].length;
    const number = match[0].replace(/[ \u00a0\u3000,，]/g, '');
    if (isNotAMeasure(text, start, end, number)) continue;

    // 6.4∶41.5∶52.1 — the parts of a ratio.
    if (RATIO_SEPARATOR.test(text.slice(end, end + 1)) && /^\d/.test(text.slice(end + 1, end + 2))) {
      RATIO.lastIndex = start;
      const ratio = match[0] === number ? RATIO.exec(text)?.[0] : undefined;
      if (!ratio) continue;
      const parts = ratio.split(/[∶:：]/);
      // 2.27:1 is one number, the ratio of two things: its first part.
      if (parts.length === 2 && parts[1] === '1') {
        found.push({ start, end: start + ratio.length, value: Number(parts[0]), unit: '', qualifier: qualifierBefore(text, start), role: 'single' });
        numberPattern.lastIndex = start + ratio.length;
        continue;
      }
      let offset = start;
      parts.forEach((part, i) => {
        found.push({ start: offset, end: offset + part.length, value: Number(part), unit: '', qualifier: null, role: 'ratio', part: i, parts: parts.length });
        offset += part.length + 1;
      });
      numberPattern.lastIndex = start + ratio.length;
      continue;
    }

    let qualifier: string | null = qualifierBefore(text, start);
    let value = Number(number);
    let rest = text.slice(end, end + 24);
    // 1万6千多户, 1亿3千多万: digits with Chinese magnitudes after them are one number.
    const mixed = match[0] === number ? rest.match(MIXED_TAIL) : null;
    const mixedRead = mixed ? readMixedNumber(number + mixed[1] + mixed[2] + (mixed[4] ?? '')) : null;
    let magnitude = '';
    if (mixed && mixedRead) {
      value = mixedRead.value;
      magnitude = mixedRead.magnitude;
      if (mixed[3]) qualifier = mixed[3];
      end += mixed[0].length;
      rest = text.slice(end, end + 24);
      numberPattern.lastIndex = end;
    }
    const approx = rest.match(/^(多|余)/);
    if (approx) {
      qualifier = approx[1];
      end += 1;
      rest = text.slice(end, end + 24);
    }
    // 1 1 ％, 8 ％: a space the copy put between a broken number and its unit (a per cent sign is never anything else).
    if ((match[0] !== number || /^[ \u00a0\u3000][%％]/.test(rest)) && /^[ \u00a0\u3000]\S/.test(rest) && unitAt(rest.slice(1))) {
      end += 1;
      rest = rest.slice(1);
    }
    let unit = unitAt(rest);
    let unitLength = unit.length; // characters the unit takes in the text
    // 9亿多人, 5万余个: 多 between the magnitude and the unit.
    if (!magnitude && /^(万亿|亿|万|千|百)$/.test(unit)) {
      const inside = rest.slice(unit.length).match(/^(多|余)/);
      const base = inside ? unitAt(rest.slice(unit.length + 1)) : '';
      // 4万多亿元 is 4 万亿元 and more.
      if (base && (!/^(万|亿|千|百)/.test(base) || (unit === '万' && /^亿/.test(base)))) {
        qualifier = inside![1];
        unit += base;
        unitLength += 1 + base.length;
      }
    }
    if (magnitude && leadsWithMagnitude(unit)) continue;
    // 14亿人口, 10万人才: the unit's last character starts a noun; the unit is only the magnitude.
    if (unitStartsAWord(unit, text.slice(end + unitLength, end + unitLength + 1))) {
      unit = unit.slice(0, -1);
      unitLength -= 1;
    }
    end += unitLength;
    unit = magnitude + unit;

    // 6%－6.5%, 4.5%—5%, 6－6.5%: two quantities, the lower and upper bound.
    const dash = text.slice(end, end + 8).match(RANGE_DASH);
    const upper = dash ? text.slice(end + dash[0].length, end + dash[0].length + 24).match(/^\d+(?:\.\d+)?/) : null;
    if (dash && upper && !/^\d{4}$/.test(number)) {
      const upperStart = end + dash[0].length;
      let upperEnd = upperStart + upper[0].length;
      const upperUnit = unitAt(text.slice(upperEnd, upperEnd + 24));
      upperEnd += upperUnit.length;
      unit ||= upperUnit;
      if (unit && namesAClass(text, start, upperEnd, upperUnit || unit)) {
        numberPattern.lastIndex = upperEnd;
        continue;
      }
      if (unit) {
        found.push({ start, end, value, unit, qualifier: '下限', role: 'lower' });
        found.push({ start: upperStart, end: upperEnd, value: Number(upper[0]), unit: upperUnit || unit, qualifier: '上限', role: 'upper' });
        numberPattern.lastIndex = upperEnd;
        continue;
      }
    }
    // 分别高4.2和0.7个百分点: a bare number listed before one with a unit shares that unit.
    const listed = unit ? null : text.slice(end, end + 30).match(/^(和|、|与|及)(\d+(?:\.\d+)?)/);
    if (listed && !/^\d{4}$/.test(number)) {
      const shared = unitAt(text.slice(end + listed[0].length, end + listed[0].length + 24));
      if (shared && !/^(年|月|日|号)$/.test(shared)) unit = shared;
    }
    // 城乡居民收入比降至2.2: a ratio of two amounts is a bare number, and measures.
    const ratioBefore = !unit && /\./.test(number) && /(收入比|之比|比值|系数)(?:降至|降到|缩小至|缩小到|缩小为|下降到|下降至|为|达到|是|保持在)?$/.test(text.slice(Math.max(0, start - 10), start));
    if (!unit && !ratioBefore) continue; // a bare number names or numbers something; it does not measure
    if (namesAClass(text, start, end, unit) || isRhetoric(text, end, unit, value)) continue;
    const after = text.slice(end, end + 2).match(QUALIFIER_AFTER);
    if (after) {
      qualifier = after[1];
      end += after[1].length;
    }
    found.push({ start, end, value, unit, qualifier, role: 'single' });
  }

  // 3/5的用水量: a fraction of something, read as a share.
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\/(\d{1,2})(?=的)/g)) {
    const value = Number(m[1]) / Number(m[2]);
    if (Number(m[2]) > 0 && value < 1) found.push({ start: m.index!, end: m.index! + m[0].length, value: Number(value.toFixed(4)), unit: '', qualifier: null, role: 'single' });
  }

  found.push(...findChineseQuantities(text));
  return found.sort((a, b) => a.start - b.start);
}

/** A numeral run: digits, 十百千, 万亿, 点 and 零 as the old reports write them. */
const NUMERAL_RUN = new RegExp(`[${NUMERAL_CHARS}]+`, 'g');
/** 百分之二十五点六, 千分之三, 十分之一, 三分之二: a share written in words. */
const FRACTION = new RegExp(`([${NUMERAL_CHARS}]+)分之([${NUMERAL_CHARS}]+)`, 'g');

/** 到三十 or 至百分之三十 after 百分之二十: the upper bound of a range. */
const PERCENT_UPPER = new RegExp(`^(到|至|—|－|~|～)(?:百分之)?([${NUMERAL_CHARS}]+)`);

/** The longest prefix of a run that reads as one numeral (一九五八 reads only as 一). */
function longestNumeral(run: string): { text: string; value: number; magnitude: string } | null {
  for (let length = Math.min(run.length, 24); length > 0; length--) {
    const read = readChineseNumber(run.slice(0, length));
    if (read) return { text: run.slice(0, length), ...read };
  }
  return null;
}

/** 到三百万 after 二百八十万: the upper bound of a range in Chinese numerals. */
const CHINESE_UPPER = new RegExp(`^(到|至|—|－|~|～)([${NUMERAL_CHARS}]+)`);

/**
 * 二百八十万到三百万千瓦: a range whose lower bound is written without the unit takes the upper's
 * (in its own magnitude: 280 万千瓦 and 300 万千瓦), as 6－6.5% does with digits.
 */
function chineseRange(text: string, start: number, end: number, lower: { value: number; magnitude: string }): Quantity[] | null {
  const rest = text.slice(end, end + 16);
  if (unitAt(rest)) return null;
  const to = rest.match(CHINESE_UPPER);
  const upper = to ? longestNumeral(to[2]) : null;
  if (!to || !upper) return null;
  const upperStart = end + to[1].length;
  let upperEnd = upperStart + upper.text.length;
  const approx = /^(多|余)/.test(text.slice(upperEnd, upperEnd + 1));
  if (approx) upperEnd += 1;
  const written = unitAt(text.slice(upperEnd, upperEnd + 12));
  if (!written || leadsWithMagnitude(written) || /^(年|天|届|次)$/.test(written)) return null;
  upperEnd += written.length;
  return [
    { start, end, value: lower.value, unit: lower.magnitude + written, qualifier: '下限', role: 'lower' },
    { start: upperStart, end: upperEnd, value: upper.value, unit: upper.magnitude + written, qualifier: '上限', role: 'upper' },
  ];
}

/** The value of X分之Y as a share; rounded (and marked 约) only when it has no short decimal. */
function fractionValue(denominator: number, numerator: number): { value: number; exact: boolean } {
  const value = numerator / denominator;
  const exact = Number(value.toFixed(6)) === Number(value.toFixed(12));
  return { value: Number(value.toFixed(exact ? 6 : 4)), exact };
}

/**
 * Quantities written in Chinese numerals: 四亿八千三百万吨 (4.83 亿吨), 近三倍, 七项成果,
 * 百分之二十五点六 (25.6 %), 十分之一 (0.1), 翻一番 (1 番). A small numeral counts only before a
 * measure word, and never in a set phrase (四个全面) or a name in quotes.
 */
function findChineseQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  const covered = new Set<number>();

  for (const m of text.matchAll(FRACTION)) {
    const start = m.index!;
    if (insideShortQuote(text, start)) continue;
    if (/^(世纪|的时间)/.test(text.slice(start + m[0].length, start + m[0].length + 3))) continue; // 四分之一世纪: a span
    const percent = m[1] === '百' ? '%' : m[1] === '千' ? '‰' : null;
    const numerator = longestNumeral(m[2]);
    const denominator = percent ? null : readChineseNumber(m[1]);
    if (!numerator || numerator.magnitude !== '' || (!percent && (!denominator || denominator.magnitude !== '' || denominator.value === 0))) continue;
    let end = start + m[1].length + 2 + numerator.text.length;
    let qualifier = qualifierBefore(text, start);
    let value = numerator.value;
    let unit = percent ?? '';
    if (!percent) {
      const share = fractionValue(denominator!.value, numerator.value);
      if (share.value >= 1 && denominator!.value !== numerator.value) continue;
      value = share.value;
      if (!share.exact) qualifier ??= '约';
    }
    const after = text.slice(end, end + 2).match(QUALIFIER_AFTER);
    if (after) {
      qualifier = after[1];
      end += after[1].length;
    }
    // 百分之二十到三十: a range, the upper bound's 百分之 left out.
    const upper = percent ? text.slice(end, end + 16).match(PERCENT_UPPER) : null;
    const upperNumber = upper ? longestNumeral(upper[2]) : null;
    if (upper && upperNumber && upperNumber.magnitude === '') {
      const upperStart = end + upper[1].length + (upper[0].length - upper[1].length - upper[2].length);
      const upperEnd = upperStart + upperNumber.text.length;
      for (let i = start; i < upperEnd; i++) covered.add(i);
      found.push({ start, end, value, unit, qualifier: '下限', role: 'lower' });
      found.push({ start: upperStart, end: upperEnd, value: upperNumber.value, unit, qualifier: '上限', role: 'upper' });
      continue;
    }
    for (let i = start; i < end; i++) covered.add(i);
    found.push({ start, end, value, unit, qualifier, role: 'single' });
  }

  for (const m of text.matchAll(NUMERAL_RUN)) {
    // A numeral starts at a digit: 千万 and 万亿 alone are words (千万不要), and 点 is 重点.
    const lead = m[0].match(/^[百千万亿点]*/)![0].length;
    const start = m.index! + lead;
    if (covered.has(start) || lead === m[0].length) continue;
    let numeral = longestNumeral(m[0].slice(lead).replace(/点+$/, ''));
    if (!numeral) continue;
    let end = start + numeral.text.length;
    const before = text.slice(Math.max(0, start - 1), start);
    if (/[第初周星礼]$/.test(before)) continue;
    if (/[这那该其此]$/.test(before)) continue; // 这两个会议: things already named, not a count
    if (insideShortQuote(text, start)) continue;
    let qualifier = qualifierBefore(text, start);
    let approx = text.slice(end, end + 1).match(/^(多|余)/);
    // 四亿零七百多万吨: the 万 after 多 still belongs to the numeral when 亿 leads it.
    const wanAfter = approx && numeral.magnitude === '亿' && !/[万亿]$/.test(numeral.text) && /^万(?!亿)/.test(text.slice(end + 1, end + 3)) ? readChineseNumber(numeral.text + '万') : null;
    if (approx && wanAfter) {
      numeral = { ...numeral, value: wanAfter.value };
      qualifier = approx[1];
      end += 2;
      approx = null;
    }
    if (approx) {
      qualifier = approx[1];
      end += 1;
    }
    const rest = text.slice(end, end + 12);
    const range = chineseRange(text, start, end, numeral);
    if (range) {
      for (let i = range[1].start; i < range[1].end; i++) covered.add(i);
      found.push(...range);
      continue;
    }
    const large = numeral.magnitude !== '' || numeral.value >= 10 || /点/.test(numeral.text);
    let written: string;
    if (before === '翻' && /^番/.test(rest)) written = '番'; // 翻一番, 翻两番
    else {
      if (CHINESE_NAME_AFTER.test(rest) || (!large && !CHINESE_COUNT_UNIT.test(rest))) continue;
      written = unitAt(rest);
      // 四亿八千三百万吨: the numeral's own 万 or 亿 leads the unit, as digits would write it.
      if (numeral.magnitude && leadsWithMagnitude(written)) continue;
      if (!written && !numeral.magnitude) continue;
      if (/^(年|天|届|次)$/.test(written) && !(numeral.magnitude && written === '次')) continue; // 三年, 一百万年以来: spans, not measures
      // 二十九个民族, 两个人才: as with digits, a unit before 口/民/才 … is no unit.
      if (unitStartsAWord(written, rest.slice(written.length, written.length + 1))) written = '';
      if (!written && !numeral.magnitude) continue;
    }
    const unit = numeral.magnitude + written;
    if (numeral.value === 0 || (numeral.value < 2 && !numeral.magnitude && !/^(倍|番|成)$/.test(unit))) continue; // 一个, 一项: an article, not a count
    end += written.length;
    if (namesAClass(text, start, end, unit) || isRhetoric(text, end, unit, numeral.value)) continue;
    const after = text.slice(end, end + 2).match(QUALIFIER_AFTER);
    if (after) {
      qualifier = after[1];
      end += after[1].length;
    }
    found.push({ start, end, value: numeral.value, unit, qualifier, role: 'single' });
  }
  return found;
}
