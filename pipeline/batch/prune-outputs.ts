import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isWithin } from '../util/paths.js';
import { readManifest, updateManifest } from './incremental.js';

/** The audience a brief was made for (brief-media → media), or null for other publications. */
const audienceOf = (output: string) => output.match(/^brief-(.+)$/)?.[1] ?? null;

/**
 * Removes from OUT the briefs of audiences whose file is gone from templates/audiences/, and
 * drops them from the manifest, so the gallery no longer lists them. An audience left out by
 * AUDIENCE= still has its file: its briefs stay. Returns the files removed.
 */
export async function pruneDeletedAudiences(outDir: string, templatesDir: string): Promise<string[]> {
  const audiences = join(templatesDir, 'audiences');
  const gone = (output: string) => {
    const name = audienceOf(output);
    return name !== null && !existsSync(join(audiences, `${name}.yaml`)) && !existsSync(join(audiences, `${name}.yml`));
  };
  const manifest = await readManifest(outDir);
  if (!Object.values(manifest.reports).some((r) => Object.keys(r.outputs).some(gone))) return [];
  const removed: string[] = [];
  await updateManifest(outDir, (current) => {
    for (const record of Object.values(current.reports)) {
      for (const output of Object.keys(record.outputs).filter(gone)) {
        // Only files inside OUT: a manifest edited by hand must not make a build delete elsewhere.
        removed.push(...record.outputs[output].files.map((f) => join(outDir, f)).filter((f) => isWithin(f, outDir)));
        delete record.outputs[output];
      }
    }
  });
  await Promise.all(removed.map((file) => rm(file, { force: true })));
  return removed;
}

/** The files of a corpus publication (compare-<year>, series-<issuer>) in OUT, charts and thumbnail included. */
function corpusPublicationFiles(outDir: string, base: string): string[] {
  const charts = ['gdp', 'cpi', 'jobs', 'surveyed', 'registered', 'phrases'].map((key) => join(outDir, 'charts', `${base}-${key}.png`));
  return [...['json', 'csv', 'docx', 'pdf', 'html'].map((ext) => join(outDir, `${base}.${ext}`)), join(outDir, 'thumbs', `${base}.png`), ...charts];
}

/**
 * Removes the comparisons and series of OUT that a build no longer makes (a year or an issuer
 * that fell below three reports): the gallery lists what OUT holds, and must not list them.
 * `kept` holds the bases made this time (compare-2026, series-guangdong). Returns the files removed.
 */
export async function pruneCorpusPublications(outDir: string, kept: Set<string>): Promise<string[]> {
  const stale = new Set<string>();
  for (const name of await readdir(outDir).catch(() => [] as string[])) {
    const base = name.match(/^((?:compare|series)-.+)\.(?:json|csv|docx|pdf|html)$/)?.[1];
    if (base && !kept.has(base)) stale.add(base);
  }
  const removed: string[] = [];
  for (const base of stale) {
    for (const file of corpusPublicationFiles(outDir, base)) {
      if (existsSync(file)) {
        await rm(file, { force: true });
        removed.push(file);
      }
    }
  }
  return removed;
}
