import type { Audience, BlockName } from '../audiences/audience.js';
import { topicHits, type Topics } from '../audiences/topics.js';
import type { Indicator } from '../extract/indicator.js';
import { sentenceRanges } from '../read/sentences.js';
import { cutSentence } from './cut-sentence.js';
import { changeText, figureText } from './headline-view.js';
import type { ParagraphModel, ReportModel, SectionModel } from './report-model.js';

/** A sentence (or clause) of the report, quoted, with the ¶ it is in. */
export interface BriefItem {
  text: string;
  n: number;
  score: number;
  /** Position in the report, for printing in reading order: ¶ × 1000 + offset. */
  order?: number;
  /** For a priority: the lead sentences of its paragraphs (大力发展实体经济。积极扩大有效投资。). */
  leads?: Array<{ text: string; n: number }>;
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
}

const MAX_SENTENCE = 72;

/** The sections of the report by role: the review of last year, this year's plan. */
function sectionsByPeriod(model: ReportModel) {
  const y = model.year;
  const find = (test: (s: SectionModel) => boolean) => model.sections.find(test) ?? null;
  const review = find((s) => s.role === 'section' && (y !== null && s.heading.includes(`${y - 1}年`) || /回顾/.test(s.heading)));
  const plan = find((s) => s.role === 'section' && s !== review && (y !== null && s.heading.includes(`${y}年`) || /今年|工作安排|重点工作|工作任务|建议/.test(s.heading)));
  return { review, plan };
}

function allParagraphs(section: SectionModel | null): ParagraphModel[] {
  if (!section) return [];
  return [...section.paragraphs, ...section.sections.flatMap((s) => allParagraphs(s))].sort((a, b) => a.n - b.n);
}

/** Sentences of paragraphs, each with its ¶. */
function sentencesOf(paragraphs: ParagraphModel[]): Array<{ text: string; n: number; lead: boolean }> {
  return paragraphs.flatMap((p) => sentenceRanges(p.text).map(([s, e], i) => ({ text: p.text.slice(s, e).trim(), n: p.n, lead: i === 0 && p.lead !== null })));
}

/**
 * How much a text speaks to an audience: hits in its topics, the first-named weighing most,
 * less the hits in topics it did not ask for (a GDP sentence is not for the public brief).
 */
function topicScore(text: string, audience: Audience, topics: Topics): number {
  let score = 0;
  audience.topics.forEach((id, rank) => {
    score += Math.min(2, topicHits(text, topics.get(id)!)) * Math.max(1, 3 - rank);
  });
  for (const [id, topic] of topics) {
    if (!audience.topics.includes(id) && id !== 'risks') score -= 0.5 * Math.min(2, topicHits(text, topic));
  }
  return score;
}

function indicatorCount(text: string, n: number, indicators: Indicator[]): number {
  return indicators.filter((i) => i.paragraph === n && text.includes(i.text.split(/[，；]/).pop() ?? '\u0000')).length;
}

const dedupe = (items: BriefItem[]) => {
  const seen = new Set<string>();
  return items.filter((i) => (seen.has(i.text) ? false : (seen.add(i.text), true)));
};

function achievements(model: ReportModel, review: SectionModel | null): BriefItem[] {
  const paragraphs = allParagraphs(review);
  // 一是经济转型发展成效显著。… — the report's own list of the year's main achievements.
  // A point alone on its line (一是联合港澳承办十五运会和残特奥会。) is its own lead.
  const leadOf = (p: ParagraphModel) => p.lead ?? (p.point && p.text.length <= 40 ? p.text : null);
  const useful = (p: ParagraphModel) => leadOf(p) !== null && !/^各位代表/.test(leadOf(p)!);
  const points = paragraphs.filter((p) => p.point && useful(p));
  const source = points.length >= 3 ? points : paragraphs.filter((p) => useful(p) && p.section !== (review?.id ?? ''));
  return source.map((p, i) => ({ text: leadOf(p)!, n: p.n, score: 100 - i }));
}

function results(model: ReportModel): BriefItem[] {
  const rows = model.headline.rows.filter((r) => r.result || r.growth);
  return rows.map((r, i) => {
    const cell = r.growth ?? r.result!;
    const indicator = model.indicators.find((x) => x.paragraph === cell.paragraph && x.line === cell.line && x.value === cell.value && x.unit === cell.unit);
    return { text: indicator ? indicator.text.replace(/^[，；、]/, '') : `${r.name}${cell.text}`, n: cell.paragraph, score: 100 - i };
  });
}

function targets(model: ReportModel, audience: Audience, topics: Topics): BriefItem[] {
  const future = model.indicators.filter((i) => i.kind === 'target' && i.period === String(model.year));
  const headlineKeys = new Set(model.headline.rows.filter((r) => r.target).map((r) => `${r.target!.paragraph}:${r.target!.value}${r.target!.unit}`));
  const scored = future.map((i) => {
    const inHeadline = headlineKeys.has(`${i.paragraph}:${i.value}${i.unit}`);
    const relevance = topicScore(`${i.name}${i.text}`, audience, topics);
    return { text: cutSentence(i.text.replace(/^[，；、]/, ''), MAX_SENTENCE), n: i.paragraph, order: future.indexOf(i), score: (audience.figures === 'headline' && inHeadline ? 20 : 0) + relevance * 3 + (inHeadline ? 2 : 0) };
  });
  return dedupe(scored.filter((s) => s.score >= 3).sort((a, b) => b.score - a.score));
}

function priorities(model: ReportModel, plan: SectionModel | null, audience: Audience, topics: Topics): BriefItem[] {
  if (!plan) return [];
  return plan.sections.map((s, i) => {
    const paragraphs = allParagraphs(s);
    const leads = paragraphs.filter((p) => p.lead).slice(0, 3).map((p) => ({ text: p.lead!, n: p.n }));
    return { text: s.title, n: paragraphs[0]?.n ?? 0, score: 50 - i + topicScore(s.title, audience, topics), leads };
  }).filter((p) => p.n > 0);
}

function risks(model: ReportModel, topics: Topics): BriefItem[] {
  const risk = topics.get('risks');
  if (!risk) return [];
  return sentencesOf(model.paragraphs)
    .map((s) => ({ text: cutSentence(s.text, 110), n: s.n, score: topicHits(s.text, risk) }))
    .filter((s) => s.score >= 2 && /清醒|看到|面临|存在|问题|困难|挑战/.test(s.text))
    .sort((a, b) => b.score - a.score);
}

/** The audience's keywords a text holds, each with the weight of its topic (first-named weighs most). */
function keywordsIn(text: string, audience: Audience, topics: Topics): Map<string, number> {
  const found = new Map<string, number>();
  audience.topics.forEach((id, rank) => {
    for (const keyword of topics.get(id)!.keywords) if (text.includes(keyword)) found.set(keyword, Math.max(found.get(keyword) ?? 0, Math.max(1, 3 - rank)));
  });
  // The audience's focus words are what its readers look for first.
  for (const keyword of audience.focus) if (text.includes(keyword)) found.set(keyword, (found.get(keyword) ?? 0) + 4);
  return found;
}

/**
 * The sentences that speak most to the audience, chosen one at a time for what they add: a
 * keyword already covered counts for little, so the free-trade zone is not crowded out by a
 * fifth sentence about foreign investment.
 */
function highlights(model: ReportModel, audience: Audience, topics: Topics, used: Set<string>): BriefItem[] {
  const pool = sentencesOf(model.paragraphs)
    // The targets sentence belongs to the targets block, not to the highlights.
    .filter((s) => s.text.length >= 8 && !/^各位代表/.test(s.text) && !/预期目标|主要目标是/.test(s.text))
    .map((s) => ({
      text: cutSentence(s.text, MAX_SENTENCE),
      full: s.text,
      n: s.n,
      keywords: keywordsIn(s.text, audience, topics),
      base: Math.min(2, indicatorCount(s.text, s.n, model.indicators)) + (s.lead ? 1 : 0) + Math.min(0, topicScore(s.text, audience, topics)),
    }))
    .filter((s) => s.keywords.size > 0 && !used.has(s.text) && topicScore(s.text, audience, topics) >= 2)
    .filter((s) => !audience.quotable || indicatorCount(s.full, s.n, model.indicators) > 0);
  const covered = new Set<string>();
  const picked: BriefItem[] = [];
  const seen = new Set<string>();
  while (pool.length && picked.length < 16) {
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
    picked.push({ text: best.text, n: best.n, score: bestScore });
  }
  return picked;
}

function figures(model: ReportModel, audience: Audience, topics: Topics): FigureItem[] {
  if (audience.figures === 'headline') {
    const cells: FigureItem[] = [];
    // A duration (连续37年) is not a key figure.
    for (const r of model.headline.rows.filter((row) => !/^(年|天|个月|个季度)$/.test(row.result?.unit ?? ''))) {
      if (r.result) cells.push({ figure: r.result.text, label: r.name, paragraph: r.result.paragraph });
      else if (r.growth) cells.push({ figure: r.growth.text, label: `${r.name}增速`, paragraph: r.growth.paragraph });
    }
    return cells.slice(0, 4);
  }
  const y = model.year ? String(model.year - 1) : null;
  const candidates = model.indicators
    .filter((i) => i.period === y && i.unit !== '' && (i.kind === 'level' || i.kind === 'growth' || i.kind === 'share' || i.kind === 'count') && i.name.length >= 3 && i.name.length <= 14)
    .map((i) => ({ i, score: topicScore(`${i.name}`, audience, topics) * 3 + topicScore(i.text, audience, topics) }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || a.i.paragraph - b.i.paragraph);
  const seen = new Set<string>();
  const cells: FigureItem[] = [];
  for (const { i } of candidates) {
    if (seen.has(i.name) || cells.length >= 4) continue;
    seen.add(i.name);
    cells.push({ figure: i.kind === 'growth' ? changeText(i) : figureText(i), label: i.kind === 'growth' ? `${i.name}增速` : i.name, paragraph: i.paragraph });
  }
  return cells;
}

/** Every candidate for an audience's brief, block by block, ranked. */
export function briefCandidates(model: ReportModel, audience: Audience, topics: Topics): BriefBlock[] {
  const { review, plan } = sectionsByPeriod(model);
  const used = new Set<string>();
  return audience.blocks.map((name) => {
    let items: BriefItem[] = [];
    if (name === 'achievements') items = achievements(model, review);
    if (name === 'results') items = results(model);
    if (name === 'targets') items = targets(model, audience, topics);
    if (name === 'priorities') items = priorities(model, plan, audience, topics);
    if (name === 'risks') items = risks(model, topics);
    if (name === 'highlights') items = highlights(model, audience, topics, used);
    for (const item of items) used.add(item.text);
    return { name, heading: audience.headings[name] ?? name, items, figures: name === 'figures' ? figures(model, audience, topics) : [] };
  });
}

/** How many items each block prints: one number for all, or one per block. */
export type Take = number | number[];

/** How many items each block prints at a take: risks at most two, none beyond what a block has. */
export function capsAt(blocks: BriefBlock[], take: Take): number[] {
  return blocks.map((b, i) => Math.min(b.items.length, Array.isArray(take) ? take[i] : b.name === 'risks' ? Math.min(2, take) : take));
}

/** The brief at a size: the best items of each block up to its take, printed in the report's order. */
export function briefAt(blocks: BriefBlock[], take: Take) {
  const caps = capsAt(blocks, take);
  return blocks
    .map((b, i) => ({ ...b, items: b.items.slice(0, caps[i]).sort((a, c) => a.n - c.n || (a.order ?? 0) - (c.order ?? 0)) }))
    .filter((b) => b.items.length > 0 || b.figures.length > 0);
}
