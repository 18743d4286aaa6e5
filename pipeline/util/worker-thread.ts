import { Worker } from 'node:worker_threads';
import { sharedFonts } from './font-bytes.js';

/**
 * A worker thread running one of our modules (`name`: a file of pipeline/build/, without its
 * extension). Run from the sources (tests, development) it is a TypeScript file, loaded through
 * tsx; run from the bundle `make briefs` builds, it is the bundle's entry of that name, beside
 * this code. The fonts go along as shared memory: read once, whatever the number of threads.
 * `heapMiB` caps the thread's old generation (it dies with ERR_WORKER_OUT_OF_MEMORY past it).
 */
export function workerThread(name: string, heapMiB?: number): Worker {
  const workerData = { fonts: sharedFonts() };
  const resourceLimits = heapMiB ? { maxOldGenerationSizeMb: heapMiB } : undefined;
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits, workerData: { ...workerData, module: new URL(`../build/${name}.ts`, import.meta.url).href } });
  }
  return new Worker(new URL(`./${name}.js`, import.meta.url), { resourceLimits, workerData });
}
