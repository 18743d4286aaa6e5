const YEAR_DIGITS: Record<string, string> = { '〇': '0', '○': '0', '零': '0', '一': '1', '二': '2', '三': '3', '四': '4', '五': '5', '六': '6', '七': '7', '八': '8', '九': '9' };

/** Years as digits whatever way they are written: １９８４年, 1 9 9 3 年, 一九五八年 → 1984年, 1993年, 1958年. */
export function normaliseYears(text: string): string {
  return text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/(?<!\d)(\d)\s(\d)\s(\d)\s(\d)\s*年/g, '$1$2$3$4年')
    .replace(/([〇○零一二三四五六七八九]{4})(?=\s*年)/g, (y) => [...y].map((c) => YEAR_DIGITS[c]).join(''));
}
