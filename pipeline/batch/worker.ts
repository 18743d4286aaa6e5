import { parentPort } from 'node:worker_threads';
import { describeError } from '../util/errors.js';
import { useSharedFonts } from '../util/font-bytes.js';
import type { FontsMessage } from './worker-thread.js';
import type { PreparedReport } from '../model/prepare-report.js';
import type { Job } from './batch.js';
import { runJob, type BatchContext } from './run-job.js';

/** A worker thread of the batch: builds the jobs it is sent, one at a time, and reports progress. */
interface JobMessage {
  job: Job;
  context: BatchContext;
  /** The report and its earlier one, when the batch has read them already (plain data, cloned). */
  prepared?: PreparedReport;
  earlier?: PreparedReport;
}

parentPort!.on('message', async (message: JobMessage | FontsMessage) => {
  if ('fonts' in message) {
    useSharedFonts(message.fonts);
    return;
  }
  const { job, context, prepared, earlier } = message;
  try {
    const result = await runJob(job, context, (stage) => parentPort!.postMessage({ type: 'stage', stage }), prepared, earlier);
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    if (context.debug) console.error(error);
    parentPort!.postMessage({ type: 'failed', error: describeError(error, job.file) });
  }
});
