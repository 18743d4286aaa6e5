import { isMainThread } from 'node:worker_threads';
import type { BriefsOptions } from './options.js';

/**
 * What the bundle runs (start.ts loads it): on the main thread, `make briefs`; on a worker
 * thread, the builder the batch sends tasks to (the tasks carry the options it needs).
 */
export async function run(options: BriefsOptions): Promise<void> {
  if (isMainThread) process.exitCode = await (await import('./run-cli.js')).runCli(options);
  else await import('../batch/worker.js');
}
