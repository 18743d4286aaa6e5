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
  return {
    earlier: { slug: earlier.slug, title: earlier.displayTitle, source: earlier.source },
    later: { slug: later.slug, title: later.displayTitle, source: later.source },
    issuer: later.issuer,
    year: earlier.year!,
    items: reviewTargets(earlier, later),
  };
}

/** targets-review.json: items with target, result, status and rule; main targets first. */
export function targetsReviewJson(review: TargetsReview): string {
  return `${JSON.stringify(
    {
      earlier: review.earlier,
      later: review.later,
      issuer: review.issuer,
      year: review.year,
      counts: { main: countsOf(review.items.filter((i) => i.main)), other: countsOf(review.items.filter((i) => !i.main)) },
      items: review.items.map((i) => ({
        name: i.name,
        main: i.main,
        section: i.section,
        target: { ...i.target, ...(i.upper ? { upper: i.upper.value } : {}) },
        result: i.result,
        status: i.status,
        rule: i.rule,
        debatable: i.debatable,
      })),
    },
    null,
    2,
  )}\n`;
}

function countsOf(items: ReviewItem[]) {
  return {
    total: items.length,
    met: items.filter((i) => i.status === 'met').length,
    notMet: items.filter((i) => i.status === 'not met').length,
    noResult: items.filter((i) => i.status === 'no result').length,
  };
}

/** 主要目标 8 项：完成 6 项，未完成 1 项，无实绩 1 项 — the parts that are there. */
export function countLine(label: string, items: ReviewItem[]): string {
  const c = countsOf(items);
  const parts = [
    ['完成', c.met],
    ['未完成', c.notMet],
    ['无实绩', c.noResult],
  ].filter(([, n]) => Number(n) > 0);
  return `${label} ${c.total} 项${parts.length ? `：${parts.map(([word, n]) => `${word} ${n} 项`).join('，')}` : ''}`;
}

/** The main targets with a figure for a result: what the chart of targets against results shows. */
export function chartedItems(review: TargetsReview) {
  return review.items
    .filter((i) => i.main && i.result !== null && i.result.value !== null && !i.upper)
    .map((i) => ({ name: i.name, target: i.target, result: { ...i.result!, value: i.result!.value! } }));
}

/** What the template shows: main targets, then the others by section, each cell as the report writes it. */
export function reviewTemplateView(review: TargetsReview) {
  const row = (i: ReviewItem) => ({
    name: i.name,
    target: i.target.text,
    targetParagraph: i.target.paragraph,
    result: i.result ? i.result.text : '—',
    resultParagraph: i.result?.paragraph ?? null,
    status: STATUS_LABEL[i.status],
    rule: i.debatable ? `${i.rule}。可商榷：${i.debatable}` : i.rule,
  });
  const main = review.items.filter((i) => i.main);
  const others = review.items.filter((i) => !i.main);
  const sections: Array<{ heading: string; rows: ReturnType<typeof row>[] }> = [];
  for (const item of others) {
    const heading = item.section || '其他';
    const existing = sections.find((s) => s.heading === heading);
    if (existing) existing.rows.push(row(item));
    else sections.push({ heading, rows: [row(item)] });
  }
  return {
    ...review,
    main: main.map(row),
    sections,
    mainCount: countLine('主要目标', main),
    otherCount: countLine('其他目标', others),
  };
}
