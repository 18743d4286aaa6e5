import { Worker } from 'node:worker_threads';
import { sharedFonts } from './font-bytes.js';

/**
 * A worker thread running one of our modules (`name`: a file of pipeline/build/, without its
 * extension). Run from the sources (tests, development) it is a TypeScript file, loaded through
 * tsx; run from the bundle `make briefs` builds, it is the bundle's entry of that name, beside
 * this code. The fonts follow as shared memory, in the thread's first message (see FontsMessage):
 * read once, whatever the number of threads, and read while the thread starts (71 MB, 50 ms).
 * `heapMiB` caps the thread's old generation (it dies with ERR_WORKER_OUT_OF_MEMORY past it).
 */
export function workerThread(name: string, heapMiB?: number): Worker {
  const resourceLimits = heapMiB ? { maxOldGenerationSizeMb: heapMiB } : undefined;
  const thread = import.meta.url.endsWith('.ts')
    ? new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits, workerData: { module: new URL(`../build/${name}.ts`, import.meta.url).href } })
    : new Worker(new URL(`./${name}.js`, import.meta.url), { resourceLimits });
  thread.postMessage({ fonts: sharedFonts() } satisfies FontsMessage);
  return thread;
}

/** A worker thread's first message: the font files' bytes, to pass to useSharedFonts. */
export interface FontsMessage {
  fonts: Record<string, SharedArrayBuffer>;
}
