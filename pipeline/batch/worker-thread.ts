import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import { sharedFonts } from '../util/font-bytes.js';

/** A worker thread's young generation, in MiB (see workerThread). */
const YOUNG_GENERATION_MIB = 16;

/**
 * A worker thread running the builder (pipeline/batch/worker.ts). Run from the sources (tests,
 * development) it is the TypeScript file, loaded through tsx; run from the bundle `make briefs`
 * builds, the thread starts as the main thread did (the bundle's cli.js, beside this code, which
 * loads the bundle with its code cache), and the bundle runs the builder (see entry.ts). The
 * fonts follow as shared memory, in the thread's first message (see FontsMessage): read once,
 * whatever the number of threads, and read while the thread starts (71 MB, 50 ms).
 * `heapMiB` caps the thread's old generation (it dies with ERR_WORKER_OUT_OF_MEMORY past it).
 */
export function workerThread(heapMiB?: number): Worker {
  exposeCollector();
  // A small young generation: V8's default gives each thread tens of MiB of nursery it seldom
  // needs, paid once per thread; the cost is a few percent more collections.
  const resourceLimits = heapMiB ? { maxOldGenerationSizeMb: heapMiB, maxYoungGenerationSizeMb: YOUNG_GENERATION_MIB } : undefined;
  const thread = import.meta.url.endsWith('.ts')
    ? new Worker(new URL('./worker-entry.mjs', import.meta.url), { resourceLimits, workerData: { module: new URL('./worker.ts', import.meta.url).href } })
    : new Worker(new URL('./cli.js', import.meta.url), { resourceLimits });
  thread.postMessage({ fonts: sharedFonts() } satisfies FontsMessage);
  return thread;
}

let collectorExposed = false;

/**
 * Gives the threads made from now on a global `gc`, so that a thread can collect its garbage
 * between tasks (see worker.ts). V8 installs it in isolates made after the flag is set; this
 * thread, made before, keeps none.
 */
function exposeCollector(): void {
  if (collectorExposed) return;
  setFlagsFromString('--expose-gc');
  collectorExposed = true;
}

/** What a report that outgrew a thread's heap cap is told, `what` saying what was being built. */
export function tooBigForThread(what: string, heapMiB: number): string {
  return `too big to build (${what}) within a build thread's ${heapMiB} MiB memory cap; split the report, or raise BRIEFS_WORKER_HEAP_MIB`;
}

/** A worker thread's first message: the font files' bytes, to pass to useSharedFonts. */
export interface FontsMessage {
  fonts: Record<string, SharedArrayBuffer>;
}

/** How a worker thread answered one request: its answering message, or how it stopped (with the error it raised, if any). */
export type ThreadAnswer = { message: any } | { stopped: { error: (Error & { code?: string }) | null; code: number } };

/**
 * Posts one request to a worker thread and waits for its answer: the first message `isAnswer`
 * accepts (others, such as progress, go to `onOther`), or the thread's exit.
 */
export function askThread(thread: Worker, request: unknown, isAnswer: (message: any) => boolean = () => true, onOther: (message: any) => void = () => {}): Promise<ThreadAnswer> {
  return new Promise((resolve) => {
    let failure: (Error & { code?: string }) | null = null;
    const onMessage = (message: any) => {
      if (!isAnswer(message)) return onOther(message);
      done();
      resolve({ message });
    };
    const onError = (error: Error & { code?: string }) => (failure = error);
    const onExit = (code: number) => {
      done();
      resolve({ stopped: { error: failure, code } });
    };
    const done = () => {
      thread.off('message', onMessage);
      thread.off('error', onError);
      thread.off('exit', onExit);
    };
    thread.on('message', onMessage);
    thread.on('error', onError);
    thread.on('exit', onExit);
    thread.postMessage(request);
  });
}
