/**
 * Splits Chinese text into sentences at 。！？ (and a closing quote or bracket right after),
 * returning [start, end) index pairs so callers keep positions.
 */
export function sentenceRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (/[。！？!?]/.test(text[i])) {
      let end = i + 1;
      while (end < text.length && /[”’」』）)]/.test(text[end])) end++;
      ranges.push([start, end]);
      start = end;
      i = end;
    } else {
      i++;
    }
  }
  if (start < text.length && text.slice(start).trim() !== '') ranges.push([start, text.length]);
  return ranges;
}

export function splitSentences(text: string): string[] {
  return sentenceRanges(text).map(([s, e]) => text.slice(s, e));
}

/** The longest a topic sentence is: 主要指标增势良好。 or 五年来，经济实力跃上新台阶。 */
export const LEAD_MAX_CHARS = 40;

/**
 * The lead (topic) sentence of a paragraph: its first sentence when it is short and more
 * follows — the way these reports open a paragraph with its point (主要指标增势良好。).
 */
export function leadSentenceEnd(text: string): number | null {
  const first = sentenceRanges(text)[0];
  if (!first) return null;
  const [, end] = first;
  if (end >= text.length) return null;
  if (end > LEAD_MAX_CHARS) return null;
  if (!/[。！？!?][”’」』）)]*$/.test(text.slice(0, end))) return null;
  return end;
}
