import { capsAt, type BriefBlock, type Take } from '../model/brief-view.js';

/** The most items per block to try: more than any one-page brief holds. */
const MOST = 8;

/**
 * Fills what room is left after an even fit: one more item for each block in turn (in the
 * audience's order of importance), kept when the page still holds it.
 */
export async function fillToPages<T extends { pages: number }>(layout: (take: Take) => Promise<T>, pages: number, start: { caps: number[]; result: T }, available: number[]): Promise<T> {
  const caps = [...start.caps];
  let best = start.result;
  for (let b = 0; b < caps.length; b++) {
    if (caps[b] >= available[b]) continue;
    const trial = caps.map((c, i) => (i === b ? c + 1 : c));
    const attempt = await layout(trial);
    if (attempt.pages <= pages) {
      caps[b] += 1;
      best = attempt;
    }
  }
  return best;
}

/**
 * Finds the largest `take` (items per block) whose layout fits in `pages`, by bisection over
 * real layouts: the page count is measured after layout, never guessed from character counts.
 */
export async function fitToPages<T extends { pages: number }>(layout: (take: Take) => Promise<T>, pages: number): Promise<{ take: number; result: T }> {
  let best = await layout(1);
  if (best.pages > pages) return { take: 1, result: best };
  let lo = 1;
  let hi = MOST;
  const most = await layout(hi);
  if (most.pages <= pages) return { take: hi, result: most };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    const attempt = await layout(mid);
    if (attempt.pages <= pages) {
      lo = mid;
      best = attempt;
    } else hi = mid;
  }
  return { take: lo, result: best };
}

/**
 * The content of a page-budgeted publication: as many items per block as fit (bisection), then
 * one more for each block that still has room (fill). When even one item a block is too much,
 * blocks are left out from the last (the least asked for) until it fits.
 */
export async function fitContent<T extends { take: Take; pages: number }>(layout: (take: Take) => Promise<T>, pages: number, blocks: BriefBlock[]): Promise<T> {
  const even = await fitToPages(layout, pages);
  if (even.result.pages > pages) {
    let caps = blocks.map(() => 1);
    let attempt = even.result;
    for (let drop = caps.length - 1; drop > 0 && attempt.pages > pages; drop--) {
      caps = caps.map((c, i) => (i >= drop ? 0 : c));
      attempt = await layout(caps);
    }
    return attempt;
  }
  if (even.take >= MOST) return even.result;
  return fillToPages(layout, pages, { caps: capsAt(blocks, even.take), result: even.result }, blocks.map((b) => b.items.length));
}
