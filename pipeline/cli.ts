import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAudienceSettings, type AudienceSettings } from './audiences/audience.js';
import { availableParallelism } from 'node:os';
import { tsWorker } from './util/ts-worker.js';
import { planBatch, recordJob, type Job } from './build/batch.js';
import { slugOf, type BuildResult, type PreparedReport } from './build/build-report.js';
import { Progress } from './build/progress.js';
import { writeGalleryIndex } from './write/gallery/write-index.js';
import { runJob, type JobContext } from './build/run-job.js';
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
  const templatesDir = resolve(process.env.TEMPLATES || fileURLToPath(new URL('../templates', import.meta.url)));
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

  const jobs = Number(process.env.JOBS) > 0 ? Math.floor(Number(process.env.JOBS)) : availableParallelism();
  const context: JobContext = { outDir, templatesDir, audience: process.env.AUDIENCE || undefined };
  const progress = new Progress(plan.jobs.length);
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
    try {
      await recordJob(outDir, job, plan.identities.get(job.file)!, result);
    } catch (error) {
      const line = describeError(error, outDir);
      console.error(`error: ${line}`);
      failures.push(line);
    }
    const reviewed = job.earlierFile ? `, targets of ${slugOf(job.earlierFile)} reviewed` : '';
    console.log(`${job.file} → ${join(outDir, result.slug)}/ (${result.written.length} files${reviewed}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  };
  await runJobs(plan.jobs, Math.min(jobs, plan.jobs.length), context, plan.prepared, progress, report);
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

/**
 * Runs the jobs: in this thread when one at a time, else on worker threads (JOBS, default the
 * number of cores), each building one report at a time.
 */
async function runJobs(
  jobs: Job[],
  parallel: number,
  context: JobContext,
  prepared: Map<string, PreparedReport>,
  progress: Progress,
  report: (job: Job, outcome: { result?: BuildResult; error?: string }, started: number) => Promise<void>,
): Promise<void> {
  if (parallel <= 1) {
    for (const job of jobs) {
      const started = Date.now();
      try {
        const result = await runJob(job, context, (stage) => progress.stage(job.slug, stage), prepared.get(job.file), job.earlierFile ? prepared.get(job.earlierFile) : undefined);
        await report(job, { result }, started);
      } catch (error) {
        if (process.env.DEBUG === '1') console.error(error);
        await report(job, { error: describeError(error, job.file) }, started);
      }
    }
    return;
  }
  const queue = [...jobs];
  const workerUrl = new URL('./build/worker.ts', import.meta.url);
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const worker = tsWorker(workerUrl);
      try {
        for (let job = queue.shift(); job; job = queue.shift()) {
          const started = Date.now();
          const current = job;
          const outcome = await new Promise<{ result?: BuildResult; error?: string }>((resolve) => {
            const onMessage = (message: any) => {
              if (message.type === 'stage') progress.stage(message.slug, message.stage);
              else {
                worker.off('message', onMessage);
                worker.off('error', onError);
                resolve(message.type === 'done' ? { result: message.result } : { error: message.error });
              }
            };
            const onError = (error: Error) => {
              worker.off('message', onMessage);
              resolve({ error: describeError(error, current.file) });
            };
            worker.on('message', onMessage);
            worker.once('error', onError);
            worker.postMessage({ job: current, context, prepared: prepared.get(current.file), earlier: current.earlierFile ? prepared.get(current.earlierFile) : undefined });
          });
          await report(current, outcome, started);
        }
      } finally {
        await worker.terminate();
      }
    }),
  );
}

process.exitCode = await main();
