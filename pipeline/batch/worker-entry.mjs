// A worker thread run from the sources starts in plain Node: register tsx first, then load the
// TypeScript module the thread runs (workerData.module, a file URL).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
