import { existsSync } from 'node:fs';
import { manifestPath } from './build/incremental.js';
import { BuilderPool, buildersWanted } from './build/run-tasks.js';

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
export async function runCli(): Promise<number> {
  const builders = buildersWanted();
  const pool = builders > 1 ? new BuilderPool(builders) : null;
  if (existsSync(process.env.SOURCE || 'source') && !existsSync(manifestPath(process.env.OUT || 'out'))) pool?.start();
  try {
    const { main } = await import('./command.js');
    return await main(pool);
  } finally {
    await pool?.close();
  }
}
