import { describe, expect, it } from 'vitest';
import type { Job } from '../../pipeline/batch/batch.js';
import { LARGE_REPORT_BYTES, REPORTS_PER_ROUND, splitIntoTasks } from '../../pipeline/batch/tasks.js';

const job = (slug: string, publications: string[], data = true): Job => ({ file: `${slug}.txt`, slug, publications, data, keys: {} });
const ALL = ['fulltext', 'summary', 'indicators', 'brief-business', 'brief-leadership', 'brief-media', 'brief-public'];

describe('a batch’s work cut into tasks', () => {
  const sizes: Record<string, number> = { 'big.txt': 120_000, 'small.txt': 8_000 };
  const tasks = splitIntoTasks([job('small', ALL), job('big', [...ALL, 'targets-review'])], (file) => sizes[file]);

  it('builds every stale publication once, and each report’s charts and exports once', () => {
    for (const [slug, publications] of [['small', ALL], ['big', [...ALL, 'targets-review']]] as const) {
      const mine = tasks.filter((t) => t.job.slug === slug);
      expect(mine.flatMap((t) => t.job.publications).sort()).toEqual([...publications].sort());
      expect(mine.filter((t) => t.job.data)).toHaveLength(1);
    }
  });

  it('keeps the charts with the publications that show them, and the full text and each brief apart', () => {
    const big = tasks.filter((t) => t.job.slug === 'big').map((t) => t.job.publications);
    expect(big).toContainEqual(['summary', 'indicators', 'targets-review']);
    expect(big).toContainEqual(['fulltext']);
    expect(big).toContainEqual(['brief-media']);
    expect(tasks.find((t) => t.job.data && t.job.slug === 'big')!.job.publications).toEqual(['summary', 'indicators', 'targets-review']);
  });

  it('hands out the longest first: the big report’s full text and charts, its briefs after the small report’s charts', () => {
    expect(tasks.slice(0, 2).map((t) => [t.job.slug, t.job.publications[0]]).sort()).toEqual([['big', 'fulltext'], ['big', 'summary']]);
    const weights = tasks.map((t) => t.weight);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    const at = (slug: string, publication: string) => tasks.findIndex((t) => t.job.slug === slug && t.job.publications.includes(publication));
    expect(at('big', 'brief-public')).toBeGreaterThan(at('small', 'summary'));
  });

  it('hands out a long batch round by round, each round longest first, so that few reports are in flight at once', () => {
    const slugs = Array.from({ length: 2 * REPORTS_PER_ROUND + 1 }, (_, i) => `r${String(i).padStart(2, '0')}`);
    // Sizes rise through the batch: over the whole batch, longest first would start with the last report.
    const long = splitIntoTasks(slugs.map((slug) => job(slug, ALL)), (file) => 8_000 + 1_000 * Number(file.slice(1, 3)));
    const roundOf = (slug: string) => Math.floor(slugs.indexOf(slug) / REPORTS_PER_ROUND);
    const rounds = long.map((t) => roundOf(t.job.slug));
    expect(rounds).toEqual([...rounds].sort((a, b) => a - b));
    expect(new Set(rounds)).toEqual(new Set([0, 1, 2]));
    for (const round of [0, 1, 2]) {
      const weights = long.filter((t) => roundOf(t.job.slug) === round).map((t) => t.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
    expect(long[0].job.slug).toBe(slugs[REPORTS_PER_ROUND - 1]);
    expect(long.flatMap((t) => t.job.publications)).toHaveLength(slugs.length * ALL.length);
  });

  it('makes no task of what is up to date', () => {
    expect(splitIntoTasks([job('small', ['brief-public'], false)], () => 8_000).map((t) => t.job.publications)).toEqual([['brief-public']]);
    expect(splitIntoTasks([job('small', [], true)], () => 8_000).map((t) => [t.job.publications, t.job.data])).toEqual([[[], true]]);
  });

  it('keeps a report larger than any real one whole, as one task, so that one thread reads it once', () => {
    const huge = splitIntoTasks([job('small', ALL), job('huge', [...ALL, 'targets-review'])], (file) => (file === 'huge.txt' ? LARGE_REPORT_BYTES + 1 : 8_000));
    const mine = huge.filter((t) => t.job.slug === 'huge');
    expect(mine).toHaveLength(1);
    expect([...mine[0].job.publications].sort()).toEqual([...ALL, 'targets-review'].sort());
    expect(mine[0].job.data).toBe(true);
    expect(mine[0].bytes).toBe(LARGE_REPORT_BYTES + 1);
    expect(huge.filter((t) => t.job.slug === 'small').length).toBeGreaterThan(1);
  });
});
