import type { Indicator } from '../extract/indicator.js';
import type { ParagraphModel } from '../model/report-model.js';

/** How far past the clause found last the next one is looked for: a clause, not the rest of a huge paragraph. */
const SEARCH_WINDOW = 2000;

/**
 * Where each indicator's clause starts in its paragraph's text. Indicators come in reading order,
 * so each is looked for from the one before it, in a window: looking for each from the start of
 * its paragraph made the review quadratic in a paragraph's length. An indicator not found in its
 * window has no offset (sentenceOf then looks for it in the whole paragraph).
 */
export function clauseOffsets(paragraphs: Pick<ParagraphModel, 'n' | 'text'>[], indicators: Indicator[]): Map<Indicator, number> {
  const texts = new Map(paragraphs.map((p) => [p.n, p.text]));
  const cursor = new Map<number, number>();
  const offsets = new Map<Indicator, number>();
  for (const indicator of indicators) {
    const text = texts.get(indicator.paragraph);
    if (text === undefined || !indicator.text) continue;
    const from = cursor.get(indicator.paragraph) ?? 0;
    const found = text.slice(from, from + SEARCH_WINDOW + indicator.text.length).indexOf(indicator.text);
    if (found < 0) continue;
    cursor.set(indicator.paragraph, from + found);
    offsets.set(indicator, from + found);
  }
  return offsets;
}
