import { parentPort } from 'node:worker_threads';
import { describeError } from '../util/errors.js';
import type { Job } from './batch.js';
import { runJob, type JobContext } from './run-job.js';

/** A worker thread of the batch: builds the jobs it is sent, one at a time, and reports progress. */
parentPort!.on('message', async ({ job, context }: { job: Job; context: JobContext }) => {
  try {
    const result = await runJob(job, context, (stage) => parentPort!.postMessage({ type: 'stage', slug: job.slug, stage }));
    parentPort!.postMessage({ type: 'done', result });
  } catch (error) {
    if (process.env.DEBUG === '1') console.error(error);
    parentPort!.postMessage({ type: 'failed', error: describeError(error, job.file) });
  }
});
