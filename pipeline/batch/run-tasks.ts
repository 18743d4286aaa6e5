import type { Worker } from 'node:worker_threads';
import { describeError } from '../util/errors.js';
import { askThread, tooBigForThread, workerThread, type ThreadAnswer } from './worker-thread.js';
import type { BuildResult } from './build-report.js';
import { RecentReports } from './recent-reports.js';
import type { Progress } from './progress.js';
import type { BatchContext } from './run-job.js';
import { LARGE_REPORT_BYTES, type Task } from './tasks.js';

export type Outcome = { result?: BuildResult; error?: string };

/**
 * The most work (estimated milliseconds, as Task.weight) JOBS=1 builds on this thread: about
 * three reports. A longer batch would leave this thread with the heap of all it built.
 */
const WORK_HERE = 7_000;

/** A worker thread, and whether it still runs (a thread that ran out of memory has stopped). */
interface Builder {
  thread: Worker;
  running: boolean;
}

function startBuilder(heapMiB: number): Builder {
  const builder = { thread: workerThread(heapMiB), running: true };
  // Its errors are the task's (below); one that happens while it waits must not end the process.
  builder.thread.on('error', () => {});
  builder.thread.once('exit', () => {
    builder.running = false;
  });
  return builder;
}

/**
 * The worker threads of a batch (JOBS of them), started once (see cli.ts for when): a thread
 * takes about 0.3 s to load the writers, which it does while this thread reads and plans.
 */
export class BuilderPool {
  readonly builders: Builder[] = [];

  /** `heapMiB` caps each thread's old generation (see BriefsOptions.workerHeapMiB). */
  constructor(readonly size: number, readonly heapMiB: number) {}

  start(): void {
    while (this.builders.length < this.size) this.builders.push(startBuilder(this.heapMiB));
  }

  /**
   * Stops a thread that has no more work, without waiting: tearing down its heap takes tens of
   * milliseconds, which pass while the other threads finish and the gallery is written (close
   * waits for it: a thread being stopped answers terminate() when it has stopped).
   */
  retire(builder: Builder): void {
    void builder.thread.terminate();
  }

  async close(): Promise<void> {
    await Promise.all(this.builders.splice(0).map(({ thread }) => thread.terminate()));
  }
}

/** Builds a task on this thread; the writers are loaded the first time one is needed. */
async function buildHere(task: Task, context: BatchContext, progress: Progress, reports: RecentReports): Promise<Outcome> {
  const { job } = task;
  try {
    const { runJob } = await import('./run-job.js');
    return { result: await runJob(job, context, (stage) => progress.stage(job.slug, stage, 0), reports) };
  } catch (error) {
    if (context.debug) console.error(error);
    return { error: describeError(error, job.file) };
  }
}

/** Sends a task to a worker thread and waits for its outcome (or for the thread to stop). */
async function buildOnThread(builder: Builder, threadNumber: number, task: Task, context: BatchContext, progress: Progress): Promise<Outcome> {
  const { job } = task;
  const request = { job, context };
  // A thread that stopped since it was checked will never answer: its exit was the answer.
  const answer: ThreadAnswer = builder.running
    ? await askThread(builder.thread, request, (message) => message.type !== 'stage', (message) => progress.stage(job.slug, message.stage, threadNumber))
    : { stopped: { error: null, code: 1 } };
  if ('message' in answer) return answer.message.type === 'done' ? { result: answer.message.result } : { error: answer.message.error };
  const { error, code } = answer.stopped;
  if (error?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    const what = [...job.publications, ...(job.data ? ['charts and exports'] : [])].join(', ');
    return { error: `${job.file}: ${tooBigForThread(what, context.workerHeapMiB)}` };
  }
  return { error: describeError(error ?? new Error(`worker thread stopped (exit code ${code})`), job.file) };
}

/**
 * Builds the tasks: on this thread when there is no pool of worker threads and the batch is
 * short (large reports excepted; a long batch goes to one worker thread); else this thread only
 * hands them out, and each worker thread takes the next task (see pickTask) when it is free
 * (this thread stays free to answer at once). A task that outgrows a thread's heap fails with
 * its report named; the thread is replaced for the next task.
 */
export async function runTasks(
  tasks: Task[],
  pool: BuilderPool | null,
  context: BatchContext,
  progress: Progress,
  finished: (task: Task, outcome: Outcome) => Promise<void>,
): Promise<void> {
  if (!pool) {
    // A longer batch goes to one worker thread, replaced as those of JOBS > 1 are. Large reports
    // go there whatever the batch, so they do not count.
    const small = tasks.filter((t) => t.bytes <= LARGE_REPORT_BYTES);
    const here = small.reduce((work, t) => work + t.weight, 0) <= WORK_HERE ? small : [];
    const reports = new RecentReports();
    for (const task of here) await finished(task, await buildHere(task, context, progress, reports));
    const rest = tasks.filter((t) => !here.includes(t));
    if (rest.length === 0) return;
    pool = new BuilderPool(1, context.workerHeapMiB);
    try {
      await runOnThreads(rest, pool, context, progress, finished);
    } finally {
      await pool.close();
    }
    return;
  }
  await runOnThreads(tasks, pool, context, progress, finished);
}

/**
 * Whether a thread that built `previous` is replaced before it builds `next`: when `next` starts a
 * new round, so that each round starts on fresh threads as a batch of six does (a thread that has
 * worked lets its heap grow further before it collects, and a long batch would meet each round's
 * heaviest moment on such threads), and after a large report, which leaves its thread's heap grown.
 */
export function wantsFreshThread(previous: Task | undefined, next: Task): boolean {
  if (!previous) return false;
  return previous.bytes > LARGE_REPORT_BYTES || next.round !== previous.round;
}

/**
 * Which task of the queue a free thread takes (its index), or -1 to wait for a task to end. It
 * takes the first, unless that draws charts and `maxCharts` threads are drawing charts already:
 * then the first of that round that does not. Charts take the most memory, and two at once make
 * a batch's peak; a round's charts and its other tasks are about equal work, so a thread drawing
 * charts beside one building the rest costs no time. It waits only when the round has nothing
 * else left (taking from the next round would start it before this one's charts).
 */
export function pickTask(queue: readonly Task[], drawingCharts: number, maxCharts: number): number {
  if (queue.length === 0) return -1;
  const first = queue[0];
  if (!first.charts || drawingCharts < maxCharts) return 0;
  return queue.findIndex((task) => task.round === first.round && !task.charts);
}

async function runOnThreads(
  tasks: Task[],
  pool: BuilderPool,
  context: BatchContext,
  progress: Progress,
  finished: (task: Task, outcome: Outcome) => Promise<void>,
): Promise<void> {
  const queue = [...tasks];
  pool.start();
  const slots = pool.builders;
  // Half the threads at most draw charts at once (one of two).
  const maxCharts = Math.ceil(slots.length / 2);
  let drawingCharts = 0;
  // Threads waiting for a task to end, so that they can take one it held back.
  const waiting: Array<() => void> = [];
  const taskEnded = () => new Promise<void>((resolve) => waiting.push(resolve));
  await Promise.all(
    slots.map(async (_, slot) => {
      let previous: Task | undefined;
      while (queue.length > 0) {
        const index = pickTask(queue, drawingCharts, maxCharts);
        if (index < 0) {
          await taskEnded();
          continue;
        }
        const [task] = queue.splice(index, 1);
        if (task.charts) drawingCharts++;
        // A thread that stopped (out of memory) is replaced before it is given a task.
        if (wantsFreshThread(previous, task) && slots[slot].running) {
          // Stopped before its successor starts: both at once would hold two heaps for a while.
          await slots[slot].thread.terminate();
          slots[slot] = startBuilder(pool.heapMiB);
        }
        if (!slots[slot].running) slots[slot] = startBuilder(pool.heapMiB);
        previous = task;
        const outcome = await buildOnThread(slots[slot], slot + 1, task, context, progress);
        if (task.charts) drawingCharts--;
        for (const wake of waiting.splice(0)) wake();
        await finished(task, outcome);
      }
      pool.retire(slots[slot]);
    }),
  );
}
