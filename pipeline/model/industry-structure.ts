/** 三次产业比重由五年前的6.4∶52∶41.6优化为6.4∶41.5∶52.1 — the economy's structure, then and now. */
export interface IndustryStructure {
  /** Oldest first; each has the three shares as written. */
  points: Array<{ label: string; shares: [number, number, number] }>;
  /** ¶ number and line it was read from, for the source note. */
  n: number;
  line: number;
  text: string;
}

const NUMBER = '(\\d+(?:\\.\\d+)?)';
const RATIO = new RegExp(`${NUMBER}\\s*[∶:：]\\s*${NUMBER}\\s*[∶:：]\\s*${NUMBER}`, 'g');

/** Finds the first sentence naming the three industries' shares with two ratios (before → after). */
export function findIndustryStructure(
  paragraphs: Array<{ n: number; line: number; text: string }>,
  reportYear: number | null,
): IndustryStructure | null {
  for (const p of paragraphs) {
    for (const sentence of p.text.split(/(?<=[。；;！？])/)) {
      if (!/三次产业|产业结构|三产比例|三次产业比/.test(sentence)) continue;
      const ratios = [...sentence.matchAll(RATIO)];
      if (ratios.length < 2) continue;
      const [before, after] = ratios;
      const head = sentence.slice(0, before.index);
      const beforeLabel = head.match(/(五年前|\d{4}年|上年|去年|十[一二三四五]五末)/)?.[1] ?? '此前';
      const between = sentence.slice(before.index! + before[0].length, after.index);
      const afterYear = between.match(/(\d{4})年/)?.[1];
      const afterLabel = afterYear ? `${afterYear}年` : reportYear ? `${reportYear - 1}年` : '现在';
      const shares = (m: RegExpMatchArray) => [Number(m[1]), Number(m[2]), Number(m[3])] as [number, number, number];
      return {
        points: [
          { label: beforeLabel, shares: shares(before) },
          { label: afterLabel, shares: shares(after) },
        ],
        n: p.n,
        line: p.line,
        text: sentence.trim(),
      };
    }
  }
  return null;
}
