import type { ReportModel } from '../model/report-model.js';
import { reviewTargets, type ReviewItem } from './match-targets.js';

const STATUS_LABEL: Record<ReviewItem['status'], string> = { met: '完成', 'not met': '未完成', 'no result': '无实绩' };

export interface TargetsReview {
  earlier: { slug: string; title: string; source: string };
  later: { slug: string; title: string; source: string };
  issuer: string | null;
  /** The year whose targets are judged. */
  year: number;
  items: ReviewItem[];
}

export function targetsReview(earlier: ReportModel, later: ReportModel): TargetsReview {
  const year = earlier.year!;
  return {
    earlier: { slug: earlier.slug, title: earlier.displayTitle, source: earlier.source },
    later: { slug: later.slug, title: later.displayTitle, source: later.source },
    issuer: later.issuer,
    year,
    items: reviewTargets(earlier.indicators, year, later.indicators),
  };
}

/** targets-review.json: the contract of issue 7, items with target, result, status and rule. */
export function targetsReviewJson(review: TargetsReview): string {
  const figure = (f: ReviewItem['target'] | null) => (f ? { value: f.value, unit: f.unit, qualifier: f.qualifier, line: f.line, paragraph: f.paragraph, text: f.text } : null);
  return `${JSON.stringify(
    {
      earlier: review.earlier,
      later: review.later,
      issuer: review.issuer,
      year: review.year,
      items: review.items.map((i) => ({
        name: i.name,
        target: { ...figure(i.target), ...(i.upper ? { upper: i.upper.value } : {}) },
        result: i.result ? { value: i.result.value, unit: i.result.unit, line: i.result.line, paragraph: i.result.paragraph, text: i.result.text } : null,
        status: i.status,
        rule: i.rule,
      })),
    },
    null,
    2,
  )}\n`;
}

/** What the template shows: each item with its cells written out, judged ones first. */
export function reviewTemplateView(review: TargetsReview) {
  const judged = review.items.filter((i) => i.status !== 'no result');
  const rest = review.items.filter((i) => i.status === 'no result');
  // Each cell quotes its report: the target's clause and the result's, as written.
  const clause = (text: string) => text.replace(/^[，；、]/, '').replace(/[。；，]$/, '');
  const row = (i: ReviewItem) => ({
    name: i.name,
    target: clause(i.upper ? i.target.text.slice(0, i.target.text.indexOf(String(i.upper.value)) + String(i.upper.value).length + i.upper.unit.length) : i.target.text),
    targetParagraph: i.target.paragraph,
    result: i.result ? clause(i.result.text.split(/[，；]/).find((part) => part.includes(String(i.result!.value))) ?? i.result.text) : '—',
    resultParagraph: i.result?.paragraph ?? null,
    status: STATUS_LABEL[i.status],
    rule: i.rule,
  });
  return {
    ...review,
    judged: judged.map(row),
    unjudged: rest.map(row),
    counts: { met: review.items.filter((i) => i.status === 'met').length, notMet: review.items.filter((i) => i.status === 'not met').length, noResult: rest.length },
  };
}
