import { INDUSTRY_PARTS } from '../extract/extract-indicators.js';
import type { Indicator } from '../extract/indicator.js';

/** 三次产业比重由五年前的6.4∶52∶41.6优化为6.4∶41.5∶52.1 — the economy's structure, then and now. */
export interface IndustryStructure {
  /** Oldest first; each has the three shares as written. */
  points: Array<{ label: string; shares: [number, number, number] }>;
  /** ¶ number and line it was read from, for the source note. */
  n: number;
  line: number;
  text: string;
}

/**
 * The industrial structure as extraction already read it (one share per industry and period):
 * the first paragraph giving it for two periods or more.
 */
export function industryStructure(indicators: Indicator[]): IndustryStructure | null {
  const shares = indicators.filter((i) => i.kind === 'share' && i.unit === '' && INDUSTRY_PARTS.includes(i.name));
  for (const paragraph of [...new Set(shares.map((i) => i.paragraph))]) {
    const points: IndustryStructure['points'] = [];
    const inParagraph = shares.filter((i) => i.paragraph === paragraph);
    for (let k = 0; k + 2 < inParagraph.length; k += 3) {
      const triple = inParagraph.slice(k, k + 3);
      if (triple.some((i, j) => i.name !== INDUSTRY_PARTS[j])) break;
      points.push({ label: triple[0].period ? `${triple[0].period}年` : '', shares: triple.map((i) => i.value) as [number, number, number] });
    }
    if (points.length >= 2) {
      const first = inParagraph[0];
      return { points, n: paragraph, line: first.line, text: first.text };
    }
  }
  return null;
}
