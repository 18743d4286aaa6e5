import { sentenceRanges } from '../read/sentences.js';

export interface Clause {
  start: number;
  end: number;
  text: string;
}

/** Splits a sentence into clauses at ，；： (not at 、, which joins a list inside a clause). */
export function clausesOf(sentence: string, offset = 0): Clause[] {
  const clauses: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= sentence.length; i++) {
    if (i === sentence.length || /[，；：,;:]/.test(sentence[i])) {
      // “：” inside a ratio (6.4:41.5) is not a clause break.
      if (i < sentence.length && /[:：]/.test(sentence[i]) && /\d/.test(sentence[i - 1] ?? '') && /\d/.test(sentence[i + 1] ?? '')) continue;
      // 1，753亿元: a comma before three digits (and no fourth) groups thousands.
      if (i < sentence.length && /[,，]/.test(sentence[i]) && /\d/.test(sentence[i - 1] ?? '') && /^\d{3}(?!\d)/.test(sentence.slice(i + 1, i + 5))) continue;
      if (i > start) clauses.push({ start: offset + start, end: offset + i, text: sentence.slice(start, i) });
      start = i + 1;
    }
  }
  return clauses;
}

export { sentenceRanges };
