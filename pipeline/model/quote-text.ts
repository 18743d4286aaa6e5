import { simplifiedForm } from '../util/simplified-form.js';

/**
 * How a sentence of the report reads when it is quoted alone, as an item under a heading: the
 * report's list words (一是, ——, 第一，) go, since a bullet replaces them; a sentence that leans on
 * the one before it (其中…, 同时…) cannot stand alone.
 */

/** 一是 … 十是, 一要 … 十要, 第一， … 第十，, ——, 首先，: the marks of the report's own lists. */
const LIST_WORD = /^\s*(?:[一二三四五六七八九十]{1,3}是[，,：:]?|[一二三四五六七八九十]{1,3}要(?![素件点求])[，,：:]?|第[一二三四五六七八九十]{1,3}[，,、：:]|——+|—+|首先[，,]|其次[，,]|最后[，,]|[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、．.]|\d{1,2}[、．.](?!\d))\s*/;

/** Openings that refer back to the sentence before (这部分的支出…, 例如…): the item would be out of context. */
const LEANS_BACK = /^\s*(?:其中|同时|此外|另外|与此同时|而且|并且|但是?|然而|对此|为此|这些|这一|这二者|这两|这是|这就|这样|这部分|这种|这个|上述|尤其是|特别是|加上|以及|例如|比如|譬如)/;

/**
 * Strips the report's list words from the start of a quoted item (repeatedly: ——一是…). The words
 * are found in the simplified form (最後，這些) and cut from the text as printed, place for place.
 */
export function stripListWord(text: string): string {
  let result = text;
  for (let previous = ''; previous !== result; ) {
    previous = result;
    const word = simplifiedForm(result).match(LIST_WORD)?.[0] ?? '';
    result = result.slice(word.length);
  }
  return result.trim();
}

export function startsWithListWord(text: string): boolean {
  return LIST_WORD.test(simplifiedForm(text));
}

export function leansBack(text: string): boolean {
  return LEANS_BACK.test(simplifiedForm(text));
}

/** A sentence as an item: without its list word; null when it leans on what came before. */
export function quotableItem(text: string): string | null {
  const stripped = stripListWord(text);
  if (!stripped || leansBack(stripped)) return null;
  return stripped;
}
