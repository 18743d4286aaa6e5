import { basename, extname } from 'node:path';
import { buildReportModel, type ReportModel } from './report-model.js';
import { extractReportIndicators } from '../extract/extraction-stage.js';
import { readReport } from '../read/read-report.js';

// Reading needs none of the writers: the batch plans (reads, pairs, hashes) with this module
// alone, and loads the writers only when something is to be built.

/** A report read and modelled, ready to build (the batch reads every report first, to pair them). */
export interface PreparedReport {
  path: string;
  model: ReportModel;
}

/** Reads a report into its model: the reader's stages, then extraction. */
export async function prepareReport(path: string): Promise<PreparedReport> {
  const report = await readReport(path, [extractReportIndicators]);
  return { path, model: buildReportModel(report, slugOf(path)) };
}

/** out/<slug>/ takes the source file's name without its last extension. */
export function slugOf(path: string): string {
  return basename(path, extname(path));
}
