import { REPO_ROOT } from './util/repo.js';
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
  const report = async (job: Job, outcome: { result?: BuildResult; error?: string }, started: number) => {
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
  // This thread builds reports too; the other builders are worker threads, started now that
  // the batch knows how many reports it has to build (none for one report, or for JOBS=1).
  const threads = Array.from({ length: Math.max(0, Math.min(builders, plan.jobs.length) - 1) }, () => workerThread('worker'));
  try {
    await runJobs(plan.jobs, threads, context, plan.prepared, progress, report);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  try {
    await writeGalleryIndex(outDir);
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
 * Builds the jobs, each builder taking the next report when it is free: this thread, and each of
 * the worker threads (JOBS in all, default the number of cores).
 */
async function runJobs(
  jobs: Job[],
  threads: Worker[],
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
  const onThread = (slot: number, job: Job) =>
    new Promise<Outcome>((resolve) => {
      const thread = threads[slot];
      const onMessage = (message: any) => {
        if (message.type === 'stage') progress.stage(job.slug, message.stage);
        else {
          thread.off('message', onMessage);
          thread.off('error', onError);
          resolve(message.type === 'done' ? { result: message.result } : { error: message.error });
        }
      };
      const onError = (error: Error) => {
        thread.off('message', onMessage);
        // A thread that died takes no more reports: a new one takes its place.
        void thread.terminate();
        threads[slot] = workerThread('worker');
        resolve({ error: describeError(error, job.file) });
      };
      thread.on('message', onMessage);
      thread.once('error', onError);
      thread.postMessage({ job, context, prepared: prepared.get(job.file), earlier: earlierOf(job) });
    });
  const builder = async (build: (job: Job) => Promise<Outcome>) => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      const started = Date.now();
      await report(job, await build(job), started);
    }
  };
  await Promise.all([...threads.map((_, slot) => builder((job) => onThread(slot, job))), builder(here)]);
}

process.exitCode = await main();
