import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { parseShard, reportsOfShard, type Shard } from '../corpus/shard.js';
import { readAudienceSettings, type AudienceSettings } from '../audiences/audience.js';
import { planBatch, recordJob, type ReportReader } from '../batch/batch.js';
import { ManifestRecords } from '../batch/incremental.js';
import { readIdentity } from '../read/read-report.js';
import { slugOf } from '../model/prepare-report.js';
import { separateSlugCollisions } from '../batch/slugs.js';
import { isWithin } from '../util/paths.js';
import { removeStaleTemporaries } from '../util/atomic-write.js';
import { pruneDeletedAudiences } from '../batch/prune-outputs.js';
import { checkReportFile } from '../read/read-report.js';
import { Progress } from '../batch/progress.js';
import { publicationsFor } from '../batch/publications.js';
import { acceptedPublications, selectPublications, SelectionError, type PlanSelection } from '../batch/selection.js';
import type { BatchContext } from '../batch/run-job.js';
import { ReaderThread } from '../batch/read-on-thread.js';
import { runTasks, type BuilderPool, type Outcome } from '../batch/run-tasks.js';
import { LARGE_REPORT_BYTES, splitIntoTasks, type Task } from '../batch/tasks.js';
import { describeError } from '../util/errors.js';
import type { BriefsOptions } from './options.js';

/** Extensions of reports in a SOURCE folder. */
const REPORT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);
/** The most reports a batch reads on the main thread (a preview's few; see buildBatch). */
const READ_HERE_AT_MOST = 3;

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

/**
 * The reports a batch may read: regular files of a sane size (a FIFO would hang the hashing),
 * one to a slug. What is refused is a problem named with its file.
 */
async function screenReports(files: string[]): Promise<{ files: string[]; problems: string[] }> {
  const problems: string[] = [];
  const regular: string[] = [];
  for (const file of files) {
    try {
      await checkReportFile(file);
      regular.push(file);
    } catch (error) {
      problems.push(describeError(error, file));
    }
  }
  const collisions = separateSlugCollisions(regular);
  return { files: collisions.files, problems: [...problems, ...collisions.errors] };
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

/**
 * `make briefs`: checks SOURCE, OUT and the templates, then builds the batch. `pool` holds the
 * worker threads (JOBS > 1), started already by the entry; none: this thread builds.
 */
export async function main(options: BriefsOptions, pool: BuilderPool | null): Promise<number> {
  const { source, outDir, templatesDir } = options;
  if (options.galleryOnly) return writeGallery(options);
  let shard: Shard | undefined;
  try {
    shard = parseShard(options.shard);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 2;
  }
  if (isWithin(resolve(source), resolve(outDir))) {
    console.error(`error: ${source}: SOURCE is OUT or inside it, so a build would read its own output as reports; keep the reports in another folder`);
    return 2;
  }
  let files: string[];
  try {
    files = await sourceFiles(source);
  } catch (error) {
    console.error(`error: ${(error as Error).message}`);
    return 2;
  }
  const screened = await screenReports(files);
  let settings: AudienceSettings;
  try {
    settings = await readAudienceSettings(templatesDir, options.audience);
  } catch (error) {
    console.error(`error: ${describeError(error, templatesDir)}`);
    return 2;
  }
  let selection: PlanSelection;
  try {
    // Checked against the publications these audiences make, with brief naming all the briefs.
    const names = publicationsFor(settings.audiences, true).map((p) => p.name);
    selection = { formats: options.formats, publication: selectPublications(options.publications, acceptedPublications(names, ['brief'])) };
  } catch (error) {
    if (!(error instanceof SelectionError)) throw error;
    console.error(`error: ${error.message}`);
    return 2;
  }
  try {
    await ensureWritable(outDir);
  } catch (error) {
    console.error(`error: ${outDir}: cannot write here (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); set OUT to a folder you can write`);
    return 2;
  }
  for (const leftover of await removeStaleTemporaries(outDir)) if (options.debug) console.error(`removed ${leftover}, left by a build that was stopped`);
  for (const brief of await pruneDeletedAudiences(outDir, templatesDir)) console.log(`removed ${brief}: its audience file is gone`);
  const toBuild = shard ? await filesOfShard(screened.files, shard) : screened.files;
  if (shard) console.log(`shard ${shard.index}/${shard.count}: ${toBuild.length} of ${screened.files.length} reports`);
  return buildBatch(toBuild, options, settings, pool, screened.problems, selection, shard);
}

/** The reports of one shard: each report's issuer read (without extraction) to keep an issuer's reports together. */
async function filesOfShard(files: string[], shard: Shard): Promise<string[]> {
  const reports = [];
  for (const file of files) {
    const issuer = await readIdentity(file).then((identity) => identity.issuer, () => null);
    reports.push({ file, issuer, bytes: (await stat(file)).size });
  }
  return reportsOfShard(reports, shard).map((r) => r.file);
}

/**
 * `make gallery`: the comparisons, series and index of OUT, from what the builds (one, or the
 * shards of one) wrote there.
 */
async function writeGallery(options: BriefsOptions): Promise<number> {
  if (!existsSync(options.outDir)) {
    console.error(`error: ${options.outDir}: OUT does not exist; build the reports (make briefs, or its shards) into it first`);
    return 2;
  }
  let settings: AudienceSettings;
  try {
    settings = await readAudienceSettings(options.templatesDir);
  } catch (error) {
    console.error(`error: ${describeError(error, options.templatesDir)}`);
    return 2;
  }
  const failures = await writeCorpusAndIndex(options, settings.audiences, (line) => console.log(line));
  for (const failure of failures) console.error(`error: ${failure}`);
  return failures.length ? 1 : 0;
}

/** The corpus publications (comparisons, series), then the gallery index: the last step of a whole build and all of `make gallery`. */
async function writeCorpusAndIndex(options: BriefsOptions, audiences: AudienceSettings['audiences'], say: (line: string) => void): Promise<string[]> {
  const { outDir, templatesDir } = options;
  const failures: string[] = [];
  try {
    const { writeCorpusPublications } = await import('../corpus/write-corpus-publications.js');
    const corpus = await writeCorpusPublications(outDir, templatesDir, { sourceDateEpoch: options.sourceDateEpoch, debug: options.debug });
    failures.push(...corpus.errors);
    const made = corpus.written.filter((f) => /\.pdf$/.test(f)).map((f) => basename(f, '.pdf'));
    if (made.length) say(`${outDir}: ${made.join(', ')}`);
    const gone = [...new Set(corpus.removed.filter((f) => /\.json$/.test(f)).map((f) => basename(f, '.json')))];
    if (gone.length) say(`${outDir}: removed ${gone.join(', ')} (fewer than three reports now)`);
  } catch (error) {
    if (options.debug) console.error(error);
    failures.push(describeError(error, outDir));
  }
  try {
    // Loaded only now: it subsets a font (fontkit), which the plan, done while the worker threads
    // start, has no need of.
    const { writeGalleryIndex } = await import('../batch/gallery/write-index.js');
    await writeGalleryIndex(outDir, new Map(audiences.map((a) => [`brief-${a.name}`, a.title])));
  } catch (error) {
    failures.push(describeError(error, join(outDir, 'index.html')));
  }
  return failures;
}

/** Plans the batch, builds what is stale, writes the gallery; says how many problems there were. */
async function buildBatch(files: string[], options: BriefsOptions, settings: AudienceSettings, pool: BuilderPool | null, problems: string[], selection: PlanSelection, shard?: Shard): Promise<number> {
  const { outDir, templatesDir } = options;
  const failures: string[] = [];
  // Reading the reports (those not built before) takes a while in a large batch: say so first.
  const progress = new Progress();
  progress.print(`checking ${files.length} report(s) in ${options.source}`, 'err');
  let plan: Awaited<ReturnType<typeof planBatch>>;
  const readerThread = new ReaderThread(options.workerHeapMiB);
  // A short batch (the preview) reads here, without waiting for a thread to start; a longer one,
  // and a large report, on a thread: this one lives through the batch, and its heap has no cap.
  const readsHere = files.length <= READ_HERE_AT_MOST;
  const reader: ReportReader = async (file) => (readsHere && (await stat(file)).size <= LARGE_REPORT_BYTES ? readIdentity(file) : readerThread.identify(file));
  try {
    plan = await planBatch(files, outDir, templatesDir, settings.audiences, { sourceDateEpoch: options.sourceDateEpoch, debug: options.debug, selection, reader, onChecked: (done, total) => progress.checked(done, total) });
  } catch (error) {
    progress.close(null);
    for (const problem of [...problems, ...settings.errors]) console.error(`error: ${problem}`);
    console.error(`error: ${describeError(error, outDir)}`);
    return 2;
  } finally {
    await readerThread.close();
  }

  const context: BatchContext = { outDir, templatesDir, topics: settings.topics, audiences: settings.audiences, sourceDateEpoch: options.sourceDateEpoch, formats: selection.formats, debug: options.debug, patches: options.patches, workerHeapMiB: options.workerHeapMiB };
  // Sizes only order the work: a file gone since it was read counts as empty (its build says why).
  const sizes = new Map(await Promise.all(plan.jobs.map(async (job) => [job.file, (await stat(job.file).catch(() => null))?.size ?? 0] as const)));
  const tasks = splitIntoTasks(plan.jobs, (file) => sizes.get(file) ?? 0);
  const threads = tasks.length > 1 && pool ? pool.size : 1;
  progress.start({ reports: plan.jobs.length, publications: tasks.reduce((n, t) => n + t.job.publications.length, 0), weight: tasks.reduce((w, t) => w + t.weight, 0), threads });
  const fail = (line: string) => {
    progress.error(line);
    failures.push(line);
  };
  for (const problem of [...problems, ...settings.errors, ...plan.failures]) fail(problem);
  for (const warning of plan.warnings) progress.warning(warning);
  const upToDate = selection.publication ? `up to date in what PUBLICATIONS=${options.publications} asks for` : 'up to date';
  for (const file of plan.upToDate) progress.print(`${file} → ${join(outDir, slugOf(file))}/ (${upToDate})`, 'out');

  // What each report's tasks made, gathered until its last task is done, then told in one line.
  const reports = new Map(plan.jobs.map((job) => [job.slug, { job, tasksLeft: 0, files: 0, publications: 0, errors: new Set<string>(), warnings: new Set<string>() }]));
  for (const task of tasks) reports.get(task.job.slug)!.tasksLeft++;
  let built = { reports: 0, publications: 0, files: 0 };
  const records = new ManifestRecords(outDir);
  const finished = async (task: Task, outcome: Outcome) => {
    const { job } = task;
    const report = reports.get(job.slug)!;
    if (outcome.error) report.errors.add(outcome.error);
    else {
      const result = outcome.result!;
      report.files += result.written.length;
      report.publications += Object.keys(result.outputs).filter((output) => output !== 'data').length;
      for (const warning of result.warnings) report.warnings.add(warning);
      for (const error of result.errors) report.errors.add(error);
      await recordJob(records, job, plan.identities.get(job.file)!, result).catch((error) => {
        report.errors.add(describeError(error, outDir));
      });
    }
    progress.taskDone(job.slug, job.publications, task.weight);
    if (--report.tasksLeft > 0) return;
    const seconds = progress.finish(job.slug);
    for (const warning of report.warnings) progress.warning(warning);
    for (const error of report.errors) fail(error);
    if (report.files === 0) return;
    built = { reports: built.reports + 1, publications: built.publications + report.publications, files: built.files + report.files };
    const reviewed = job.earlierFile ? `, targets of ${slugOf(job.earlierFile)} reviewed` : '';
    progress.print(`${job.file} → ${join(outDir, job.slug)}/ (${report.files} files${reviewed}, ${seconds.toFixed(1)} s)`, 'out');
  };
  // A single task is built here, without waiting for a thread to start.
  try {
    await runTasks(tasks, tasks.length > 1 ? pool : null, context, progress, finished);
  } finally {
    // The gallery, and the next build, read what the batch recorded.
    await records.flush().catch((error) => fail(describeError(error, outDir)));
  }
  const index = join(outDir, 'index.html');
  if (shard) {
    progress.print(`shard ${shard.index}/${shard.count} built; when every shard is done: make gallery OUT=${outDir}`, 'out');
  } else {
    // Briefs are named by their audiences' titles: all of them, whatever AUDIENCE built this time.
    const audiences = options.audience ? (await readAudienceSettings(templatesDir).catch(() => settings)).audiences : settings.audiences;
    for (const failure of await writeCorpusAndIndex(options, audiences, (line) => progress.print(line, 'out'))) fail(failure);
  }
  if (failures.length) {
    progress.print(`${failures.length} problem(s); the other reports were built:`, 'err');
    for (const f of failures) progress.print(`  ${f}`, 'err');
  }
  progress.close({ reportsBuilt: built.reports, upToDate: plan.upToDate.length, publications: built.publications, files: built.files, index });
  return failures.length ? 1 : 0;
}
