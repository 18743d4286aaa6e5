import type { Job } from './batch.js';

/**
 * A batch's work cut into tasks that threads can share: one report's full text, each of its
 * briefs, and the rest (charts and exports with the publications that show charts in the bundled
 * templates: summary, indicators, targets review), kept together so that a report's charts are
 * rendered by one thread. A task is a job with fewer publications: any thread can build it.
 * A large report is one task (see LARGE_REPORT_BYTES). Tasks come longest first (by an
 * estimate from the source's size), so that the short ones at the end fill the gaps and the
 * threads finish together; in a long batch, longest first within each run of REPORTS_PER_ROUND
 * reports (see there).
 */
export interface Task {
  job: Job;
  /** Estimated milliseconds, only to order the tasks. */
  weight: number;
  /** The report's size: a large one is built under a thread's memory cap, never on the main thread. */
  bytes: number;
  /** Which run of REPORTS_PER_ROUND reports the task's report is in (0 for the first). */
  round: number;
  /** Whether it draws the report's charts: the tasks that take the most memory (see pickTask). */
  charts: boolean;
}

/**
 * A report larger than this (over twice the longest of the corpus) is built as one task, on a
 * worker thread (whose heap is capped): the thread reads it once for all its publications, so
 * that the report lives in memory once rather than once per thread, and never on the main
 * thread, whose heap has no cap.
 */
export const LARGE_REPORT_BYTES = 512 * 1024;

/**
 * A long batch is handed out as rounds of this many reports, each longest first, and no round
 * waits for the one before: a thread then builds, and holds (see RecentReports), what it would
 * in a batch of six (longest first over all would start every report's charts before any
 * report's briefs).
 */
export const REPORTS_PER_ROUND = 6;

/** Publications the bundled templates draw charts into: built with the charts, on one thread. */
const WITH_CHARTS = new Set(['summary', 'indicators', 'targets-review']);

/**
 * Estimated cost of a task, in milliseconds of this machine, from the source's size in bytes
 * (measured on the corpus: the Dalian full text, 54 KB, takes about 750 ms; a brief about 120).
 */
function weightOf(publications: string[], data: boolean, sourceBytes: number): number {
  let weight = data ? 200 : 0;
  for (const name of publications) {
    if (name === 'fulltext') weight += sourceBytes / 70;
    else if (WITH_CHARTS.has(name)) weight += 150 + sourceBytes / 300;
    else weight += 120;
  }
  return weight;
}

/** Whether a task of these publications (and the exports, with `data`) renders the report's charts. */
function drawsCharts({ publications, data }: { publications: string[]; data: boolean }): boolean {
  return data || publications.some((name) => WITH_CHARTS.has(name));
}

export function splitIntoTasks(jobs: Job[], sourceBytes: (file: string) => number): Task[] {
  const tasks: Task[] = [];
  for (const [index, job] of jobs.entries()) {
    const round = Math.floor(index / REPORTS_PER_ROUND);
    const bytes = sourceBytes(job.file);
    if (bytes > LARGE_REPORT_BYTES) {
      tasks.push({ job, weight: weightOf(job.publications, job.data, bytes), bytes, round, charts: drawsCharts(job) });
      continue;
    }
    const withCharts = job.publications.filter((name) => WITH_CHARTS.has(name));
    const shares: Array<{ publications: string[]; data: boolean }> = [];
    if (job.data || withCharts.length) shares.push({ publications: withCharts, data: job.data });
    for (const name of job.publications) if (!WITH_CHARTS.has(name)) shares.push({ publications: [name], data: false });
    for (const share of shares) tasks.push({ job: { ...job, ...share }, weight: weightOf(share.publications, share.data, bytes), bytes, round, charts: drawsCharts(share) });
  }
  // Stable: equal weights keep the reports' order.
  return tasks.sort((a, b) => a.round - b.round || b.weight - a.weight);
}
