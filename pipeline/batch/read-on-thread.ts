import type { Worker } from 'node:worker_threads';
import type { ReportIdentity } from '../read/read-report.js';
import { BriefsError } from '../util/errors.js';
import { askThread, tooBigForThread, workerThread } from './worker-thread.js';
import type { ReadRequest } from './worker.js';

/** A line the thread wrote already, naming the report: told as it is. */
class ThreadFailure extends BriefsError {
  override get oneLine(): string {
    return this.message;
  }
}

/**
 * Reads reports for the batch's plan on a worker thread of its own, stopped once the batch is
 * planned. Reading leaves garbage in the heap that reads, and the main thread, idle while the
 * build threads work, would keep that memory through the whole batch, more the more reports it
 * read; a stopped thread gives its heap back at once. What comes back is each report's issuer
 * and year. The heap is capped as a build thread's is.
 */
export class ReaderThread {
  private thread: Worker | null = null;

  constructor(readonly heapMiB: number) {}

  /** A report's issuer and year, without its model (the thread that builds it reads it whole). */
  async identify(file: string): Promise<ReportIdentity> {
    const thread = (this.thread ??= workerThread(this.heapMiB));
    const answer = await askThread(thread, { identify: file } satisfies ReadRequest);
    if ('message' in answer) {
      if (answer.message.type === 'read') return answer.message.read as ReportIdentity;
      throw new ThreadFailure(file, answer.message.error);
    }
    this.thread = null;
    const { error } = answer.stopped;
    throw error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new BriefsError(file, tooBigForThread('reading its issuer and year', this.heapMiB)) : (error ?? new BriefsError(file, 'the thread reading it stopped'));
  }

  async close(): Promise<void> {
    await this.thread?.terminate();
    this.thread = null;
  }
}
