import { isMainThread } from 'node:worker_threads';

/**
 * What the bundle runs (start.ts loads it): on the main thread, `make briefs`; on a worker
 * thread, the builder the batch sends tasks to.
 */
export async function run(): Promise<void> {
  if (isMainThread) process.exitCode = await (await import('./cli.js')).runCli();
  else await import('./build/worker.js');
}
