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
 * The work (estimated milliseconds, as Task.weight) a worker thread builds before a fresh one
 * takes its place: about three reports, a thread's share of a batch of six. Counted by weight, not
 * tasks, because a long batch starts with its heaviest tasks (charts): a thread of a batch of a
 * hundred then holds no more than one of a batch of six.
 */
const WORK_PER_THREAD = 7_000;

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
 * hands them out, and each worker thread takes the next task when it is free (this thread stays
 * free to answer at once). A task that outgrows a thread's heap fails with its report named; the
 * thread is replaced for the next task.
 */
export async function runTasks(
  tasks: Task[],
  pool: BuilderPool | null,
  context: BatchContext,
  progress: Progress,
  finished: (task: Task, outcome: Outcome) => Promise<void>,
): Promise<void> {
  if (!pool) {
    // A batch longer than one thread's share would leave this thread with the heap of all it
    // built: it goes to one worker thread, replaced as those of JOBS > 1 are. Large reports go
    // there whatever the batch, so they do not count.
    const small = tasks.filter((t) => t.bytes <= LARGE_REPORT_BYTES);
    const here = small.reduce((work, t) => work + t.weight, 0) <= WORK_PER_THREAD ? small : [];
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
  await Promise.all(
    slots.map(async (_, slot) => {
      let built = 0;
      for (let task = queue.shift(); task; task = queue.shift()) {
        // A thread that stopped (out of memory) is replaced before it is given a task; so is one
        // that has built its share, so that a thread's heap stays that of a short batch however long the batch.
        if (built >= WORK_PER_THREAD && slots[slot].running) {
          // Stopped before its successor starts: both at once would hold two heaps for a while.
          await slots[slot].thread.terminate();
          slots[slot] = startBuilder(pool.heapMiB);
          built = 0;
        }
        if (!slots[slot].running) slots[slot] = startBuilder(pool.heapMiB);
        // A large report leaves its thread's heap grown: the next task starts on a fresh thread.
        built += task.bytes > LARGE_REPORT_BYTES ? WORK_PER_THREAD : task.weight;
        await finished(task, await buildOnThread(slots[slot], slot + 1, task, context, progress));
      }
      pool.retire(slots[slot]);
    }),
  );
}
