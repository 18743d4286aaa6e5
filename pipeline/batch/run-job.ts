import type { Audience } from '../audiences/audience.js';
import type { Topics } from '../audiences/topics.js';
import type { PatchSettings } from '../patches/guard.js';
import { buildReport, type BuildResult } from './build-report.js';
import type { RecentReports } from './recent-reports.js';
import type { Job } from './batch.js';
import type { Format } from './selection.js';

/**
 * What every job of a batch is built with. The batch reads the topics and audiences once and
 * hands them to each thread as data: a worker thread that read them again spent some 50 ms of
 * its start parsing YAML, and could have read files changed since the batch was planned.
 */
export interface BatchContext {
  outDir: string;
  templatesDir: string;
  topics: Topics;
  /** The audiences whose briefs to build (all of them, or the one AUDIENCE names). */
  audiences: Audience[];
  /** SOURCE_DATE_EPOCH, the date written into documents, in seconds. */
  sourceDateEpoch?: number;
  /** FORMATS: the files of each publication to write. */
  formats: Format[];
  debug: boolean;
  patches: PatchSettings;
  /** A worker thread's old-generation cap in MiB (BRIEFS_WORKER_HEAP_MIB). */
  workerHeapMiB: number;
}

/**
 * Runs one job of a batch: builds what is stale. The report and its earlier one are read here,
 * on the thread that builds them (the plan read only whose and when each report is), through
 * the thread's recent reports: a report's other tasks on this thread read it no more.
 */
export async function runJob(job: Job, context: BatchContext, onStage: (stage: string) => void, reports: RecentReports): Promise<BuildResult> {
  const report = await reports.read(job.file);
  const earlier = job.earlierFile ? (await reports.read(job.earlierFile)).model : undefined;
  return buildReport(job.file, {
    outDir: context.outDir,
    templatesDir: context.templatesDir,
    audiences: context.audiences,
    topics: context.topics,
    sourceDateEpoch: context.sourceDateEpoch,
    debug: context.debug,
    patches: context.patches,
    prepared: report,
    earlier,
    only: job.publications,
    writeData: job.data,
    formats: context.formats,
    onStage,
  });
}
