import type { Indicator } from '../extract/indicator.js';

/**
 * Where a figure stands in its clause, and the words that name it there: a table row quotes
 * 公路水运投资1.8万亿元左右, not the whole clause 铁路投资7320亿元、公路水运投资1.8万亿元左右 that two
 * rows share.
 */

const FULL_WIDTH = /[０-９．％]/g;
const ascii = (s: string) => s.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** Start and end of the figure (with 多/余, unit and qualifier) in text, or null when not written in digits. */
export function figureAt(text: string, value: number, unit: string): { start: number; end: number } | null {
  const plain = ascii(text);
  const digits = String(value).split('').map((c) => c.replace('.', '\\.')).join('\\s*');
  const unitPattern = unit ? unit.split('').map((c) => c.replace(/[%.]/, (m) => `\\${m}`)).join('\\s*') : '';
  const pattern = new RegExp(`(?<![\\d.])${digits}\\s*(?:多|余)?\\s*${unitPattern}(?:多|余)?(?:左右|以上|以内|以下|之内|上下)?`, 'g');
  const match = pattern.exec(plain);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

/** Words that carry no subject: time, will, and the verb of a commitment. */
const BARE_LEAD = /^(今年|全年|比上年|比去年|同比|实际|增长|上涨|年内|再|要|将|力争|确保|计划|拟|并|还|同时|继续|其中|新|开工|建设|完成|实现|新增|改造|改建|新建|安排|各|达到|增加|减少|提高|下降)+$/;

/**
 * The figure as the report writes it, from the words that name it: the clause up to the figure,
 * starting after the figure before it; with the clause before when this one names nothing
 * (启动新的三年棚改攻坚计划，今年开工580万套).
 */
export function writtenFigure(indicator: Pick<Indicator, 'text' | 'value' | 'unit'>, paragraphText?: string): string {
  const clause = indicator.text.replace(/^[，；、。]/, '');
  const at = figureAt(clause, indicator.value, indicator.unit);
  if (!at) return clause.replace(/[。；，]$/, '');
  const lead = clause.slice(0, at.start);
  // The last separator or figure before this one starts its own words.
  const cut = Math.max(lead.lastIndexOf('、'), lead.lastIndexOf('，'), lead.lastIndexOf('；'), lastFigureEnd(lead));
  // 近1400万农业转移人口在城镇落户: what was counted follows the figure, to the clause's end.
  const rest = clause.slice(at.end).replace(/[。；]$/, '');
  const thingAfter = rest.length >= 2 && rest.length <= 16 && !/[\d０-９，、]/.test(rest) ? rest : '';
  // 赤字率从去年的2.1%提高到2.3%: B of 从A提高到B is quoted with A and the thing.
  const from = /^(提高|提升|增加|增长|降低|下降|扩大|减少|上升|降)?(到|至|为)$/.test(clause.slice(cut + 1, at.start).trim()) && /[从由]/.test(clause.slice(0, cut + 1)) ? clause.slice(0, cut + 1) : '';
  let span = from + clause.slice(cut + 1, at.end) + thingAfter;
  if (!thingAfter && !from && (BARE_LEAD.test(clause.slice(cut + 1, at.start).trim()) || at.start - cut - 1 <= 1)) {
    const before = cut >= 0 ? clause.slice(0, cut + 1) : previousClause(clause, paragraphText);
    span = `${before}${span}`.replace(/^[，；、]/, '');
  }
  return span;
}

function lastFigureEnd(text: string): number {
  const m = [...ascii(text).matchAll(/\d[\d.]*\s*(?:多|余)?[^\d，、；。]{0,3}?(?:亿|万)?(?:元|人|套|户|个|项|公里|亩|吨|千瓦|%)(?:左右|以上|以内)?(?:和|及|与)?/g)].pop();
  return m ? m.index! + m[0].length - 1 : -1;
}

/** The clause before `clause` in its paragraph, with its comma: the subject a bare clause leaves out. */
function previousClause(clause: string, paragraphText?: string): string {
  if (!paragraphText) return '';
  const at = paragraphText.indexOf(clause);
  if (at <= 0) return '';
  const head = paragraphText.slice(0, at);
  if (/[。！？]$/.test(head)) return '';
  const from = Math.max(head.slice(0, -1).lastIndexOf('，'), head.slice(0, -1).lastIndexOf('。'), head.slice(0, -1).lastIndexOf('；'), head.slice(0, -1).lastIndexOf('：'));
  return head.slice(from + 1);
}
