/**
 * The one place the series meets the targets review (pipeline/review): which result of the next
 * report answers a target, and the verdict — the review the next report's build made and kept in
 * its corpus.json, else the result of the target's kind, judged by the review's rules.
 */
import type { Indicator } from '../extract/indicator.js';
import { judge, type Status } from '../review/judge.js';
import { pairReports } from '../review/pair-reports.js';
import { corpusFigure, type CorpusFigure, type CorpusRecord } from './corpus-record.js';
import { kindOfTarget, MAIN_TARGET_KINDS, type MainTargetKind } from './main-targets.js';

export type SeriesStatus = Status | 'not set' | 'not read' | 'no next report';

export interface SeriesItem {
  kind: MainTargetKind;
  target: CorpusFigure | null;
  result: CorpusFigure | null;
  status: SeriesStatus;
  rule: string | null;
  /** Where the report says it sets no such target. */
  notSetAt: { paragraph: number; line: number; text: string } | null;
}

/** A level (失业率, 新增就业) is answered by a level, a rate of change by a rate of change. */
const isChange = (i: Indicator) => i.kind === 'growth' || i.kind === 'change' || (i.kind === 'target' && i.verb !== null && /增长|上涨|下降|提高|增加/.test(i.verb));
const signed = (i: { value: number; direction?: Indicator['direction'] }) => (i.direction === 'down' ? -i.value : i.value);

/** The result of a main target's kind that the next report gives for the year, when the review found none. */
function resultOfKind(kind: MainTargetKind, target: Indicator, year: number, later: Indicator[]): Indicator | null {
  return later.find((i) => i.kind !== 'target' && i.period === String(year) && kindOfTarget(i.name, i.unit)?.key === kind.key && i.unit === target.unit && isChange(i) === isChange(target)) ?? null;
}

/** For each report of an issuer, the next year's (whose results judge its targets), as the targets review pairs them. */
export function nextReports(records: CorpusRecord[]): Map<string, CorpusRecord> {
  const next = new Map<string, CorpusRecord>();
  for (const [laterSlug, earlier] of pairReports(records)) next.set(earlier.slug, records.find((r) => r.slug === laterSlug)!);
  return next;
}

/** One year of a series: each main target of `record`, judged on the results `next` gives. */
export function seriesRows(record: CorpusRecord, next: CorpusRecord | null): SeriesItem[] {
  const year = record.year!;
  // The next report's build reviewed these targets when it was paired with this report.
  const review = next?.review ?? [];
  const items: SeriesItem[] = [];
  for (const kind of MAIN_TARGET_KINDS) {
    const entry = record.targets[kind.key];
    if (!entry) continue;
    if (entry.status !== 'set') {
      const notSetAt = entry.status === 'not set' && entry.paragraph !== null ? { paragraph: entry.paragraph, line: entry.line!, text: entry.text! } : null;
      items.push({ kind, target: null, result: null, status: entry.status, rule: null, notSetAt });
      continue;
    }
    const target = entry.figure;
    if (!next) {
      items.push({ kind, target, result: null, status: 'no next report', rule: null, notSetAt: null });
      continue;
    }
    const reviewed = review.find((r) => r.target.line === target.line && r.target.value === target.value);
    if (reviewed && reviewed.result) {
      const result = next.indicators.find((i) => i.line === reviewed.result!.line && (reviewed.result!.value === null || i.value === reviewed.result!.value)) ?? null;
      items.push({ kind, target, result: result ? corpusFigure(result) : null, status: reviewed.status, rule: reviewed.rule, notSetAt: null });
      continue;
    }
    const source = record.indicators.find((i) => i.line === target.line && i.value === target.value)!;
    const upper = target.upper !== undefined ? record.indicators.find((i) => i.line === target.line && i.value === target.upper && i.qualifier === '上限') : undefined;
    const result = source ? resultOfKind(kind, source, year, next.indicators) : null;
    const verdict = judge(
      target.name,
      { value: signed(source ?? target), unit: target.unit, qualifier: target.qualifier },
      result ? { value: signed(result), unit: result.unit, qualifier: result.qualifier } : null,
      upper ? { value: signed(upper), unit: upper.unit, qualifier: upper.qualifier } : undefined,
    );
    items.push({ kind, target, result: result ? corpusFigure(result) : null, status: verdict.status, rule: verdict.rule, notSetAt: null });
  }
  return items;
}
