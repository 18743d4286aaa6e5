import { Worker } from 'node:worker_threads';
import { sharedFonts } from './font-cache.js';

/**
 * A worker thread running one of our modules (`name`: a file of pipeline/build/, without its
 * extension). Run from the sources (tests, development) it is a TypeScript file, loaded through
 * tsx; run from the bundle `make briefs` builds, it is the bundle's entry of that name, beside
 * this code. The fonts go along as shared memory: read once, whatever the number of threads.
 */
export function workerThread(name: string): Worker {
  const workerData = { fonts: sharedFonts() };
  if (import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { ...workerData, module: new URL(`../build/${name}.ts`, import.meta.url).href } });
  }
  return new Worker(new URL(`./${name}.js`, import.meta.url), { workerData });
}
