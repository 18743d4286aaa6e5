/**
 * Reading numbers written in Chinese numerals at their exact size: 四亿八千三百万 → 4.83 亿,
 * 一百三十三亿七千万 → 133.7 亿, 一万零五百亿 → 10500 亿, 二十五点六 → 25.6. The size is kept in
 * the magnitude the report writes (亿, 万), so the value stays the number a reader sees beside
 * its unit; decimals are built as strings, so 4.83 is the double nearest 4.83, never 4.829999.
 * (nzh, the npm library, reads 两千 as 0, 廿三 as 3 and 四点八三亿 as 4.83: not usable here.)
 */

/** Traditional and financial forms, one character for one, so offsets in the text still hold. */
const SIMPLIFIED: Record<string, string> = {
  萬: '万', 億: '亿', 點: '点', 兩: '两', 壹: '一', 貳: '二', 贰: '二', 參: '三', 叁: '三', 肆: '四', 伍: '五',
  陸: '六', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千', '○': '〇',
};

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 廿 and 卅 are a digit and its 十 in one character. */
const TENS: Record<string, number> = { 廿: 20, 卅: 30 };
const SMALL_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** The characters a Chinese numeral is written with (after `simplifyNumerals`). */
export const NUMERAL_CHARS = '零〇一二两三四五六七八九十廿卅百千万亿点';

/** Traditional and financial numeral characters as their simplified forms, offset for offset. */
export function simplifyNumerals(text: string): string {
  return text.replace(/[萬億點兩壹貳贰參叁肆伍陸陆柒捌玖拾佰仟○]/g, (c) => SIMPLIFIED[c]);
}

/** Full-width digits and points as ASCII: １２．５ → 12.5. */
export function normaliseDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** ASCII digits with the spaces a copy broke them with closed up: １ ９ ９ ７ 年 → 1997年. */
export function compactDigits(text: string): string {
  return normaliseDigits(text).replace(/(?<=\d)[ \u00a0\u3000](?=[\d.]|年)/g, '').replace(/(?<=\.)[ \u00a0\u3000](?=\d)/g, '');
}

export type Magnitude = '' | '万' | '亿' | '万亿';

export interface ChineseNumber {
  /** The number in units of `magnitude`: 四亿八千三百万 → 4.83 (亿). */
  value: number;
  /** The largest magnitude written in the numeral, which the unit keeps: 亿 of 4.83 亿吨. */
  magnitude: Magnitude;
}

const MAGNITUDE_POWER: Record<Magnitude, number> = { '': 0, 万: 4, 亿: 8, 万亿: 12 };

/** An exact integer scaled down by 10^scale, written as the shortest decimal string. */
function decimalString(integer: bigint, scale: number): string {
  const digits = integer.toString().padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

/**
 * The whole integer a numeral writes, or null when it is not a well-formed numeral: 一千零五十 →
 * 1050, 一万零五百亿 → 10500 亿, 一万五 → 15000 (a last digit right after a unit is one step
 * below it). 百 and 千 need their digit (百千万人才 is a name); digits in a row are not a number.
 */
function readInteger(text: string): { integer: bigint; magnitude: Magnitude } | null {
  let above = 0n; // what 亿 has scaled
  let wan = 0n; // the 万 part of the section below 亿
  let small = 0; // below 万
  let digit: number | null = null;
  let lastUnit = 0; // the last 十/百/千 of the section: units must fall (一千二百, not 二百一千)
  let lastBig = 0; // 1e4 or 1e8 right after 万 or 亿, for the 一万五 shorthand
  let afterZero = false;
  let magnitude: Magnitude = '';
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch in DIGIT) {
      if (digit !== null) return null;
      if (DIGIT[ch] === 0) afterZero = true;
      else digit = DIGIT[ch];
    } else if (ch in TENS || ch in SMALL_UNIT) {
      const unit = SMALL_UNIT[ch] ?? 10;
      if (lastUnit !== 0 && unit >= lastUnit) return null;
      if (ch in TENS) {
        if (digit !== null) return null;
        small += TENS[ch];
      } else {
        // 十 may stand for 一十 (十二, 一千零十); 百 and 千 need their digit.
        if (digit === null && unit !== 10) return null;
        small += (digit ?? 1) * unit;
      }
      digit = null;
      lastUnit = unit;
      lastBig = 0;
      afterZero = false;
    } else if (ch === '万' || ch === '亿') {
      const section = small + (digit ?? 0);
      if (ch === '万' && chars[i + 1] === '亿') {
        // 三万亿: 万 multiplies what 亿 will multiply.
        if (section === 0 || wan !== 0n) return null;
        small = section * 10000;
      } else if (ch === '万') {
        if (section === 0 || wan !== 0n) return null;
        wan = BigInt(section) * 10000n;
        small = 0;
        lastBig = 10000;
        if (magnitude === '') magnitude = '万';
      } else {
        const whole = wan + BigInt(section);
        if (whole === 0n) return null;
        above = (above + whole) * 100000000n;
        wan = 0n;
        small = 0;
        lastBig = 100000000;
        if (magnitude !== '亿') magnitude = chars[i - 1] === '万' && magnitude === '' ? '万亿' : '亿';
      }
      digit = null;
      lastUnit = 0;
      afterZero = false;
    } else return null;
  }
  if (digit !== null) {
    if (!afterZero && lastUnit > 10) small += digit * (lastUnit / 10); // 三千五 → 3500
    else if (!afterZero && lastBig) return { integer: above + wan + BigInt(small) + BigInt(digit * (lastBig / 10)), magnitude }; // 一万五
    else small += digit;
  } else if (afterZero && lastUnit === 0 && lastBig === 0 && above === 0n && wan === 0n && small === 0 && chars.length > 1) return null;
  return { integer: above + wan + BigInt(small), magnitude };
}

/**
 * Reads a whole Chinese numeral: integers with 零 两 廿 卅, 万 and 亿 mixed (四亿八千三百万), and
 * decimals (二十五点六, 四点八三亿). Returns null when the text is not one numeral.
 */
export function readChineseNumber(numeral: string): ChineseNumber | null {
  const text = simplifyNumerals(numeral);
  if (!text) return null;
  const point = text.indexOf('点');
  if (point < 0) {
    const read = readInteger(text);
    if (!read) return null;
    const scale = MAGNITUDE_POWER[read.magnitude];
    return { value: Number(decimalString(read.integer, scale)), magnitude: read.magnitude };
  }
  // 四点八三亿: digits after 点 are read one by one; a 万 or 亿 after them scales the whole.
  const tail = text.slice(point + 1).match(/^([零〇一二两三四五六七八九]+)(万亿|万|亿)?$/);
  const head = readInteger(text.slice(0, point));
  if (!tail || !head || head.magnitude !== '') return null;
  const fraction = [...tail[1]].map((c) => DIGIT[c]).join('');
  const magnitude = (tail[2] ?? '') as Magnitude;
  return { value: Number(`${head.integer}.${fraction}`), magnitude };
}

const DIGIT_CHARS = '〇一二三四五六七八九';

/** An integer below 10000 in Chinese numerals: 3000 → 三千, 505 → 五百零五. */
export function smallIntegerAsChinese(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new RangeError(`${n}`);
  if (n === 0) return '零';
  let out = '';
  let zero = false;
  for (const [unit, name] of [[1000, '千'], [100, '百'], [10, '十'], [1, '']] as const) {
    const d = Math.floor(n / unit) % 10;
    if (d === 0) {
      zero = out !== '';
      continue;
    }
    out += (zero ? '零' : '') + DIGIT_CHARS[d] + name;
    zero = false;
  }
  return out;
}

/**
 * Digits mixed with Chinese magnitudes, as newer reports write round figures: 1万6千 → 1.6 万,
 * 1亿3千万 → 1.3 亿, 1亿3000万 → 1.3 亿. Each digit group is read as its Chinese numeral.
 */
export function readMixedNumber(text: string): ChineseNumber | null {
  if (!/^\d+([万亿][\d零千百十万亿]*)$/.test(text)) return null;
  return readChineseNumber(text.replace(/\d+/g, (d) => (d.length > 4 ? 'x' : smallIntegerAsChinese(Number(d)))));
}
