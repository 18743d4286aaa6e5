import { Worker } from 'node:worker_threads';

/** A worker thread running a TypeScript module of ours (given as a URL relative to the caller). */
export function tsWorker(module: URL): Worker {
  return new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: { module: module.href } });
}
