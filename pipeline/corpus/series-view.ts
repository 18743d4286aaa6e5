import type { CorpusRecord } from './corpus-record.js';
import { byIssuer, issuerSlug } from './issuers.js';
import { perTenThousand, risingAndFalling } from './key-phrases.js';
import { nextReports, seriesRows, type SeriesItem } from './series-rows.js';

export interface Series {
  issuer: string;
  slug: string;
  years: Array<{ year: number; slug: string; title: string; nextSlug: string | null; items: SeriesItem[] }>;
  /** The phrases that rise and fall most, with their rate per 10,000 characters each year. */
  phrases: Array<{ phrase: string; rates: number[]; counts: number[] }>;
}

/** Every issuer with three or more years in the corpus, each as a series. */
export function seriesOf(records: CorpusRecord[]): Series[] {
  const all: Series[] = [];
  for (const [issuer, group] of byIssuer(records)) {
    if (group.length < 3) continue;
    const nextOf = nextReports(group);
    const years = group.map((record) => {
      const next = nextOf.get(record.slug) ?? null;
      return { year: record.year!, slug: record.slug, title: record.title, nextSlug: next?.slug ?? null, items: seriesRows(record, next) };
    });
    const chosen = risingAndFalling(group.map((r) => ({ year: r.year!, chars: r.chars, phrases: r.phrases })));
    const phrases = chosen.map((phrase) => ({ phrase, counts: group.map((r) => r.phrases[phrase] ?? 0), rates: group.map((r) => Number(perTenThousand(r.phrases[phrase] ?? 0, r.chars).toFixed(2))) }));
    all.push({ issuer, slug: issuerSlug(group), years, phrases });
  }
  // Two issuers whose reports share a stem (a city and its district) must not share a file.
  const seen = new Map<string, number>();
  for (const series of all) {
    const n = seen.get(series.slug) ?? 0;
    seen.set(series.slug, n + 1);
    if (n) series.slug = `${series.slug}-${n + 1}`;
  }
  return all;
}

export function seriesJson(series: Series): string {
  return `${JSON.stringify(
    {
      issuer: series.issuer,
      years: series.years.map((y) => ({
        year: y.year,
        report: y.slug,
        nextReport: y.nextSlug,
        items: y.items.map((i) => ({
          name: i.kind.label,
          target: i.target ? { value: i.target.value, ...(i.target.upper !== undefined ? { upper: i.target.upper } : {}), unit: i.target.unit, qualifier: i.target.qualifier, written: i.target.written, line: i.target.line, paragraph: i.target.paragraph } : null,
          result: i.result ? { value: i.result.value, unit: i.result.unit, line: i.result.line, paragraph: i.result.paragraph } : null,
          status: i.status,
          ...(i.rule ? { rule: i.rule } : {}),
          ...(i.notSetAt ? { notSetAt: i.notSetAt } : {}),
        })),
      })),
      phrases: series.phrases.map((p) => ({ phrase: p.phrase, counts: Object.fromEntries(series.years.map((y, k) => [y.year, p.counts[k]])) })),
    },
    null,
    2,
  )}\n`;
}
