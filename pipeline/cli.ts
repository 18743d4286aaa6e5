import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { readAudienceSettings, type AudienceSettings } from './audiences/audience.js';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { workerThread } from './util/worker-thread.js';
import { planBatch, recordJob, type Job } from './build/batch.js';
import { slugOf, type BuildResult, type PreparedReport } from './build/build-report.js';
import { Progress } from './build/progress.js';
import { writeGalleryIndex } from './write/gallery/write-index.js';
import { runJob, type BatchContext } from './build/run-job.js';
import { describeError } from './util/errors.js';
import { REPO_ROOT } from './util/repo.js';

/** Extensions of reports in a SOURCE folder. */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

async function sourceFiles(source: string): Promise<string[]> {
  let info;
  try {
    info = await stat(source);
  } catch {
    throw new Error(`${source}: SOURCE does not exist (give a folder of reports or one report file)`);
  }
  if (info.isFile()) return [source];
  const names = (await readdir(source)).filter((n) => REPORT_EXTENSIONS.has(extname(n).toLowerCase()) && !n.startsWith('.')).sort();
  if (names.length === 0) throw new Error(`${source}: no reports here (.txt, .md, .html)`);
  return names.map((n) => join(source, n));
}

/** OUT must be a folder we can write into: found out before any work, not halfway through. */
async function ensureWritable(outDir: string): Promise<void> {
  // One level at a time: Node's recursive mkdir never returns on some special file systems (/proc).
  const missing: string[] = [];
  for (let dir = resolve(outDir); ; dir = dirname(dir)) {
    try {
      if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(dir) === dir) throw error;
      missing.unshift(dir);
    }
  }
  for (const dir of missing) await mkdir(dir);
  const probe = join(outDir, `.briefs-probe-${process.pid}`);
  await writeFile(probe, '');
  await rm(probe, { force: true });
}

export async function main(): Promise<number> {
  const source = process.env.SOURCE || 'source';
  const outDir = process.env.OUT || 'out';
  // TEMPLATES points at another templates folder (a copy to edit); default: the repo's own.
  const templatesDir = resolve(process.env.TEMPLATES || join(REPO_ROOT, 'templates'));
  let files: string[];
  try {
    files = await sourceFiles(source);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 2;
  }
  try {
    await ensureWritable(outDir);
  } catch (error) {
    console.error(`error: ${outDir}: cannot write here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set OUT to a folder you can write`);
    return 2;
  }
  let settings: AudienceSettings;
  try {
    settings = await readAudienceSettings(templatesDir, process.env.AUDIENCE || undefined);
  } catch (error) {
    console.error(`error: ${describeError(error, templatesDir)}`);
    return 2;
  }
  const builders = Number(process.env.JOBS) > 0 ? Math.floor(Number(process.env.JOBS)) : availableParallelism();
  return buildBatch(files, outDir, templatesDir, settings, builders);
}

/** Plans the batch, builds what is stale, writes the gallery; says how many problems there were. */
async function buildBatch(files: string[], outDir: string, templatesDir: string, settings: AudienceSettings, builders: number): Promise<number> {
  const failures: string[] = [];
  for (const error of settings.errors) {
    console.error(`error: ${error}`);
    failures.push(error);
  }
  let plan: Awaited<ReturnType<typeof planBatch>>;
  try {
    plan = await planBatch(files, outDir, templatesDir, settings.audiences);
  } catch (error) {
    console.error(`error: ${describeError(error, outDir)}`);
    return 2;
  }
  for (const failure of plan.failures) {
    console.error(`error: ${failure}`);
    failures.push(failure);
  }
  for (const file of plan.upToDate) console.log(`${file} → ${join(outDir, slugOf(file))}/ (up to date)`);

  const context: BatchContext = { outDir, templatesDir, audience: process.env.AUDIENCE || undefined };
  const progress = new Progress(plan.jobs.length);
  // Manifest updates one at a time: two reports may finish together, and each rewrites the manifest.
  let recording = Promise.resolve();
  const report = async (job: Job, outcome: Outcome, started: number) => {
    progress.finish(job.slug);
    progress.clear();
    if (outcome.error) {
      console.error(`error: ${outcome.error}`);
      failures.push(outcome.error);
      return;
    }
    const result = outcome.result!;
    for (const warning of result.warnings) console.error(`warning: ${warning}`);
    for (const error of result.errors) {
      console.error(`error: ${error}`);
      failures.push(error);
    }
    recording = recording.then(() =>
      recordJob(outDir, job, plan.identities.get(job.file)!, result).catch((error) => {
        const line = describeError(error, outDir);
        console.error(`error: ${line}`);
        failures.push(line);
      }),
    );
    await recording;
    const reviewed = job.earlierFile ? `, targets of ${slugOf(job.earlierFile)} reviewed` : '';
    console.log(`${job.file} → ${join(outDir, result.slug)}/ (${result.written.length} files${reviewed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  // With more than one report and more than one builder (JOBS), worker threads build the
  // reports and this thread hands them out; else this thread builds them itself.
  await runJobs(plan.jobs, plan.jobs.length > 1 && builders > 1 ? Math.min(builders, plan.jobs.length) : 0, context, plan.prepared, progress, report);
  try {
    // Briefs are named by their audiences' titles: all of them, whatever AUDIENCE built this time.
    const audiences = process.env.AUDIENCE ? (await readAudienceSettings(templatesDir).catch(() => settings)).audiences : settings.audiences;
    await writeGalleryIndex(outDir, new Map(audiences.map((a) => [`brief-${a.name}`, a.title])));
  } catch (error) {
    const line = describeError(error, join(outDir, 'index.html'));
    console.error(`error: ${line}`);
    failures.push(line);
  }
  if (failures.length) {
    console.error(`${failures.length} problem(s); the other reports were built:`);
    for (const f of failures) console.error(`  ${f}`);
    return 1;
  }
  return 0;
}

type Outcome = { result?: BuildResult; error?: string };

/**
 * The old generation of a worker thread, in MiB. A report of up to about 400 KB builds within it
 * (the corpus's take 40–130 MiB); capped, two threads and this one stay within 600 MiB, where
 * V8, left alone, lets each heap grow to twice what it holds. A report that needs more makes its
 * thread run out of memory, and is built again on this thread, which has no such cap.
 * (BRIEFS_WORKER_HEAP_MIB sets another cap: the tests make every report too big with it.)
 */
const WORKER_HEAP_MIB = Number(process.env.BRIEFS_WORKER_HEAP_MIB) || 192;

/** A worker thread, and whether it still runs (a thread that ran out of memory has stopped). */
interface Builder {
  thread: Worker;
  running: boolean;
}

function startBuilder(): Builder {
  const builder = { thread: workerThread('worker', WORKER_HEAP_MIB), running: true };
  // Its errors are the job's (below); one that happens while it waits must not end the process.
  builder.thread.on('error', () => {});
  builder.thread.once('exit', () => {
    builder.running = false;
  });
  return builder;
}

/**
 * Builds the jobs: on this thread when there are no worker threads (`threads` 0); else each
 * worker thread takes the next report when it is free, and a report too big for a worker's heap
 * is built here.
 */
async function runJobs(
  jobs: Job[],
  threads: number,
  context: BatchContext,
  prepared: Map<string, PreparedReport>,
  progress: Progress,
  report: (job: Job, outcome: Outcome, started: number) => Promise<void>,
): Promise<void> {
  const queue = [...jobs];
  const earlierOf = (job: Job) => (job.earlierFile ? prepared.get(job.earlierFile) : undefined);
  const here = async (job: Job): Promise<Outcome> => {
    try {
      return { result: await runJob(job, context, (stage) => progress.stage(job.slug, stage), prepared.get(job.file), earlierOf(job)) };
    } catch (error) {
      if (process.env.DEBUG === '1') console.error(error);
      return { error: describeError(error, job.file) };
    }
  };
  if (threads === 0) {
    for (const job of queue) {
      const started = Date.now();
      await report(job, await here(job), started);
    }
    return;
  }
  const onThread = (builder: Builder, job: Job) =>
    new Promise<Outcome & { outOfMemory?: boolean }>((resolve) => {
      const { thread } = builder;
      let failure: (Error & { code?: string }) | null = null;
      const onMessage = (message: any) => {
        if (message.type === 'stage') progress.stage(job.slug, message.stage);
        else {
          done();
          resolve(message.type === 'done' ? { result: message.result } : { error: message.error });
        }
      };
      const onError = (error: Error & { code?: string }) => (failure = error);
      const onExit = (code: number) => {
        done();
        resolve({ error: describeError(failure ?? new Error(`worker thread stopped (exit code ${code})`), job.file), outOfMemory: failure?.code === 'ERR_WORKER_OUT_OF_MEMORY' });
      };
      const done = () => {
        thread.off('message', onMessage);
        thread.off('error', onError);
        thread.off('exit', onExit);
      };
      thread.on('message', onMessage);
      thread.on('error', onError);
      thread.on('exit', onExit);
      // A thread that stopped since it was checked will never answer: its exit was the answer.
      if (!builder.running) onExit(1);
      else thread.postMessage({ job, context, prepared: prepared.get(job.file), earlier: earlierOf(job) });
    });
  const pool = Array.from({ length: threads }, startBuilder);
  try {
    await Promise.all(
      pool.map(async (_, slot) => {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const started = Date.now();
          // A thread that stopped is replaced before it is given a report.
          if (!pool[slot].running) pool[slot] = startBuilder();
          let outcome = await onThread(pool[slot], job);
          if (outcome.outOfMemory) {
            progress.clear();
            console.error(`warning: ${job.file}: too big for a worker thread's ${WORKER_HEAP_MIB} MiB heap; built on the main thread`);
            outcome = await here(job);
          }
          await report(job, outcome, started);
        }
      }),
    );
  } finally {
    await Promise.all(pool.map(({ thread }) => thread.terminate()));
  }
}

process.exitCode = await main();
