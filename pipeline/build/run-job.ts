import { readAudienceSettings, type AudienceSettings } from '../audiences/audience.js';
import { buildReport, type BuildResult } from './build-report.js';
import { prepareReport, type PreparedReport } from './prepare-report.js';
import type { Job } from './batch.js';

export interface BatchContext {
  outDir: string;
  templatesDir: string;
  audience?: string;
}

let settings: { key: string; value: AudienceSettings } | null = null;

/**
 * Runs one job of a batch: builds what is stale. The report and its earlier one are taken as
 * the batch read them when it paired them; only a report the batch did not need to read (its
 * source unchanged) is read here.
 */
export async function runJob(job: Job, context: BatchContext, onStage: (stage: string) => void, prepared?: PreparedReport, earlierPrepared?: PreparedReport): Promise<BuildResult> {
  const key = `${context.templatesDir}\u0000${context.audience ?? ''}`;
  if (settings?.key !== key) settings = { key, value: await readAudienceSettings(context.templatesDir, context.audience) };
  const report = prepared ?? (await prepareReport(job.file));
  const earlier = job.earlierFile ? (earlierPrepared ?? (await prepareReport(job.earlierFile))).model : undefined;
  return buildReport(job.file, {
    outDir: context.outDir,
    templatesDir: context.templatesDir,
    audiences: settings.value.audiences,
    topics: settings.value.topics,
    prepared: report,
    earlier,
    only: job.publications,
    writeData: job.data,
    onStage,
  });
}
