import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { patchesOff, type PatchSettings } from '../patches/guard.js';
import { REPO_ROOT } from '../util/repo.js';

/** Everything `make briefs` takes from the environment, read once here and passed down. */
export interface BriefsOptions {
  /** SOURCE: a folder of reports, or one report. */
  source: string;
  /** OUT: where the publications go. */
  outDir: string;
  /** TEMPLATES: another templates folder (a copy to edit); default the repo's own. */
  templatesDir: string;
  /** AUDIENCE: build the briefs of this audience only. */
  audience?: string;
  /** JOBS: how many threads build (default the cores); more than one, worker threads do. */
  jobs: number;
  /** BRIEFS_WORKER_HEAP_MIB: a worker thread's old-generation cap (the tests make it small). */
  workerHeapMiB: number;
  /** SOURCE_DATE_EPOCH: the date written into documents, in seconds. */
  sourceDateEpoch?: number;
  /** DEBUG=1: stack traces with errors; patches that stay off say why. */
  debug: boolean;
  /** BRIEFS_PATCHES=off (all) or off:name,…: patches to leave off. */
  patches: PatchSettings;
  /** BRIEFS_CODE_CACHE=write: `make` builds once to make the code cache. */
  writeCodeCache: boolean;
  /** SHARD=k/n as written: build the k-th of n shards of SOURCE (checked by the command). */
  shard?: string;
  /** `make gallery`: build no report; write the comparisons, series and index from what OUT holds. */
  galleryOnly: boolean;
}

/**
 * A worker thread's old generation, in MiB. V8 sizes its collections by this cap: at 192 MiB a
 * batch made a third more full collections than at 1024 MiB, and took 6 % longer. A task that
 * needs more is built again on the main thread, which has no cap.
 */
const WORKER_HEAP_MIB = 1024;

export function readOptions(env: NodeJS.ProcessEnv): BriefsOptions {
  const jobs = Number(env.JOBS);
  const debug = env.DEBUG === '1';
  return {
    source: env.SOURCE || 'source',
    outDir: env.OUT || 'out',
    templatesDir: resolve(env.TEMPLATES || join(REPO_ROOT, 'templates')),
    audience: env.AUDIENCE || undefined,
    jobs: jobs > 0 ? Math.floor(jobs) : availableParallelism(),
    workerHeapMiB: Number(env.BRIEFS_WORKER_HEAP_MIB) || WORKER_HEAP_MIB,
    sourceDateEpoch: env.SOURCE_DATE_EPOCH && /^\d+$/.test(env.SOURCE_DATE_EPOCH) ? Number(env.SOURCE_DATE_EPOCH) : undefined,
    debug,
    patches: { off: patchesOff(env.BRIEFS_PATCHES), debug },
    writeCodeCache: env.BRIEFS_CODE_CACHE === 'write',
    shard: env.SHARD || undefined,
    galleryOnly: env.BRIEFS_GALLERY === '1',
  };
}
