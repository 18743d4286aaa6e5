import type { Worker } from 'node:worker_threads';
import type { ReportIdentity } from '../read/read-report.js';
import type { PreparedReport } from '../model/prepare-report.js';
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
 * read; a stopped thread gives its heap back at once. What comes back is the compact model
 * (cloned), or for a large report only its issuer and year. The heap is capped as a build
 * thread's is.
 */
export class ReaderThread {
  private thread: Worker | null = null;

  constructor(readonly heapMiB: number) {}

  /** A large report's issuer and year, without keeping its model (its build thread reads it whole). */
  async identify(file: string): Promise<ReportIdentity> {
    return (await this.ask({ identify: file }, 'its issuer and year')) as ReportIdentity;
  }

  /** The report read and modelled, as prepareReport gives it. */
  async prepare(file: string): Promise<PreparedReport> {
    return (await this.ask({ prepare: file }, 'it')) as PreparedReport;
  }

  private async ask(request: ReadRequest, what: string): Promise<unknown> {
    const file = 'identify' in request ? request.identify : request.prepare;
    const thread = (this.thread ??= workerThread(this.heapMiB));
    const answer = await askThread(thread, request);
    if ('message' in answer) {
      if (answer.message.type === 'read') return answer.message.read;
      throw new ThreadFailure(file, answer.message.error);
    }
    this.thread = null;
    const { error } = answer.stopped;
    throw error?.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new BriefsError(file, tooBigForThread(`reading ${what}`, this.heapMiB)) : (error ?? new BriefsError(file, 'the thread reading it stopped'));
  }

  async close(): Promise<void> {
    await this.thread?.terminate();
    this.thread = null;
  }
}
