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

/** Asks for a report's issuer and year only (a large report, read off the main thread: see identify-on-thread.ts). */
export interface IdentifyMessage {
  identify: string;
}

parentPort!.on('message', async (message: JobMessage | FontsMessage | IdentifyMessage) => {
  if ('fonts' in message) {
    useSharedFonts(message.fonts);
    return;
  }
  if ('identify' in message) {
    try {
      const { readReport } = await import('../read/read-report.js');
      parentPort!.postMessage({ type: 'identity', identity: (await readReport(message.identify)).identity });
    } catch (error) {
      parentPort!.postMessage({ type: 'failed', error: describeError(error, message.identify) });
    }
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
