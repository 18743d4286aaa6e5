/**
 * Shortens a sentence for a brief without changing what it says: it keeps whole clauses from the
 * start, cut only at ，；： and marked with the Chinese ellipsis ……; a sentence with no such place
 * stays whole. A cut never ends on a dangling mark (、“（) or a lone ….
 */
export function cutSentence(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = -1;
  for (let i = 0; i < Math.min(text.length, max); i++) if (/[，；：,;:]/.test(text[i])) cut = i;
  if (cut < Math.min(12, max / 3)) return text;
  return `${text.slice(0, cut).replace(/[、“‘（(—…\s]+$/, '')}……`;
}
