import { existsSync } from 'node:fs';
import { manifestPath } from '../batch/incremental.js';
import { BuilderPool } from '../batch/run-tasks.js';
import type { BriefsOptions } from './options.js';

/**
 * `make briefs`, once start.ts has set up the thread: starts what takes longest to start, then
 * loads the rest, and builds. Says the exit status.
 *
 * With more than one builder (JOBS, default: the cores), worker threads build and this thread
 * hands out the work. Into an OUT that holds no record of a build, everything will be built: the
 * threads start now, so that their loading the writers runs while this thread loads the reader
 * and plans. Else they start once the plan shows work: started for nothing, they would slow down
 * a build that has nothing to do by half.
 */
export async function runCli(options: BriefsOptions): Promise<number> {
  if (options.command === 'audiences') return (await import('./list-audiences.js')).listAudiences(options.templatesDir);
  const pool = options.jobs > 1 ? new BuilderPool(options.jobs, options.workerHeapMiB) : null;
  if (existsSync(options.source) && !existsSync(manifestPath(options.outDir))) pool?.start();
  try {
    const { main } = await import('./command.js');
    return await main(options, pool);
  } finally {
    await pool?.close();
  }
}
