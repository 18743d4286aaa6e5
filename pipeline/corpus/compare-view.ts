import type { CorpusFigure, CorpusRecord } from './corpus-record.js';
import { byIssuer } from './issuers.js';
import { kindOfTarget, MAIN_TARGET_KINDS, type MainTargetKind } from './main-targets.js';

export interface ComparedIssuer {
  slug: string;
  issuer: string;
  title: string;
  /** The main targets the report sets, by kind key. */
  targets: Record<string, CorpusFigure>;
  /** Last year's growth of GDP as the report gives it, when it does. */
  gdpResult: CorpusFigure | null;
}

export interface Comparison {
  year: number;
  /** The kinds a third of the issuers or more set: the table's columns. */
  kinds: MainTargetKind[];
  /** Sorted by GDP target, highest first; those without one last. */
  issuers: ComparedIssuer[];
}

/** Last year's growth of GDP: a result (not a target) of the year before, as a rate of change. */
function gdpResult(record: CorpusRecord): CorpusFigure | null {
  const year = String(record.year! - 1);
  const found = record.indicators.find((i) => i.kind === 'growth' && i.period === year && i.direction !== 'down' && !/年均|平均每年|平均增长/.test(i.text) && kindOfTarget(i.name, i.unit)?.key === 'gdp');
  return found ? { name: found.name, value: found.value, unit: found.unit, qualifier: found.qualifier, line: found.line, paragraph: found.paragraph, written: `${found.value}${found.unit}`, text: found.text } : null;
}

/** The years for which three or more issuers are in the corpus, each as a comparison. */
export function comparisons(records: CorpusRecord[]): Comparison[] {
  const byYear = new Map<number, CorpusRecord[]>();
  for (const [, group] of byIssuer(records)) for (const record of group) byYear.set(record.year!, [...(byYear.get(record.year!) ?? []), record]);
  const result: Comparison[] = [];
  for (const [year, group] of [...byYear].sort((a, b) => a[0] - b[0])) {
    if (group.length < 3) continue;
    const issuers: ComparedIssuer[] = group.map((record) => {
      const targets: Record<string, CorpusFigure> = {};
      for (const [key, target] of Object.entries(record.targets)) if (target.status === 'set') targets[key] = target.figure;
      return { slug: record.slug, issuer: record.issuer!, title: record.title, targets, gdpResult: gdpResult(record) };
    });
    const kinds = MAIN_TARGET_KINDS.filter((k) => issuers.filter((i) => i.targets[k.key]).length * 3 >= issuers.length);
    issuers.sort((a, b) => (b.targets.gdp?.value ?? -Infinity) - (a.targets.gdp?.value ?? -Infinity) || (b.targets.gdp?.upper ?? 0) - (a.targets.gdp?.upper ?? 0) || a.slug.localeCompare(b.slug));
    result.push({ year, kinds, issuers });
  }
  return result;
}

export function comparisonJson(comparison: Comparison): string {
  const figure = (kind: MainTargetKind, f: CorpusFigure) => ({ name: kind.label, value: f.value, ...(f.upper !== undefined ? { upper: f.upper } : {}), unit: f.unit, qualifier: f.qualifier, written: f.written, line: f.line, paragraph: f.paragraph, text: f.text });
  return `${JSON.stringify(
    {
      year: comparison.year,
      issuers: comparison.issuers.map((i) => ({
        slug: i.slug,
        issuer: i.issuer,
        title: i.title,
        targets: MAIN_TARGET_KINDS.filter((k) => i.targets[k.key]).map((k) => figure(k, i.targets[k.key])),
        lastYear: i.gdpResult ? { gdp: { value: i.gdpResult.value, unit: i.gdpResult.unit, line: i.gdpResult.line, paragraph: i.gdpResult.paragraph, text: i.gdpResult.text } } : {},
      })),
    },
    null,
    2,
  )}\n`;
}
