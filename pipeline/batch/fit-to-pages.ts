import type { BriefBlock, BriefItem, Take } from '../model/brief-view.js';

/** Items a block may find too long for the room left before it stops offering shorter ones. */
const MISSES_PER_BLOCK = 4;

/**
 * How wide an item prints, in em: a CJK character is one, an ASCII letter or digit about a half.
 * Only compared between items, to skip trials that cannot fit.
 */
export function printedWidth(item: BriefItem): number {
  const text = [item.text, ...(item.leads ?? []).map((l) => l.text)].join('') + `（¶${item.n}）`;
  let width = 0;
  for (const ch of text) width += ch.charCodeAt(0) < 0x2000 ? 0.55 : 1;
  return width;
}

/**
 * The content of a page-budgeted publication, filled to its budget: the best item of each block,
 * then one more item at a time, block by block in the audience's order, each kept when the page
 * still holds it — so the page fills with the most important items of every block and ends on a
 * whole item. An item too long for the room left is passed over for the next of its block, a few
 * times. When even one item a block is too much, blocks are left out from the last (the least
 * asked for) until it fits. Every choice is laid out: the page count is measured, not guessed.
 *
 * A layout is the cost, so the same choices are reached with fewer of them: while the page has
 * room, the next several items of that order are tried together (twice as many after each fit,
 * half as many after an overflow, down to one); adding items never shortens a page, so a
 * run that fits is what trying them one by one would have kept. And once an item has overflowed,
 * an item of its block at least as wide is passed over unlaid — the room only shrinks.
 */
export async function fitContent<T extends { take: Take; pages: number }>(layout: (take: Take) => Promise<T>, pages: number, blocks: BriefBlock[]): Promise<T> {
  // The items a sheet promises whole (all main targets) come first, when they fit at all.
  // A fallback block starts empty, and its items are not read until it opens (they are weighed then).
  const essential = blocks.map((b) => (b.fallback ? [] : b.items.flatMap((item, k) => (item.essential ? [k] : []))));
  const first = (b: BriefBlock) => (!b.fallback && b.items.length ? [0] : []);
  let chosen: number[][] = blocks.map((b, i) => (essential[i].length ? essential[i] : first(b)));
  let best = await layout(chosen);
  if (best.pages > pages && essential.some((e) => e.length)) {
    chosen = blocks.map(first);
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
  // A block is open while it has candidates and room has not refused it too often; a fallback
  // block, once every other block has tried all its candidates (the page still has room).
  const exhausted = (at: number[]) => blocks.every((block, i) => block.fallback || at[i] >= block.items.length);
  const open = (b: number, at = next) => (!blocks[b].fallback || exhausted(at)) && at[b] < blocks[b].items.length && misses[b] < MISSES_PER_BLOCK;
  /** The next `count` items in turn, block by block from `from`: [block, rank] and where the turn goes on. */
  const upcoming = (from: number, count: number) => {
    const at = [...next];
    const items: Array<[number, number]> = [];
    let b = from;
    while (items.length < count && blocks.some((_, i) => open(i, at))) {
      if (open(b, at)) items.push([b, at[b]++]);
      b = (b + 1) % blocks.length;
    }
    return { items, at, from: b };
  };
  let turn = 0;
  let run = 1;
  // Per block and kind: a sentence joining a printed item may fit where a new item as wide does not.
  const narrowestOverflow = new Map<string, number>();
  for (let step = upcoming(turn, run); step.items.length > 0; step = upcoming(turn, run)) {
    if (step.items.length === 1) {
      const [b, k] = step.items[0];
      const width = printedWidth(blocks[b].items[k]);
      const kind = `${b}:${blocks[b].items[k].extends !== undefined}`;
      const trial = chosen.map((c, i) => (i === b ? [...c, k] : c));
      const attempt = width >= (narrowestOverflow.get(kind) ?? Infinity) ? null : await layout(trial);
      if (attempt && attempt.pages <= pages) {
        [chosen, best, run] = [trial, attempt, 2];
      } else {
        misses[b] += 1;
        if (attempt) narrowestOverflow.set(kind, width);
      }
      next[b] = step.at[b];
      turn = step.from;
      continue;
    }
    const trial = chosen.map((c, i) => [...c, ...step.items.filter(([b]) => b === i).map(([, k]) => k)]);
    const attempt = await layout(trial);
    if (attempt.pages <= pages) {
      [chosen, best] = [trial, attempt];
      next.splice(0, next.length, ...step.at);
      turn = step.from;
      run *= 2;
    } else run = Math.max(1, Math.floor(run / 2));
  }
  return best;
}
