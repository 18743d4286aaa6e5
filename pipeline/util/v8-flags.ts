import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** How many threads build (JOBS, default the cores): more than one, worker threads do. */
export function buildersWanted(): number {
  const jobs = Number(process.env.JOBS);
  return jobs > 0 ? Math.floor(jobs) : availableParallelism();
}

/**
 * V8's budget before a function is optimised. A build is short (seconds) and runs a lot of code
 * a few times. With V8's default (67 584), the optimising compiler's threads took 1.7 s of CPU
 * in a 3-s build of one report on one thread, and on worker threads they competed with the
 * builders for the cores: 1 200 000 made a fresh build of one report 3–5 % faster than 500 000
 * (medians of ten: 2.28 s against 2.35 s; CPU 3.75 s against 3.90 s).
 *
 * The same budget whatever JOBS is: V8 takes a code cache (code-cache.ts) only under the flags
 * it was made with, and one cache serves every thread. On one thread, with the cache, 500 000
 * (and a cache made under it) did no better: a batch of six in 7.80 s against 7.70 s, medians
 * of four, and 0.7 s more CPU.
 *
 * Set before any code of ours is compiled; worker threads share the process's flags.
 */
export function tuneV8ForBuild(): void {
  setFlagsFromString('--interrupt-budget=1200000');
}
