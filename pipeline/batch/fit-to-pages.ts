import type { BriefBlock, Take } from '../model/brief-view.js';

/** Items a block may find too long for the room left before it stops offering shorter ones. */
const MISSES_PER_BLOCK = 4;

/**
 * The content of a page-budgeted publication, filled to its budget: the best item of each block,
 * then one more item at a time, block by block in the audience's order, each kept when the page
 * still holds it — so the page fills with the most important items of every block and ends on a
 * whole item. An item too long for the room left is passed over for the next of its block, a few
 * times. When even one item a block is too much, blocks are left out from the last (the least
 * asked for) until it fits. Every trial is laid out: the page count is measured, not guessed.
 */
export async function fitContent<T extends { take: Take; pages: number }>(layout: (take: Take) => Promise<T>, pages: number, blocks: BriefBlock[]): Promise<T> {
  // The items a sheet promises whole (all main targets) come first, when they fit at all.
  const essential = blocks.map((b) => b.items.flatMap((item, k) => (item.essential ? [k] : [])));
  let chosen: number[][] = blocks.map((b, i) => (essential[i].length ? essential[i] : b.items.length ? [0] : []));
  let best = await layout(chosen);
  if (best.pages > pages && essential.some((e) => e.length)) {
    chosen = blocks.map((b) => (b.items.length ? [0] : []));
    best = await layout(chosen);
  }
  if (best.pages > pages) {
    for (let drop = chosen.length - 1; drop > 0 && best.pages > pages; drop--) {
      chosen = chosen.map((c, i) => (i >= drop ? [] : c));
      best = await layout(chosen);
    }
    return best;
  }
  const next = chosen.map((c) => (c.length ? Math.max(...c) + 1 : 0));
  const misses = blocks.map(() => 0);
  const open = (b: number) => next[b] < blocks[b].items.length && misses[b] < MISSES_PER_BLOCK;
  while (blocks.some((_, b) => open(b))) {
    for (let b = 0; b < blocks.length; b++) {
      if (!open(b)) continue;
      const trial = chosen.map((c, i) => (i === b ? [...c, next[b]] : c));
      next[b] += 1;
      const attempt = await layout(trial);
      if (attempt.pages <= pages) {
        chosen = trial;
        best = attempt;
      } else misses[b] += 1;
    }
  }
  return best;
}
