import { parentPort } from 'node:worker_threads';
import { getHeapStatistics } from 'node:v8';
import { describeError } from '../util/errors.js';
import { useSharedFonts } from '../util/font-bytes.js';
import type { FontsMessage } from './worker-thread.js';
import type { Job } from './batch.js';
import { runJob, type BatchContext } from './run-job.js';
import { readIdentity } from '../read/read-report.js';
import { RecentReports } from './recent-reports.js';

/** A worker thread of the batch: builds the jobs it is sent, one at a time, and reports progress. */
interface JobMessage {
  job: Job;
  context: BatchContext;
}

/** Asks for a report read for the batch's plan: its issuer and year (see read-on-thread.ts). */
export type ReadRequest = { identify: string };

/** The reports this thread read for its last tasks. */
const recentReports = new RecentReports();

/**
 * Garbage a task may leave before the thread collects it, once the task has answered (`gc`: see
 * worker-thread.ts). V8 collects only when its limit, grown by earlier tasks, is reached: two
 * threads then reach their peaks together at moments that vary from run to run, and a long batch
 * meets more of them. Collected between tasks, the next task starts from the thread's live heap.
 */
const GARBAGE_ALLOWANCE = 16 * 2 ** 20;
const collect = (globalThis as { gc?: () => void }).gc;
let liveAfterCollection = 0;

function collectTaskGarbage(): void {
  if (!collect || getHeapStatistics().used_heap_size < liveAfterCollection + GARBAGE_ALLOWANCE) return;
  collect();
  liveAfterCollection = getHeapStatistics().used_heap_size;
}

parentPort!.on('message', async (message: JobMessage | FontsMessage | ReadRequest) => {
  if ('fonts' in message) useSharedFonts(message.fonts);
  else if ('identify' in message) await answerIdentify(message.identify);
  else await answerJob(message);
  collectTaskGarbage();
});

async function answerJob({ job, context }: JobMessage): Promise<void> {
  try {
    const result = await runJob(job, context, (stage) => parentPort!.postMessage({ type: 'stage', stage }), recentReports);
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    if (context.debug) console.error(error);
    parentPort!.postMessage({ type: 'failed', error: describeError(error, job.file) });
  }
}

async function answerIdentify(file: string): Promise<void> {
  try {
    parentPort!.postMessage({ type: 'read', read: await readIdentity(file) });
  } catch (error) {
    parentPort!.postMessage({ type: 'failed', error: describeError(error, file) });
  }
}
