// `make briefs` runs this. It starts what takes longest to start, then loads the rest.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { manifestPath } from './build/incremental.js';
import { BuilderPool } from './build/run-tasks.js';
import { tuneV8ForBuild } from './util/v8-flags.js';

// With more than one builder (JOBS, default: the cores), worker threads build and this thread
// hands out the work. Into an OUT that holds no record of a build, everything will be built: the
// threads start now, so that their loading the writers (about 0.4 s) runs while this thread
// loads the reader and plans. Else they start once the plan shows work: started for nothing,
// they would slow down a build that has nothing to do by half.
const builders = Number(process.env.JOBS) > 0 ? Math.floor(Number(process.env.JOBS)) : availableParallelism();
tuneV8ForBuild(builders);
const pool = builders > 1 ? new BuilderPool(builders) : null;
if (existsSync(process.env.SOURCE || 'source') && !existsSync(manifestPath(process.env.OUT || 'out'))) pool?.start();
try {
  const { main } = await import('./command.js');
  process.exitCode = await main(pool);
} finally {
  await pool?.close();
}
