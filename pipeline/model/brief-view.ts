import type { Audience, BlockName } from '../audiences/audience.js';
import { topicHits, topicKeywords, type Topics } from '../audiences/topics.js';
import { cutSentence } from './cut-sentence.js';
import { keyFigure } from './figure-label.js';
import { quotableItem, stripListWord } from './quote-text.js';
import { PrintedSoFar } from './repeats.js';
import type { ParagraphModel, ReportModel, SectionModel } from './report-model.js';
import { quotedSentences } from './sentence-pool.js';
import { FigureIndex } from './figure-index.js';
import { simplifiedForm } from '../util/simplified-form.js';

/** A sentence (or clause) of the report, quoted, with the ¶ it is in. */
export interface BriefItem {
  text: string;
  n: number;
  score: number;
  /** Position in the report, for printing in reading order: ¶ × 1000 + offset. */
  order?: number;
  /** A main target of a sheet that promises all of them: placed before any other item is weighed. */
  essential?: boolean;
  /** For a priority: the lead sentences of its paragraphs (大力发展实体经济。积极扩大有效投资。). */
  leads?: Array<{ text: string; n: number; order?: number }>;
  /**
   * A further sentence of an item already in the block (its rank there): printed among that
   * item's leads, in the report's order, when that item is printed — how a longer page tells a
   * priority in more of its own sentences.
   */
  extends?: number;
}

export interface FigureItem {
  figure: string;
  label: string;
  paragraph: number;
}

export interface BriefBlock {
  name: BlockName;
  heading: string;
  /** Every candidate, best first; `take` decides how many print. */
  items: BriefItem[];
  figures: FigureItem[];
  /**
   * Drawn on only once every other block has no candidate left: the report's other points. Its
   * items are weighed when first read, so a fitting that never opens it costs nothing.
   */
  fallback?: boolean;
}

const MAX_SENTENCE = 72;

/** A question the report asks to answer it next (什么是我们克服困难的道路呢？): no point alone. */
const ASKS = /[？?][”’」』）)]*$/;

/** Headings an audience file need not give: its other points say only that they are the report's. */
const DEFAULT_HEADINGS: Partial<Record<BlockName, string>> = { more: '报告其他要点' };

/**
 * The sections of the report by role: the review of last year, and this year's plan — of the
 * later parts naming this year, the one that sets out work (工作任务, 重点工作) in the most
 * sub-sections, not the one on principles (总体要求) or the five-year plan.
 */
export function sectionsByPeriod(model: ReportModel) {
  const y = model.year;
  const parts = model.sections.filter((s) => s.role === 'section');
  // Headings and openings are matched in simplified characters, whatever the report prints.
  const heading = (s: SectionModel) => simplifiedForm(s.heading);
  const review = parts.find((s) => (y !== null && s.heading.includes(`${y - 1}年`)) || /回顾/.test(heading(s))) ?? null;
  const score = (s: SectionModel) =>
    (y !== null && s.heading.includes(`${y}年`) ? 2 : 0) +
    (/今年|工作安排|重点工作|工作任务|主要任务|建议/.test(heading(s)) ? 2 : 0) +
    (s.sections.length >= 3 ? 2 : 0) -
    (/今后五年|五年(?:的)?(?:主要)?目标|十[一二三四五]五(?:时期|规划)|总体要求|政策取向|指导思想/.test(heading(s)) ? 3 : 0);
  const later = parts.filter((s) => s !== review && score(s) >= 2);
  // Of parts scoring alike, the one with more work areas; of those, the later (this year's work follows the five-year plan).
  const rank = (s: SectionModel) => score(s) * 100 + s.sections.length;
  const found = later.reduce<SectionModel | null>((best, s) => (best === null || rank(s) >= rank(best) ? s : best), null);
  // A plan told part by part (1999: 二、继续扩大内需… 三、促进农业…): the parts after the review,
  // taken together as the plan whose sub-sections they are.
  const after = review ? parts.slice(parts.indexOf(review) + 1) : [];
  // A report opening a government's term may set out only the coming years' tasks (今后五年的主要任务):
  // with no part on this year's work, that part is its plan.
  const coming = after.filter((s) => /任务|工作|计划|建议/.test(heading(s)) && s.sections.length >= 3 && !/总体要求|指导思想/.test(heading(s)));
  const plan = found ?? (after.length >= 3 ? { ...after[0], id: 'plan', heading: '', title: '', paragraphs: [], sections: after } : coming[0] ?? null);
  // A review under a heading the reader did not take for one (“十四五”时期发展成就和2025年工作回顾,
  // unnumbered): the paragraphs before the first part, when they are many and look back.
  const preamble = model.paragraphs.filter((p) => p.section === '');
  const looksBack = (p: ParagraphModel) => /回顾|过去一年|过去五年|这五年|一年来|五年来/.test(simplifiedForm(p.text)) || (y !== null && p.text.includes(`${y - 1}年`));
  const opening: SectionModel | null =
    parts.length > 0 && preamble.length >= 4 && preamble.filter(looksBack).length >= 2
      ? { id: 'opening', level: 1, marker: '', heading: '', title: '', line: null, role: 'section', paragraphs: preamble, sections: [] }
      : null;
  // A review that names no year (一、一年接着一年干…): the part before the plan, when there is one.
  const before = plan && !review && !opening ? parts.slice(0, parts.indexOf(plan)).filter((s) => allParagraphs(s).length >= 3) : [];
  if (review || plan) return { review: review ?? opening ?? before[0] ?? null, plan };
  // A report whose parts name no years (关于经济形势, 关于经济体制改革): its first part tells the
  // state of things, the longest of the others what is to be done.
  const size = (s: SectionModel) => allParagraphs(s).length;
  const [first, ...rest] = parts.filter((s) => size(s) >= 3);
  // The work to be done at home, not foreign affairs, defence or reunification (parts of their own).
  const athome = rest.filter((s) => !ABROAD.test(heading(s)));
  const longest = athome.reduce<SectionModel | null>((best, s) => (best === null || size(s) > size(best) ? s : best), null);
  if (first || longest) return { review: first ?? null, plan: longest };
  return unparted(model);
}

/** A part on foreign affairs, defence or reunification: 我们坚持在和平共处五项原则的基础上…, 关于外交工作. */
const ABROAD = /外交|国际形势|国际关系|对外政策|和平共处|祖国统一|和平统一|台湾|港澳|国防|军队/;

/** What a paragraph's opening sets out to do: a task, a call, a plan (matched in simplified characters). */
const SETS_A_TASK = /必须|应当|应该|争取|力争|今后|明年|(?:我们|国家)(?:还|就|都|一定|必须)?要/;
/** What a paragraph's opening reports as done. */
const REPORTS_DONE = /了|已经|已/;

/**
 * A report not divided into parts at all (1954, 1975): a paragraph whose opening sets a task
 * belongs to the plan, one that does not to the review — the two told as the parts they would be.
 */
function unparted(model: ReportModel): { review: SectionModel | null; plan: SectionModel | null } {
  const body = model.paragraphs.filter((p) => !/^各位代表/.test(p.text));
  if (body.length < 6) return { review: null, plan: null };
  const opening = (p: ParagraphModel) => simplifiedForm(p.lead ?? p.text.slice(0, 40));
  const part = (id: string, paragraphs: ParagraphModel[]): SectionModel | null =>
    paragraphs.length >= 3 ? { id, level: 1, marker: '', heading: '', title: '', line: null, role: 'section', paragraphs, sections: [] } : null;
  const task = (p: ParagraphModel) => SETS_A_TASK.test(opening(p)) && !REPORTS_DONE.test(opening(p));
  return { review: part('review', body.filter((p) => !task(p))), plan: part('plan', body.filter(task)) };
}

function allParagraphs(section: SectionModel | null): ParagraphModel[] {
  if (!section) return [];
  return [...section.paragraphs, ...section.sections.flatMap((s) => allParagraphs(s))].sort((a, b) => a.n - b.n);
}

/**
 * How much a text speaks to an audience: hits in its topics, the first-named weighing most,
 * less the hits in topics it did not ask for (a GDP sentence is not for the public brief).
 */
function topicScore(text: string, audience: Audience, topics: Topics): number {
  const plain = simplifiedForm(text);
  let score = 0;
  audience.topics.forEach((id, rank) => {
    score += Math.min(2, topicHits(plain, topics.get(id)!)) * Math.max(1, 3 - rank);
  });
  for (const [id, topic] of topics) {
    if (!audience.topics.includes(id) && id !== 'risks') score -= 0.5 * Math.min(2, topicHits(plain, topic));
  }
  return score;
}


const dedupe = (items: BriefItem[]) => {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.text) ? false : (seen.add(i.text), true)));
};

/** What a sentence means to do: a plan, a call, a principle (重要, 主要 and 需要 are no call); simplified characters. */
const STATES_AN_INTENTION = /(?<![重主需纲])要(?![素件点])|将|应当|应该|必须|争取|力争|计划|准备|希望|务必|打算|今年|明年/;

/** Background and principles are not achievements: 世界经济复苏乏力…, …必须破除…, 我们深刻体会到…. */
const NOT_AN_ACHIEVEMENT = /报告工作|请予审议|敬意|主要是|来之不易|居安|思危|收官之年|开局之年|不平凡的一年|极不寻常|世界经济|国际形势|外部环境|全球|必须|务必|要坚持|深刻体会|启示|经验|困难|问题|不足|挑战|短板|差距|压力|风险|隐患|各位代表|这些成绩|成绩的取得|党中央|感谢|致以/;

/**
 * The year's main achievements, from the review part only: the report's own list (一是经济转型
 *发展成效显著。), else the titles of its sub-sections, else the lead sentences of its paragraphs.
 */
function achievements(review: SectionModel | null): BriefItem[] {
  if (!review) return [];
  const paragraphs = allParagraphs(review);
  // A point alone on its line (一是联合港澳承办十五运会和残特奥会。) is its own lead.
  const leadOf = (p: ParagraphModel) => p.lead ?? (p.point && p.text.length <= 40 ? p.text : null);
  const firstSentence = (p: ParagraphModel) => quotedSentences([p])[0]?.text ?? null;
  const item = (text: string | null, n: number, i: number): BriefItem | null => {
    const quoted = text ? quotableItem(text) : null;
    return quoted && !NOT_AN_ACHIEVEMENT.test(simplifiedForm(quoted)) ? { text: quoted.replace(/[，；]$/, '。'), n, score: 100 - i } : null;
  };
  const keep = (items: Array<BriefItem | null>) => items.filter((i): i is BriefItem => i !== null);
  const points = keep(paragraphs.filter((p) => p.point).map((p, i) => item(leadOf(p), p.n, i)));
  const titles = keep(review.sections.map((s, i) => item(`${s.title}。`, allParagraphs(s)[0]?.n ?? 0, i))).filter((t) => t.n > 0);
  // Each paragraph's point, or its first sentence cut at a clause: after the report's own list,
  // what a longer page has room for.
  const leads = keep(paragraphs.map((p, i) => item(leadOf(p) ?? cutSentence(firstSentence(p) ?? '', MAX_SENTENCE), p.n, i - 1000))).filter((l) => !STATES_AN_INTENTION.test(simplifiedForm(l.text)));
  const list = points.length >= 3 ? points : titles.length >= 3 ? titles : [];
  // Then the review's further sentences, each paragraph's second before any third, those with a
  // figure first: what a page with room left says of the year, still from the review part only.
  const rounds = paragraphs.map((p) => quotedSentences([p]).slice(1));
  const further: BriefItem[] = [];
  for (let round = 0; rounds.some((r) => r.length > round); round++) {
    for (const r of rounds) {
      const q = r[round];
      // A review part may end on this year's aims (1999年，我们将…): those are not achievements.
      const quoted = q && q.text.length >= 10 && !STATES_AN_INTENTION.test(simplifiedForm(q.text)) ? item(cutSentence(q.text, MAX_SENTENCE), q.n, 0) : null;
      if (quoted) further.push({ ...quoted, order: q.order, score: -2000 - round * 10 + (CARRIES_A_FIGURE.test(simplifiedForm(q.text)) ? 5 : 0) });
    }
  }
  further.sort((a, b) => b.score - a.score);
  return dedupe([...list, ...leads.filter((l) => !list.some((x) => x.n === l.n)), ...further]);
}

function results(model: ReportModel): BriefItem[] {
  const rows = model.headline.rows.filter((r) => r.result || r.growth);
  return rows.map((r, i) => {
    const cell = r.growth ?? r.result!;
    const indicator = model.indicators.find((x) => x.paragraph === cell.paragraph && x.line === cell.line && x.value === cell.value && x.unit === cell.unit);
    return { text: indicator ? indicator.text.replace(/^[，；、]/, '') : `${r.name}${cell.text}`, n: cell.paragraph, score: 100 - i };
  });
}

/** Whether a text speaks to the audience's main subject: its first-named topic or its focus words. */
function onMainTopic(text: string, audience: Audience, topics: Topics): boolean {
  const main = audience.topics[0];
  const plain = simplifiedForm(text);
  return (main !== undefined && topicHits(plain, topics.get(main)!) > 0) || audience.focus.some((f) => plain.includes(f));
}

/**
 * This year's targets the heading promises: the report's main targets for a sheet that leads
 * with the headline figures (all of them), else the targets on the audience's main subject — the
 * public's 今年要办的事 are livelihood commitments, not the energy target.
 */
function targets(model: ReportModel, audience: Audience, topics: Topics): BriefItem[] {
  const future = model.indicators.filter((i) => i.kind === 'target' && i.period === String(model.year));
  const headlineKeys = new Set(model.headline.rows.filter((r) => r.target).map((r) => `${r.target!.paragraph}:${r.target!.value}${r.target!.unit}`));
  const scored = future.flatMap((i, index) => {
    const text = quotableItem(i.text.replace(/^[，；、]/, ''));
    // 重点抓好以下14个方面的工作 counts the parts of the plan: it is no target. Nor is what the
    // clause says was done (已有基层社三万一千余个), nor a clause going on from the one before (也从…增加到…).
    const plain = text ? simplifiedForm(text) : '';
    if (!text || /以下|如下|方面/.test(plain) || (DONE.test(plain) && !PLANS.test(plain)) || CONTINUES.test(plain)) return [];
    const main = headlineKeys.has(`${i.paragraph}:${i.value}${i.unit}`);
    // A publication with no topics of its own (the summary) takes every target, the main ones first.
    const wanted = audience.topics.length === 0 || onMainTopic(`${i.name}${text}`, audience, topics) || (audience.figures === 'headline' && main);
    if (!wanted) return [];
    const relevance = topicScore(`${i.name}${text}`, audience, topics);
    const essential = main && audience.figures === 'headline';
    return [{ text: cutSentence(text, MAX_SENTENCE), n: i.paragraph, order: index, score: (main ? 20 : 0) + relevance * 3, ...(essential ? { essential } : {}) }];
  });
  return dedupe(scored.sort((a, b) => b.score - a.score || a.order - b.order));
}

/** What a clause reports as done: 已有, 已从…降低到, 增长了 (not 为了, 除了). */
const DONE = /已|(?<![为除])了/;
/** What makes a clause a plan all the same (今年上半年已有… is done, not planned). */
const PLANS = /(?<![重主需纲])要(?![素件点])|将|应当|应该|必须|争取|力争|计划|预计|准备|打算|确保/;
/** A clause that goes on from the one before it and is no whole thought alone: 也从…, 又比…, 并…. */
const CONTINUES = /^(?:也|又|并|而|却)/;

/** Further sentences a two-page summary may tell a priority in, after its first leads. */
const MORE_PER_PRIORITY = 12;

/**
 * The sentences a priority is told in, best first: the lead sentence of each of its paragraphs,
 * then each paragraph's next sentences, one paragraph after the other in turn (every paragraph is
 * heard before any says more). A sentence that leans on the one before is joined to it.
 */
function toldIn(paragraphs: ParagraphModel[], title: PrintedSoFar) {
  const rounds = paragraphs.map((p) => {
    const sentences = quotedSentences([p]).filter((q) => !/^各位代表/.test(q.text));
    return sentences
      .map((q) => ({ text: cutSentence(q.text, MAX_SENTENCE), n: q.n, order: q.order }))
      .filter((q) => !title.repeats(q.text, -1));
  });
  const told: Array<{ text: string; n: number; order: number }> = [];
  for (let round = 0; rounds.some((r) => r.length > round); round++) for (const r of rounds) if (r[round]) told.push(r[round]);
  return told;
}

/**
 * This year's work areas: the plan's sub-section titles, each with the lead sentence of its first
 * paragraphs; on a longer page, each priority's further sentences follow as items that extend it.
 */
function priorities(plan: SectionModel | null, audience: Audience, topics: Topics): BriefItem[] {
  if (!plan) return [];
  const areas: Array<{ title: string; n: number; score: number; paragraphs: ParagraphModel[] }> = [];
  if (plan.sections.length === 0) {
    // A plan without sub-sections is told by its paragraphs' points.
    plan.paragraphs.forEach((p, i) => {
      const first = quotedSentences([p])[0]?.text;
      const lead = p.lead ? quotableItem(p.lead) : first ? cutSentence(first, MAX_SENTENCE) : null;
      if (!lead || /^各位代表/.test(lead)) return;
      areas.push({ title: lead.replace(/[。；，]$/, ''), n: p.n, score: 50 - i + topicScore(lead, audience, topics), paragraphs: [p] });
    });
  } else {
    plan.sections.forEach((s, i) => {
      const paragraphs = allParagraphs(s);
      if (!paragraphs.length) return;
      areas.push({ title: stripListWord(s.title), n: paragraphs[0].n, score: 50 - i + topicScore(s.title, audience, topics), paragraphs });
    });
  }
  // A two-page summary tells each area in several sentences; a one-page sheet in its first.
  const first = audience.pages > 1 ? 4 : 1;
  const told = areas.map((a) => {
    // A sentence that says what the title says already is not printed after it.
    const title = new PrintedSoFar();
    title.add(a.title, -1);
    const sentences = toldIn(a.paragraphs, title);
    // Its paragraphs' points first (a paragraph-less plan's point is the title itself).
    const leads = sentences.filter((q) => a.paragraphs.some((p) => p.lead !== null && q.order === p.n * 1000)).slice(0, plan.sections.length === 0 ? 0 : first);
    return { ...a, leads, more: sentences.filter((q) => !leads.includes(q)).slice(0, audience.pages > 1 ? MORE_PER_PRIORITY : 0) };
  });
  const items: BriefItem[] = told.map((a) => ({ text: a.title, n: a.n, score: a.score, leads: a.leads }));
  for (let round = 0; told.some((a) => a.more.length > round); round++) {
    told.forEach((a, rank) => {
      const q = a.more[round];
      if (q) items.push({ text: q.text, n: q.n, order: q.order, score: a.score - 100 - round, extends: rank });
    });
  }
  return items;
}

/** The paragraph that names the difficulties: 我们也清醒地看到…, 同时也要看到…存在…问题. */
const DIFFICULTIES = /清醒(?:地)?(?:看到|认识到)|同时也要看到|也要看到|不足和问题|困难和问题|问题和不足|困难和挑战|存在(?:一些|不少|诸多)?(?:困难|问题|短板|不足)|面临(?:的|一些|不少|诸多)?(?:困难|挑战)/;

/**
 * The risks the report names, from its difficulties paragraph: each sentence after the opening
 * one, in the report's order, without its list word; the closing resolve (我们一定…) is not a risk.
 */
function risks(model: ReportModel, review: SectionModel | null): BriefItem[] {
  const pool = review ? allParagraphs(review) : model.paragraphs;
  const names = (p: ParagraphModel) => DIFFICULTIES.test(simplifiedForm(p.text.slice(0, 60)));
  const paragraph = pool.filter(names).pop() ?? model.paragraphs.find(names);
  if (!paragraph) return [];
  // 同时，…还面临一些困难和挑战 opens the paragraph turning from the achievements: it leans on nothing quoted here.
  const turn = simplifiedForm(paragraph.text).match(/^(?:同时|但是?|然而|当然)[，,]?/)?.[0].length ?? 0;
  const sentences = quotedSentences([{ ...paragraph, text: paragraph.text.slice(turn) }]);
  if (sentences.length === 0) return [];
  // The opening (我们也清醒地看到…问题：) is not a risk; what follows its colon is the first one.
  const [first, ...rest] = sentences;
  const colon = first.text.search(/[：:]/);
  const opened = DIFFICULTIES.test(simplifiedForm(first.text.slice(0, colon >= 0 ? colon : 40)));
  const body = !opened ? sentences : colon >= 0 ? [{ ...first, text: stripListWord(first.text.slice(colon + 1)) }, ...rest] : rest;
  // A list of difficulties in one sentence (…主要是：产业转型任务依然紧迫…；…) gives one risk a part.
  const parts = body.flatMap((s) => s.text.split(/(?<=；)/).map((text, k) => ({ ...s, text: stripListWord(text).replace(/；$/, '。'), order: s.order + k })));
  return parts
    .filter((s) => !/^(?:我们|对此|对这些|必须|要)/.test(simplifiedForm(s.text)) && s.text.length >= 10)
    .map((s, i) => ({ text: cutSentence(s.text, 110), n: s.n, order: s.order, score: 100 - i }));
}

/**
 * A number with its unit, in ASCII or full-width digits (older reports print １９８４年 and １４．２％),
 * or in Chinese numerals as the reports of the 1950s–80s write them (百分之十二点三, 一千八百多万吨);
 * matched in simplified characters.
 */
const CARRIES_A_FIGURE = /[0-9０-９]+(?:[.．][0-9０-９]+)?(?:%|％|[万亿千百]*(?:元|美元|吨|人|户|个|家|项|公里|千瓦|公斤|亩))|(?:百|[二三四五六七八九十])分之[零〇一二三四五六七八九十百点几]+|[零〇一二三四五六七八九十百千万亿两]{2,}[多余]?[万亿]?(?:元|美元|吨|人|户|个|家|项|公里|千瓦|公斤|斤|亩)/;

/** What a sentence reports as done: 建成, 增长了, 已经, 超额完成 (simplified characters). */
const STATES_A_FACT = /了|已经|已|建成|完成|实现|达到|超过|突破/;

/** The audience's keywords a text holds, each with the weight of its topic (first-named weighs most). */
function keywordsIn(text: string, audience: Audience, topics: Topics): Map<string, number> {
  const plain = simplifiedForm(text);
  const found = new Map<string, number>();
  audience.topics.forEach((id, rank) => {
    for (const keyword of topicKeywords(plain, topics.get(id)!)) found.set(keyword, Math.max(found.get(keyword) ?? 0, Math.max(1, 3 - rank)));
  });
  // The audience's focus words are what its readers look for first.
  for (const keyword of audience.focus) if (plain.includes(keyword)) found.set(keyword, (found.get(keyword) ?? 0) + 4);
  return found;
}

/**
 * The sentences that speak most to the audience, chosen one at a time for what they add: a
 * keyword already covered counts for little, so the free-trade zone is not crowded out by a
 * fifth sentence about foreign investment.
 */
function highlights(model: ReportModel, audience: Audience, topics: Topics, used: Set<string>): BriefItem[] {
  const figures = new FigureIndex(model.paragraphs, model.indicators);
  const sentences = quotedSentences(model.paragraphs)
    // The targets sentence belongs to the targets block, not to the highlights.
    .filter((s) => s.text.length >= 8 && !/^各位代表/.test(s.text) && !ASKS.test(s.text) && !/预期目标|主要目标是/.test(simplifiedForm(s.text)))
    .map((s) => {
      const stated = figures.count(s.n, s.start, s.end);
      const score = topicScore(s.text, audience, topics);
      const text = cutSentence(s.text, MAX_SENTENCE);
      return {
        text,
        /** The whole sentence in simplified characters, for the patterns of facts and figures. */
        plain: simplifiedForm(s.text),
        n: s.n,
        order: s.order,
        // What the printed text says: a keyword cut away with the end of a long sentence covers nothing.
        keywords: keywordsIn(text, audience, topics),
        figures: stated,
        score,
        base: Math.min(2, stated) + (s.lead ? 1 : 0) + Math.min(0, score),
      };
    })
    .filter((s) => !used.has(s.text));
  const pool = sentences.filter((s) => s.keywords.size > 0);
  const withFigure = (s: (typeof pool)[number]) => s.figures > 0 || CARRIES_A_FIGURE.test(s.plain);
  const quotable = (s: (typeof pool)[number]) => !audience.quotable || withFigure(s);
  // Sentences squarely on the audience's topics first; when the page has room left, those that
  // touch them (a keyword of theirs, more than of the topics it did not ask for).
  const squarely = pool.filter((s) => quotable(s) && s.score >= 2);
  const touching = pool.filter((s) => quotable(s) && s.score > 0 && s.score < 2);
  // A report with fewer figures than a newsroom's page holds (those of the 1950s–80s) still tells
  // facts without one: what was done (建成, 增长了), never what is meant to be (要, 将, 争取) — on
  // any subject but those of topics it did not ask for.
  const facts = audience.quotable
    ? sentences.filter((s) => !withFigure(s) && s.score >= 0 && STATES_A_FACT.test(s.plain) && !STATES_AN_INTENTION.test(s.plain))
    : [];
  const covered = new Set<string>();
  const picked: BriefItem[] = [];
  const seen = new Set<string>();
  [squarely, touching, facts].forEach((tier, rank) => pickFrom(tier, 30 + rank * 15, rank));
  return picked;

  function pickFrom(tier: typeof squarely, most: number, rank: number) {
    const pool = [...tier];
    while (pool.length && picked.length < most) {
      let bestIndex = 0;
      let bestScore = -Infinity;
      pool.forEach((candidate, index) => {
        // Each further keyword of one sentence adds half as much as the one before: a sentence
        // naming everything is not worth five sentences naming one thing each.
        const weights = [...candidate.keywords].map(([keyword, weight]) => (covered.has(keyword) ? weight * 0.2 : weight)).sort((a, b) => b - a);
        const gain = weights.reduce((sum, w, i) => sum + (w * 2) / 2 ** i, 0);
        const score = gain + candidate.base;
        if (score > bestScore) [bestScore, bestIndex] = [score, index];
      });
      const [best] = pool.splice(bestIndex, 1);
      if (seen.has(best.text)) continue;
      seen.add(best.text);
      for (const keyword of best.keywords.keys()) covered.add(keyword);
      picked.push({ text: best.text, n: best.n, score: bestScore - rank * 1000, order: best.order });
    }
  }
}

/** The indicator a headline cell was read from. */
function indicatorOf(model: ReportModel, cell: { paragraph: number; line: number; value: number; unit: string }) {
  return model.indicators.find((x) => x.paragraph === cell.paragraph && x.line === cell.line && x.value === cell.value && x.unit === cell.unit);
}

/** The strip of key figures: the headline results, or the figures of the audience's topics, each labelled with its proper name. */
function figures(model: ReportModel, audience: Audience, topics: Topics): FigureItem[] {
  const cells: FigureItem[] = [];
  const labels = new Set<string>();
  const push = (figure: FigureItem | null) => {
    if (!figure || labels.has(figure.label) || cells.length >= 4) return;
    labels.add(figure.label);
    cells.push(figure);
  };
  if (audience.figures === 'headline') {
    for (const r of model.headline.rows) {
      const cell = r.result ?? r.growth;
      const indicator = cell && indicatorOf(model, cell);
      if (indicator) push(keyFigure(indicator));
    }
    return cells;
  }
  const y = model.year ? String(model.year - 1) : null;
  const candidates = model.indicators
    .filter((i) => i.period === y && (i.kind === 'level' || i.kind === 'growth' || i.kind === 'share' || i.kind === 'count'))
    .map((i) => ({ i, score: topicScore(`${i.name}`, audience, topics) * 3 + topicScore(i.text, audience, topics) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.i.paragraph - b.i.paragraph);
  for (const { i } of candidates) push(keyFigure(i));
  return cells;
}

/** The ritual of the session, not a point of the report: 我代表国务院，向大会报告政府工作，请予审议. */
const SESSION_RITUAL = /我代表|工作报告|报告工作|请予审议|请审议|提请|各位代表/;

/**
 * The report's other points, for a sheet whose blocks have used up what they may print (a short
 * report, few sentences on the audience's topics): every paragraph's sentences, each paragraph's
 * first before any second, this year's work before the review and the review before the rest,
 * facts with a figure and sentences on the audience's topics before others. A whole sentence or
 * one cut at a clause; never the opening of a list (…如下：) nor the session's ritual.
 */
function otherPoints(model: ReportModel, audience: Audience, topics: Topics, parts: { review: SectionModel | null; plan: SectionModel | null }): BriefItem[] {
  const inPlan = new Set(allParagraphs(parts.plan).map((p) => p.n));
  const inReview = new Set(allParagraphs(parts.review).map((p) => p.n));
  const part = (n: number) => (inPlan.has(n) ? 2 : inReview.has(n) ? 1 : 0);
  const items: BriefItem[] = [];
  for (const p of model.paragraphs) {
    quotedSentences([p]).forEach((q, round) => {
      const plain = simplifiedForm(q.text);
      if (q.text.length < 10 || /[：:]$/.test(q.text) || ASKS.test(q.text) || SESSION_RITUAL.test(plain)) return;
      const relevance = Math.sign(topicScore(q.text, audience, topics));
      const score = -round * 10 + part(q.n) * 2 + (CARRIES_A_FIGURE.test(plain) ? 1 : 0) + relevance;
      items.push({ text: cutSentence(q.text, MAX_SENTENCE), n: q.n, order: q.order, score });
    });
  }
  return items.sort((a, b) => b.score - a.score || a.order! - b.order!);
}

/** Every candidate for an audience's brief, block by block, ranked. */
export function briefCandidates(model: ReportModel, audience: Audience, topics: Topics): BriefBlock[] {
  const parts = sectionsByPeriod(model);
  const { review, plan } = parts;
  const used = new Set<string>();
  return audience.blocks.map((name) => {
    let items: BriefItem[] = [];
    if (name === 'achievements') items = achievements(review);
    if (name === 'results') items = results(model);
    if (name === 'targets') items = targets(model, audience, topics);
    if (name === 'priorities') items = priorities(plan, audience, topics);
    if (name === 'risks') items = risks(model, review);
    if (name === 'highlights') items = highlights(model, audience, topics, used);
    const heading = audience.headings[name] ?? DEFAULT_HEADINGS[name] ?? name;
    if (name === 'more') {
      // Weighed only when the fitting reaches it (a short report): most sheets fill from their
      // own blocks and never read it. Nothing another block offers is offered again.
      let pool: BriefItem[] | null = null;
      return { name, heading, figures: [], fallback: true, get items() { return (pool ??= otherPoints(model, audience, topics, parts).filter((i) => !used.has(i.text))); } };
    }
    for (const item of items) used.add(item.text);
    return { name, heading, items, figures: name === 'figures' ? figures(model, audience, topics) : [] };
  });
}

/**
 * Which items each block prints: one number for all blocks (its best that many), one number per
 * block, or per block the ranks of the items chosen (the fitting loop passes over an item too long
 * for the room left, for a shorter one after it).
 */
export type Take = number | number[] | number[][];

/** The candidates of each block a take names, best first. */
function chosenAt(blocks: BriefBlock[], take: Take): BriefItem[][] {
  return blocks.map((b, i) => {
    const t = typeof take === 'number' ? take : take[i];
    return Array.isArray(t) ? t.filter((k) => k < b.items.length).map((k) => b.items[k]) : b.items.slice(0, Math.max(0, t ?? 0) + 8);
  });
}

/**
 * The brief at a take, printed in the report's order. Blocks are filled in the order they print,
 * and an item that repeats a sentence or a figure printed above it is passed over (for the next,
 * when the take is a count), so nothing is printed twice.
 */
export function briefAt(blocks: BriefBlock[], take: Take) {
  const chosen = chosenAt(blocks, take);
  const printed = new PrintedSoFar();
  for (const b of blocks) for (const f of b.figures) printed.add(f.figure, f.paragraph);
  return blocks
    .map((b, i) => {
      const t = typeof take === 'number' ? take : take[i];
      const limit = Array.isArray(t) ? t.length : t ?? 0;
      const items: BriefItem[] = [];
      // The printed item each of the block's items became, by rank: a further sentence joins it.
      const printedAs = new Map<BriefItem, BriefItem>();
      let taken = 0;
      for (const item of chosen[i]) {
        if (taken >= limit) break;
        const whole = [item.text, ...(item.leads ?? []).map((l) => l.text)].join('');
        const parent = item.extends === undefined ? null : printedAs.get(b.items[item.extends]);
        if ((item.extends !== undefined && !parent) || printed.repeats(whole, item.n)) continue;
        printed.add(whole, item.n);
        taken += 1;
        if (parent) {
          parent.leads = [...parent.leads!, { text: item.text, n: item.n, order: item.order }].sort((a, c) => (a.order ?? a.n * 1000) - (c.order ?? c.n * 1000));
          continue;
        }
        const copy = { ...item, leads: [...(item.leads ?? [])] };
        printedAs.set(item, copy);
        items.push(copy);
      }
      // Every field but the candidates, which a fallback block weighs only when read.
      const { items: _candidates, ...block } = b;
      return { ...block, items: items.sort((a, c) => a.n - c.n || (a.order ?? 0) - (c.order ?? 0)) };
    })
    .filter((b) => b.items.length > 0 || b.figures.length > 0);
}
