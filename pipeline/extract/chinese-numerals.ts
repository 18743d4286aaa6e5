const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Reads a Chinese numeral below 万: 三 → 3, 十二 → 12, 一千二百 → 1200, 两 → 2.
 * 万 and 亿 are left to the unit (一千二百万人 → 1200 万人), as the report's digits would write it.
 */
export function parseChineseNumeral(text: string): number | null {
  if (!text) return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGITS) {
      if (digit !== null) return null;
      digit = DIGITS[ch];
    } else if (ch in SMALL_UNITS) {
      // 十 may stand alone (十二 = 12); 百 and 千 need their digit (百千万人才 is a name, not 1100).
      if (digit === null && ch !== '十') return null;
      if (digit === null && total > 0) return null;
      total += (digit ?? 1) * SMALL_UNITS[ch];
      digit = null;
    } else return null;
  }
  return total + (digit ?? 0);
}

/** Full-width digits and points as ASCII: １２．５ → 12.5. */
export function normaliseDigits(text: string): string {
  return text.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
