import { describe, expect, it } from 'vitest';
import type { Job } from '../../pipeline/batch/batch.js';
import { pickTask, wantsFreshThread } from '../../pipeline/batch/run-tasks.js';
import { LARGE_REPORT_BYTES, REPORTS_PER_ROUND, splitIntoTasks } from '../../pipeline/batch/tasks.js';

const job = (slug: string): Job => ({ file: `${slug}.txt`, slug, publications: ['fulltext', 'summary', 'brief-public'], data: true, keys: {} });

describe('when a build thread is replaced by a fresh one', () => {
  const slugs = Array.from({ length: 2 * REPORTS_PER_ROUND + 2 }, (_, i) => `r${String(i).padStart(2, '0')}`);
  const huge = slugs[REPORTS_PER_ROUND + 1];
  const tasks = splitIntoTasks(slugs.map(job), (file) => (file === `${huge}.txt` ? LARGE_REPORT_BYTES + 1 : 20_000));

  it('a thread’s first task starts on the thread it was given', () => {
    expect(wantsFreshThread(undefined, tasks[0])).toBe(false);
  });

  it('within a round a thread goes on; each new round starts on a fresh thread, as a batch of six does', () => {
    const roundOf = (slug: string) => Math.floor(slugs.indexOf(slug) / REPORTS_PER_ROUND);
    for (let k = 1; k < tasks.length; k++) {
      const [previous, next] = [tasks[k - 1], tasks[k]];
      if (previous.job.slug === huge) continue;
      expect(wantsFreshThread(previous, next), `${previous.job.slug} then ${next.job.slug}`).toBe(roundOf(previous.job.slug) !== roundOf(next.job.slug));
    }
  });

  it('the task after a large report starts on a fresh thread, in the same round too', () => {
    const large = tasks.find((t) => t.job.slug === huge)!;
    const sameRound = tasks.find((t) => t.round === large.round && t.job.slug !== huge)!;
    expect(wantsFreshThread(large, sameRound)).toBe(true);
    expect(wantsFreshThread(sameRound, large)).toBe(false);
  });
});

describe('which task a free thread takes', () => {
  const slugs = Array.from({ length: REPORTS_PER_ROUND + 2 }, (_, i) => `r${String(i).padStart(2, '0')}`);
  const tasks = splitIntoTasks(slugs.map(job), (file) => 20_000 + 1_000 * Number(file.slice(1, 3)));
  const firstRound = tasks.filter((t) => t.round === 0);

  it('the first in the queue, while fewer threads than the limit draw charts', () => {
    expect(tasks[0].charts).toBe(true);
    expect(pickTask(tasks, 0, 1)).toBe(0);
    expect(pickTask(tasks, 1, 2)).toBe(0);
  });

  it('with the limit reached, the first task of the round that draws no charts, not the next round’s', () => {
    const index = pickTask(tasks, 1, 1);
    expect(tasks[index].charts).toBe(false);
    expect(tasks[index].round).toBe(0);
    expect(tasks.slice(0, index).every((t) => t.charts)).toBe(true);
  });

  it('waits when the round has only charts left, and takes none when the queue is empty', () => {
    const chartsLeft = [...firstRound.filter((t) => t.charts), ...tasks.filter((t) => t.round === 1)];
    expect(pickTask(chartsLeft, 1, 1)).toBe(-1);
    expect(pickTask(chartsLeft, 0, 1)).toBe(0);
    expect(pickTask([], 0, 1)).toBe(-1);
  });

  it('a report’s charts task is the one that draws charts; its full text and briefs do not', () => {
    for (const slug of slugs) {
      const mine = tasks.filter((t) => t.job.slug === slug);
      expect(mine.filter((t) => t.charts).map((t) => t.job.publications)).toEqual([['summary']]);
    }
  });
});
