import { sentenceRanges } from '../read/sentences.js';
import { leansBack, stripListWord } from './quote-text.js';
import type { ParagraphModel } from './report-model.js';

/** A sentence that can be quoted alone, with its ¶ and place in the report. */
export interface QuotedSentence {
  text: string;
  n: number;
  /** The paragraph's lead sentence (its point). */
  lead: boolean;
  /** ¶ × 1000 + offset: reading order. */
  order: number;
  /** Where the sentence lies in its paragraph's text: [start, end). */
  start: number;
  end: number;
}

/**
 * The sentences of paragraphs as quotable items: list words stripped, and a sentence that leans
 * on the one before it (其中…, 同时…) joined to that one, or left out when it opens its paragraph.
 */
export function quotedSentences(paragraphs: ParagraphModel[]): QuotedSentence[] {
  const out: QuotedSentence[] = [];
  for (const p of paragraphs) {
    let previous: QuotedSentence | null = null;
    sentenceRanges(p.text).forEach(([s, e], i) => {
      const raw = p.text.slice(s, e).trim();
      const text = stripListWord(raw);
      if (!text) return;
      if (leansBack(text)) {
        if (previous) {
          previous.text += text;
          previous.end = e;
        }
        return;
      }
      previous = { text, n: p.n, lead: i === 0 && p.lead !== null, order: p.n * 1000 + s, start: s, end: e };
      out.push(previous);
    });
  }
  return out;
}
