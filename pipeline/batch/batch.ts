import { join, relative } from 'node:path';
import { readIdentity, type ReportIdentity } from '../read/read-report.js';
import type { Audience } from '../audiences/audience.js';
import { pairReports, sameIdentityGroups } from '../review/pair-reports.js';
import { describeError } from '../util/errors.js';
import type { BuildResult } from './build-report.js';
import { slugOf } from '../model/prepare-report.js';
import { hashFile, hashOf, readManifest, toolHash, upToDate, type ManifestRecords, type ReportRecord } from './incremental.js';
import { publicationsFor } from './publications.js';
import { hasFormats, selected, type PlanSelection } from './selection.js';

/** One report's work in a batch: what to rebuild, and with which earlier report. */
export interface Job {
  file: string;
  slug: string;
  earlierFile?: string;
  /** Publications to rebuild; the others are up to date. */
  publications: string[];
  /** Charts and exports (indicators.json/csv, targets-review.json) to rewrite. */
  data: boolean;
  keys: Record<string, string>;
}

export interface BatchPlan {
  jobs: Job[];
  upToDate: string[];
  failures: string[];
  /** Problems of the batch as a whole, for the user: reports that claim one issuer and year. */
  warnings: string[];
  identities: Map<string, ReportRecord>;
}

/** How the plan reads a report: for its issuer and year only (its build thread reads it whole). */
export type ReportReader = (file: string) => Promise<ReportIdentity>;

async function sourceHash(file: string): Promise<string> {
  return hashOf(await hashFile(file), await hashFile(file.replace(/\.[^./]+$/, '.yaml')));
}

/**
 * Decides what a batch must do: every report is hashed; a report whose source is unchanged keeps
 * the identity recorded for it (no reading needed to pair it); each output's key covers its
 * source, template, audience and topics files, the earlier report, the date and the tool.
 * The plan keeps no report's model: a batch of a thousand holds a thousand identities, and the
 * threads read the reports as they build them.
 */
export async function planBatch(
  files: string[],
  outDir: string,
  templatesDir: string,
  audiences: Audience[],
  settings: {
    sourceDateEpoch?: number;
    debug: boolean;
    selection?: PlanSelection;
    onChecked?: (done: number, total: number) => void;
    /** Reads the reports (off this thread, in a batch: see ReaderThread); else here. */
    reader?: ReportReader;
  },
): Promise<BatchPlan> {
  const manifest = await readManifest(outDir);
  const tool = await toolHash();
  const topicsHash = await hashFile(join(templatesDir, 'topics.yaml'));
  // Templates and audience files are shared by every report: hash each once per batch.
  const fileHashes = new Map<string, Promise<string>>();
  const hashOnce = (path: string) => {
    if (!fileHashes.has(path)) fileHashes.set(path, hashFile(path));
    return fileHashes.get(path)!;
  };
  const epoch = String(settings.sourceDateEpoch ?? '');
  const failures: string[] = [];
  const identities = new Map<string, ReportRecord>();
  const hashes = new Map<string, string>();
  const reader = settings.reader ?? readIdentity;

  for (const [i, file] of files.entries()) {
    settings.onChecked?.(i, files.length);
    const slug = slugOf(file);
    const hash = await sourceHash(file);
    hashes.set(file, hash);
    const recorded = manifest.reports[slug];
    if (recorded && recorded.sourceHash === hash) {
      identities.set(file, recorded);
      continue;
    }
    try {
      const identity = await reader(file);
      identities.set(file, { sourceHash: hash, issuer: identity.issuer, year: identity.year, outputs: {} });
    } catch (error) {
      if (settings.debug) console.error(error);
      failures.push(describeError(error, file));
    }
  }

  const reports = [...identities].map(([file, r]) => ({ slug: slugOf(file), issuer: r.issuer, year: r.year, file }));
  const warnings = sameIdentityGroups(reports).map(
    (group) =>
      `${group.map((r) => r.file).join(' and ')} are all ${group[0].issuer}’s report of ${group[0].year}; the targets review uses ${group[0].file} (if one is another year or issuer, write issuer: and year: in a .yaml beside it)`,
  );
  const pairs = pairReports(reports);
  const jobs: Job[] = [];
  const fresh: string[] = [];
  for (const [file, identity] of identities) {
    const slug = slugOf(file);
    const earlier = pairs.get(slug);
    const earlierHash = earlier ? hashes.get(earlier.file) ?? '' : '';
    const base = hashOf(tool, identity.sourceHash, earlierHash, epoch);
    const keys: Record<string, string> = { data: base };
    for (const publication of publicationsFor(audiences, Boolean(earlier))) {
      const template = await hashOnce(join(templatesDir, publication.template));
      const audience = publication.audience && publication.audience.file !== '(built in)' ? await hashOnce(publication.audience.file) : '';
      keys[publication.name] = hashOf(base, template, audience, publication.audience ? topicsHash : '');
    }
    const recorded = manifest.reports[slug];
    const stale = Object.keys(keys).filter((output) => selected(output, settings.selection) && !(upToDate(outDir, recorded, output, keys[output]) && hasFormats(recorded, output, settings.selection)));
    if (stale.length === 0) {
      fresh.push(file);
      continue;
    }
    jobs.push({ file, slug, earlierFile: earlier?.file, publications: stale.filter((s) => s !== 'data'), data: stale.includes('data'), keys });
  }
  return { jobs, upToDate: fresh, failures, warnings, identities };
}

/** Records what a job wrote, so the next batch knows it is up to date. */
export function recordJob(records: ManifestRecords, job: Job, identity: ReportRecord, result: BuildResult): Promise<void> {
  const { outDir } = records;
  return records.record((manifest) => {
    const previous = manifest.reports[job.slug];
    const outputs = previous && previous.sourceHash === identity.sourceHash ? { ...previous.outputs } : {};
    for (const [output, files] of Object.entries(result.outputs)) outputs[output] = { key: job.keys[output], files: files.map((f) => relative(outDir, f)) };
    for (const [output, error] of Object.entries(result.failed ?? {})) outputs[output] = { key: '', files: [], error };
    manifest.reports[job.slug] = { sourceHash: identity.sourceHash, issuer: identity.issuer, year: identity.year, outputs };
  });
}
