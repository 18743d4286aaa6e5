import type { ReviewItem } from '../review/match-targets.js';
import type { Status } from '../review/judge.js';
import type { Indicator } from '../extract/indicator.js';
import { figureText } from '../model/headline-view.js';
import type { ReportModel } from '../model/report-model.js';
import { countPhrases } from './key-phrases.js';
import { declinedTarget, MAIN_TARGET_KINDS, mainTargetsOf, mentionsUnreadTarget } from './main-targets.js';

/** A figure as the corpus publications print and cite it. */
export interface CorpusFigure {
  name: string;
  value: number;
  /** The upper end of a range (5%—5.5%). */
  upper?: number;
  unit: string;
  qualifier: string | null;
  line: number;
  paragraph: number;
  /** As written: 5%左右, 5%—5.5%, 5%以上. */
  written: string;
  /** The clause it was read from. */
  text: string;
}

/**
 * What the corpus publications need of one report, written beside its other exports
 * (OUT/<slug>/corpus.json): so comparisons and series are made from what any shard wrote,
 * without the sources or the reading.
 */
export interface CorpusRecord {
  slug: string;
  issuer: string | null;
  year: number | null;
  title: string;
  /** Each main target kind: the target, or why there is none. */
  targets: Record<string, { status: 'set'; figure: CorpusFigure } | { status: 'not set'; paragraph: number | null; line: number | null; text: string | null } | { status: 'not read' }>;
  /** The quantities of the year's targets and of last year's results: what a review of either year matches. */
  indicators: Indicator[];
  chars: number;
  phrases: Record<string, number>;
  /** The targets review of the year before's targets, when the build paired this report with that one. */
  review: ReviewRow[] | null;
}

/** What the series takes of a targets review row: which target, which result answered it, the verdict. */
export interface ReviewRow {
  target: { line: number; value: number };
  result: { line: number; value: number | null } | null;
  status: Status;
  rule: string;
}

/** 5%—5.5% as the report writes a range; a single figure with its qualifier. */
function writtenRange(target: Indicator, upper: Indicator | null): string {
  if (!upper) return figureText(target);
  const dash = target.text.match(new RegExp(`${String(target.value).replace('.', '\\.')}\\s*%?\\s*([—－–\\-~～至到])`))?.[1] ?? '—';
  return `${target.value}${target.text.includes(`${target.value}%`) ? '%' : ''}${dash}${upper.value}${upper.unit}`;
}

export function corpusFigure(target: Indicator, upper: Indicator | null = null): CorpusFigure {
  return {
    name: target.name,
    value: target.value,
    ...(upper ? { upper: upper.value } : {}),
    unit: target.unit,
    qualifier: upper ? null : target.qualifier,
    line: target.line,
    paragraph: target.paragraph,
    written: writtenRange(target, upper),
    text: target.text,
  };
}

/** `review`: the targets review of the year before's targets, when the build paired the two reports. */
export function corpusRecord(model: ReportModel, review: ReviewItem[] | null = null): CorpusRecord {
  const year = model.year;
  const main = mainTargetsOf(model.indicators, year, model.blocks);
  const targets: CorpusRecord['targets'] = {};
  for (const kind of MAIN_TARGET_KINDS) {
    const found = main.find((m) => m.kind.key === kind.key);
    if (found) {
      targets[kind.key] = { status: 'set', figure: corpusFigure(found.target, found.upper) };
      continue;
    }
    const declined = declinedTarget(kind, model.paragraphs);
    if (declined) targets[kind.key] = { status: 'not set', ...declined };
    else if (year && mentionsUnreadTarget(kind, year, model.paragraphs)) targets[kind.key] = { status: 'not read' };
    else targets[kind.key] = { status: 'not set', paragraph: null, line: null, text: null };
  }
  const periods = new Set(year ? [String(year), String(year - 1)] : []);
  const mainIds = new Set(main.flatMap((m) => [m.target.id, m.upper?.id]));
  const text = model.paragraphs.map((p) => p.text).join('\n');
  return {
    slug: model.slug,
    issuer: model.issuer,
    year,
    title: model.displayTitle,
    targets,
    indicators: model.indicators.filter((i) => mainIds.has(i.id) || (i.period !== null && periods.has(i.period))),
    chars: text.length,
    phrases: countPhrases(text),
    review: review?.map((r) => ({ target: { line: r.target.line, value: r.target.value }, result: r.result ? { line: r.result.line, value: r.result.value } : null, status: r.status, rule: r.rule })) ?? null,
  };
}

export const corpusRecordJson = (model: ReportModel, review: ReviewItem[] | null) => `${JSON.stringify(corpusRecord(model, review), null, 1)}\n`;
