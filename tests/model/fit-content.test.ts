import { describe, expect, it } from 'vitest';
import type { BriefBlock, Take } from '../../pipeline/model/brief-view.js';
import { fitContent } from '../../pipeline/batch/fit-to-pages.js';

/**
 * A page of 40 lines of 28 characters: each block's heading takes two lines, each item as many as
 * its text needs. Adding an item never shortens it — the one property of a real layout the
 * fitting leans on.
 */
const LINES = 40;
function pageOf(blocks: BriefBlock[], take: Take): number {
  const lines = blocks.reduce((sum, b, i) => {
    const ranks = (take as number[][])[i];
    return sum + (ranks.length ? 2 : 0) + ranks.reduce((s, k) => s + Math.ceil((b.items[k].text.length + 6) / 28), 0);
  }, 0);
  return Math.ceil(lines / LINES);
}

/** The fitting as it was: one item at a time in turn, each laid out, kept when the page holds it. */
async function oneByOne(blocks: BriefBlock[], layout: (take: Take) => Promise<{ take: Take; pages: number }>) {
  let chosen = blocks.map((b) => (b.items.length ? [0] : []));
  const next = chosen.map((c) => c.length);
  const misses = blocks.map(() => 0);
  const open = (b: number) => next[b] < blocks[b].items.length && misses[b] < 4;
  while (blocks.some((_, b) => open(b))) {
    for (let b = 0; b < blocks.length; b++) {
      if (!open(b)) continue;
      const trial = chosen.map((c, i) => (i === b ? [...c, next[b]] : c));
      next[b] += 1;
      if ((await layout(trial)).pages <= 1) chosen = trial;
      else misses[b] += 1;
    }
  }
  return chosen;
}

/** Blocks of items of pseudo-random lengths (a fixed seed: the same every run). */
function blocksOf(seed: number): BriefBlock[] {
  let x = seed;
  const random = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return ['achievements', 'targets', 'priorities', 'risks'].map((name) => ({
    name: name as BriefBlock['name'],
    heading: name,
    figures: [],
    items: Array.from({ length: 3 + Math.floor(random() * 20) }, (_, k) => ({ text: '字'.repeat(8 + Math.floor(random() * 90)), n: k + 1, score: 0 })),
  }));
}

describe('filling a page with items', () => {
  /** The fitting and the one-by-one trials on the same blocks: what each keeps, and how many layouts each made. */
  async function both(seed: number) {
    const blocks = blocksOf(seed);
    let layouts = 0;
    let reference = 0;
    const fitted = await fitContent(async (take: Take) => (layouts++, { take, pages: pageOf(blocks, take) }), 1, blocks);
    const expected = await oneByOne(blocks, async (take) => (reference++, { take, pages: pageOf(blocks, take) }));
    return { fitted, expected, layouts, reference };
  }
  const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

  it.each(SEEDS)('keeps the items one-by-one trials keep, with no more layouts (seed %i)', async (seed) => {
    const { fitted, expected, layouts, reference } = await both(seed);
    expect((fitted.take as number[][]).map((c) => [...c].sort((a, b) => a - b))).toEqual(expected.map((c) => [...c].sort((a, b) => a - b)));
    expect(fitted.pages).toBe(1);
    expect(layouts).toBeLessThanOrEqual(reference);
  });

  it('makes fewer layouts over many pages: a seventh fewer at least', async () => {
    const runs = await Promise.all(SEEDS.map(both));
    const sum = (key: 'layouts' | 'reference') => runs.reduce((s, r) => s + r[key], 0);
    expect(sum('layouts')).toBeLessThan(0.85 * sum('reference'));
  });

  /** A block of `n` items of `chars` characters each. */
  const blockOf = (name: string, n: number, chars: number, fallback = false): BriefBlock => ({
    name: name as BriefBlock['name'],
    heading: name,
    figures: [],
    items: Array.from({ length: n }, (_, k) => ({ text: '字'.repeat(chars), n: k + 1, score: 0 })),
    ...(fallback ? { fallback } : {}),
  });
  const fit = (blocks: BriefBlock[]) => fitContent(async (take: Take) => ({ take, pages: pageOf(blocks, take) }), 1, blocks);

  it('draws on a fallback block only once the other blocks have no candidate left, then fills the page from it', async () => {
    // Two blocks of 3 two-line items leave most of 40 lines free: the fallback's items fill them.
    const short = await fit([blockOf('highlights', 3, 40), blockOf('targets', 3, 40), blockOf('more', 30, 40, true)]);
    const [highlights, targets, more] = short.take as number[][];
    expect([highlights.length, targets.length]).toEqual([3, 3]);
    expect(short.pages).toBe(1);
    // 2 + 6 + 2 + 6 lines above it, 2 for its heading: 11 items of 2 lines fill the 40.
    expect(more.length).toBe(11);
  });

  it('leaves a fallback block empty, its items never weighed, while another block still has candidates for the page', async () => {
    const more = blockOf('more', 30, 20, true);
    let weighed = 0;
    const lazy = { ...more, get items() { weighed += 1; return more.items; } };
    const full = await fit([blockOf('highlights', 60, 40), lazy]);
    expect((full.take as number[][])[1]).toEqual([]);
    expect(weighed).toBe(0);
  });
});

