import type { Worker } from 'node:worker_threads';
import type { ReportIdentity } from '../read/read-report.js';
import { BriefsError } from '../util/errors.js';
import { askThread, workerThread } from './worker-thread.js';

/** A line the thread wrote already, naming the report: told as it is. */
class ThreadFailure extends BriefsError {
  override get oneLine(): string {
    return this.message;
  }
}

/**
 * Reads large reports' issuers and years on a worker thread of their own, stopped once the
 * batch is planned: reading a report of megabytes leaves hundreds of megabytes of garbage in the
 * heap that reads it, and the main thread, idle while the build threads work, would keep it
 * through the whole batch. A stopped thread gives its heap back at once. The thread's heap is
 * capped as a build thread's is.
 */
export class IdentifyThread {
  private thread: Worker | null = null;

  constructor(readonly heapMiB: number) {}

  async identify(file: string): Promise<ReportIdentity> {
    const thread = (this.thread ??= workerThread(this.heapMiB));
    const answer = await askThread(thread, { identify: file });
    if ('message' in answer) {
      if (answer.message.type === 'identity') return answer.message.identity as ReportIdentity;
      throw new ThreadFailure(file, answer.message.error);
    }
    this.thread = null;
    const { error } = answer.stopped;
    throw error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new BriefsError(file, `too big to build (reading its issuer and year) within a build thread's ${this.heapMiB} MiB memory cap; split the report, or raise BRIEFS_WORKER_HEAP_MIB`) : (error ?? new BriefsError(file, 'the thread reading it stopped'));
  }

  async close(): Promise<void> {
    await this.thread?.terminate();
    this.thread = null;
  }
}
