import type { Indicator } from '../extract/indicator.js';
import type { ParagraphModel } from './report-model.js';

/** How far past the last figure found the next one is looked for: a clause, not the rest of a huge paragraph. */
const SEARCH_WINDOW = 2000;

/**
 * Where each indicator stands in its paragraph, to count the figures of a sentence by its span:
 * asking every indicator of the report whether a sentence holds it made the cost the product of
 * the two counts, which a report of one huge paragraph made quadratic. Indicators come in reading
 * order, so each is looked for just after the one before it.
 */
export class FigureIndex {
  private readonly offsets = new Map<number, number[]>();

  constructor(paragraphs: ParagraphModel[], indicators: Indicator[]) {
    const texts = new Map(paragraphs.map((p) => [p.n, p.text]));
    const cursor = new Map<number, number>();
    for (const indicator of indicators) {
      const text = texts.get(indicator.paragraph);
      const clause = indicator.text.split(/[，；]/).pop();
      if (text === undefined || !clause) continue;
      const from = cursor.get(indicator.paragraph) ?? 0;
      const at = text.slice(from, from + SEARCH_WINDOW + clause.length).indexOf(clause);
      if (at < 0) continue;
      cursor.set(indicator.paragraph, from + at);
      const list = this.offsets.get(indicator.paragraph) ?? [];
      list.push(from + at);
      this.offsets.set(indicator.paragraph, list);
    }
  }

  /** The number of figures stated in ¶n between offsets start and end. */
  count(n: number, start: number, end: number): number {
    const list = this.offsets.get(n);
    return list ? lowerBound(list, end) - lowerBound(list, start) : 0;
  }
}

/** The first index of a sorted list whose value is at least `value`. */
function lowerBound(list: number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
