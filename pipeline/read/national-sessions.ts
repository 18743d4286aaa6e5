/**
 * The years of each session of the National People's Congress, by term: a report of the State
 * Council addressed to 第五届全国人民代表大会第三次会议 was delivered in 1980. From the fifth term
 * on, a term's sessions fall in consecutive years; the first terms met irregularly.
 */
const SESSION_YEARS: Record<number, number[]> = {
  1: [1954, 1955, 1956, 1957, 1958],
  2: [1959, 1960, 1962, 1963],
  3: [1964],
  4: [1975],
};
const REGULAR_TERMS_FROM = { term: 5, year: 1978 };

const TERM_NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 十二 → 12, 五 → 5 (terms and sessions stay under 100). */
function smallNumeral(text: string): number {
  if (text.startsWith('十')) return 10 + (TERM_NUMERALS[text[1]] ?? 0);
  if (text.length === 3 && text[1] === '十') return TERM_NUMERALS[text[0]] * 10 + TERM_NUMERALS[text[2]];
  if (text.length === 2 && text[1] === '十') return TERM_NUMERALS[text[0]] * 10;
  return TERM_NUMERALS[text] ?? 0;
}

export function sessionYear(term: number, session: number): number | null {
  if (term >= REGULAR_TERMS_FROM.term) return REGULAR_TERMS_FROM.year + (term - REGULAR_TERMS_FROM.term) * 5 + session - 1;
  return SESSION_YEARS[term]?.[session - 1] ?? null;
}

/** Terms and sessions are Chinese numerals in every era (第十二届, 五届人大四次会议). */
const SESSION = '第?([一二三四五六七八九十]{1,3})[届屆](?:全[国國]人民代表大[会會]|人大)(?:第?([一二三四五六七八九十]{1,3})次[会會][议議])?';
const SESSION_MENTIONED = new RegExp(SESSION);
const SESSION_HELD = new RegExp(`在${SESSION}`);
const SESSION_ADDRESSED = new RegExp(`(?:向|我们|我們)${SESSION}`);
/** How many paragraphs count as the report's opening. */
const OPENING = 6;
const ELAPSED = /([一两二三四五六七八九十])年(?:多)?来|过去了([一两二三四五六七八九十])年/;
const YEARS_SINCE: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/**
 * The year of a national report that counts the time since an earlier session: 从第二届全国人民代表大会
 * 第一次会议以来 … 五年来 (1959 + 5), 从去年三月第五届全国人民代表大会第一次会议闭幕 (1978 + 1),
 * 五届人大四次会议 … 一年来 (1981 + 1). One paragraph at a time; a session mentioned without
 * the time since it says nothing.
 */
export function yearSinceSession(paragraphs: string[]): number | null {
  for (const [index, text] of paragraphs.entries()) {
    const m = text.match(SESSION_MENTIONED);
    if (!m || m.index === undefined) continue;
    const since = sessionYear(smallNumeral(m[1]), m[2] ? smallNumeral(m[2]) : 1);
    if (!since) continue;
    const sentenceStart = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('，', m.index - 12)) + 1;
    if (/去年/.test(text.slice(sentenceStart, m.index))) return since + 1;
    // The time since is said after the session in its paragraph, or near the opening where the report starts (五年来，我国…).
    const elapsed = text.slice(m.index).match(ELAPSED) ?? (index < OPENING ? paragraphs[0].match(ELAPSED) : null);
    if (elapsed) return since + YEARS_SINCE[elapsed[1] ?? elapsed[2]];
  }
  return null;
}

/**
 * The year of the session a national report is addressed to or delivered at: 向第四届全国人民代表大会
 * (its first session), 在第十二届全国人民代表大会第五次会议上. Sessions the text only mentions are not it.
 */
export function nationalSessionYear(occasion: string, opening: string): number | null {
  const m = occasion.match(SESSION_HELD) ?? opening.match(SESSION_ADDRESSED);
  if (!m) return null;
  return sessionYear(smallNumeral(m[1]), m[2] ? smallNumeral(m[2]) : 1);
}
