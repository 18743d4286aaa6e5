import type { Indicator } from '../extract/indicator.js';

/**
 * The targets analysts line up across issuers and years, each recognised by the names reports
 * give it (国内生产总值 / 地区生产总值 / 经济 / GDP …) and the unit it is set in. `change` says the
 * target is a rate of change (增长5%), not a level (失业率5.5%以内, 新增就业1100万人).
 */
export interface MainTargetKind {
  key: string;
  label: string;
  names: RegExp;
  /** Names that look alike but measure another thing: 单位GDP能耗, GDP比重. */
  not?: RegExp;
  units: RegExp;
  /** Words a sentence uses when it talks of this target: to tell “not set” from “not read”. */
  words: RegExp;
}

export const MAIN_TARGET_KINDS: MainTargetKind[] = [
  { key: 'gdp', label: '生产总值增长', names: /生产总值|^经济(增长|增速)?$|^GDP/, not: /能耗|排放|比率|比重|占|人均|单位|总费用/, units: /^%$/, words: /生产总值|经济增长|经济增速|GDP/ },
  { key: 'revenue', label: '一般公共预算收入', names: /一般公共预算收入|地方财政收入|^财政收入/, units: /^%$/, words: /预算收入|财政收入/ },
  { key: 'investment', label: '固定资产投资', names: /固定资产投资/, units: /^%$/, words: /固定资产投资/ },
  { key: 'retail', label: '社会消费品零售总额', names: /社会消费品零售/, units: /^%$/, words: /社会消费品零售/ },
  { key: 'industry', label: '规模以上工业增加值', names: /(规模以上|规上)工业增加值/, units: /^%$/, words: /工业增加值/ },
  { key: 'trade', label: '进出口', names: /进出口|外贸/, units: /^%$/, words: /进出口|外贸/ },
  { key: 'income', label: '居民人均可支配收入', names: /可支配收入|居民收入/, units: /^%$/, words: /可支配收入|居民收入/ },
  { key: 'cpi', label: '居民消费价格涨幅', names: /消费价格|物价|CPI/, units: /^%$/, words: /消费价格|物价|CPI/ },
  { key: 'jobs', label: '城镇新增就业', names: /新增就业|城镇就业/, units: /^万人$/, words: /新增就业/ },
  { key: 'surveyed', label: '城镇调查失业率', names: /调查失业率/, units: /^%$/, words: /调查失业率/ },
  { key: 'registered', label: '城镇登记失业率', names: /登记失业率/, units: /^%$/, words: /登记失业率/ },
  { key: 'grain', label: '粮食产量', names: /粮食(总)?产量/, units: /^(万吨|亿斤|亿公斤|万斤)$/, words: /粮食(总)?产量/ },
  { key: 'deficit', label: '赤字率', names: /赤字率/, units: /^%$/, words: /赤字率/ },
];

export function kindOfTarget(name: string, unit: string): MainTargetKind | null {
  return MAIN_TARGET_KINDS.find((k) => k.names.test(name) && !(k.not && k.not.test(name)) && k.units.test(unit)) ?? null;
}

/** 主要预期目标是：, 主要目标为：… — the words that open a list of targets. */
const ANNOUNCES_TARGETS = /(预期目标|主要目标)(任务)?\s*(是|为)/g;
/** A sentence about the five-year plan's targets, not the year's. */
const PLAN_TARGETS = /五年|十[一二三四五六七八九]五|时期|到20\d\d年|20\d\d年前/;

/** A block of a report as the corpus record reads it: paragraphs numbered, headings not. */
export type TextBlock = { kind: string; text?: string; n?: number };

/**
 * The paragraphs that open with the year's list of targets: the words before a paragraph's first
 * figure — with the two blocks before it, as a title broken over lines (主要预期目标 / 是：…) reads —
 * end in 主要预期目标是：, in a sentence that is not about the five-year plan. Those that name the
 * year (今年, 2026年) come first.
 */
export function announcingParagraphs(blocks: TextBlock[], year: number): number[] {
  const thisYear = new RegExp(`今年|本年|${year}年`);
  const found: Array<{ n: number; named: boolean }> = [];
  blocks.forEach((block, k) => {
    if (block.kind !== 'paragraph' || block.n === undefined || !block.text) return;
    const before = blocks.slice(Math.max(0, k - 2), k).map((b) => b.text ?? '').join('');
    const context = before + block.text;
    // The words open the list when a figure follows within a few words (its first item's name),
    // and they end in this paragraph or just before it.
    const opening = [...context.matchAll(ANNOUNCES_TARGETS)].find((m) => m.index! + m[0].length >= before.length - 8 && /[0-9０-９]/.test(context.slice(m.index! + m[0].length, m.index! + m[0].length + 30)));
    if (!opening) return;
    const sentence = context.slice(0, opening.index).split(/[。！；]/).pop()!;
    if (PLAN_TARGETS.test(sentence.replace(/(今年|本年|\d{4}年)是[^，,]*[，,]/, ''))) return;
    found.push({ n: block.n, named: thisYear.test(sentence) });
  });
  return [...found.filter((f) => f.named), ...found.filter((f) => !f.named)].map((f) => f.n);
}

/**
 * A report's main targets for its year: the figures of the paragraph that announces them
 * (主要预期目标是：…), which are this year's targets whatever else the sentence seems to say; a
 * report without such a paragraph (the older ones) gives those read as targets for the year.
 * The first figure of each kind counts; a range (5%—5.5%) keeps its upper end.
 */
export function mainTargetsOf(indicators: Indicator[], year: number | null, blocks: TextBlock[]): Array<{ kind: MainTargetKind; target: Indicator; upper: Indicator | null }> {
  if (!year) return [];
  const announcing = announcingParagraphs(blocks, year);
  const inParagraph = (n: number) => indicators.filter((i) => i.paragraph === n && i.unit !== '' && kindOfTarget(i.name, i.unit));
  const first = announcing.find((n) => inParagraph(n).length > 0);
  const candidates = first !== undefined ? inParagraph(first) : indicators.filter((i) => i.kind === 'target' && i.period === String(year) && i.unit !== '');
  const found = new Map<string, { kind: MainTargetKind; target: Indicator; upper: Indicator | null }>();
  for (const target of candidates) {
    if (target.qualifier === '上限') continue;
    const kind = kindOfTarget(target.name, target.unit);
    if (!kind || found.has(kind.key)) continue;
    const next = indicators[indicators.indexOf(target) + 1];
    const upper = target.qualifier === '下限' && next?.qualifier === '上限' && next.line === target.line ? next : null;
    found.set(kind.key, { kind, target, upper });
  }
  return MAIN_TARGET_KINDS.flatMap((k) => (found.has(k.key) ? [found.get(k.key)!] : []));
}

/**
 * A paragraph where the report says it sets no target of this kind (2020: 没有提出全年经济增速具体
 * 目标): the target is “not set”, deliberately, not missed by the reader.
 */
export function declinedTarget(kind: MainTargetKind, paragraphs: Array<{ n: number; line: number; text: string }>): { paragraph: number; line: number; text: string } | null {
  for (const p of paragraphs) {
    for (const sentence of p.text.split(/(?<=[。；])/)) {
      if (/(没有|不|未)(再)?(提出|设定|设置|设)[^。；]{0,16}目标/.test(sentence) && kind.words.test(sentence)) return { paragraph: p.n, line: p.line, text: sentence.trim() };
    }
  }
  return null;
}

/**
 * Whether the report sets a target of this kind with a figure we did not read as one — a clause
 * of its year's targets naming the kind and a number — so that a missing target is “not read”,
 * never “not set”.
 */
export function mentionsUnreadTarget(kind: MainTargetKind, year: number, paragraphs: Array<{ text: string }>): boolean {
  const thisYear = new RegExp(`今年|${year}年`);
  return paragraphs.some((p) =>
    p.text.split(/(?<=[。！])/).some((sentence) => thisYear.test(sentence) && /目标|计划|预期/.test(sentence) && sentence.split(/[，；、：]/).some((clause) => kind.words.test(clause) && /[0-9０-９]/.test(clause))),
  );
}
