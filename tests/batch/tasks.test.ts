import { describe, expect, it } from 'vitest';
import type { Job } from '../../pipeline/batch/batch.js';
import { LARGE_REPORT_BYTES, splitIntoTasks } from '../../pipeline/batch/tasks.js';

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
