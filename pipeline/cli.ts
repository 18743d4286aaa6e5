import { readdir, stat } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAudienceSettings, type AudienceSettings } from './audiences/audience.js';
import { buildReport, prepareReport, type PreparedReport } from './build/build-report.js';
import { pairReports } from './review/pair-reports.js';
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
  // Read every report first: pairing the same issuer's reports of consecutive years needs them all.
  const prepared = new Map<string, PreparedReport>();
  for (const file of files) {
    try {
      prepared.set(file, await prepareReport(file));
    } catch (error) {
      if (process.env.DEBUG === '1') console.error(error);
      const line = describeError(error, file);
      console.error(`error: ${line}`);
      failures.push(line);
    }
  }
  const earlierOf = pairReports([...prepared.values()].map((p) => ({ slug: p.model.slug, issuer: p.model.issuer, year: p.model.year, model: p.model })));
  for (const [file, report] of prepared) {
    const started = Date.now();
    try {
      const earlier = earlierOf.get(report.model.slug)?.model;
      const result = await buildReport(file, { outDir, templatesDir, audiences: settings.audiences, topics: settings.topics, prepared: report, earlier });
      for (const warning of result.warnings) console.error(`warning: ${warning}`);
      for (const error of result.errors) {
        console.error(`error: ${error}`);
        failures.push(error);
      }
      const paired = earlier ? `, targets of ${earlier.slug} reviewed` : '';
      console.log(`${file} → ${join(outDir, result.slug)}/ (${result.written.length} files${paired}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      if (process.env.DEBUG === '1') console.error(error);
      const line = describeError(error, file);
      console.error(`error: ${line}`);
      failures.push(line);
    }
  }
  if (failures.length) {
    console.error(`${failures.length} problem(s); the other reports were built:`);
    for (const f of failures) console.error(`  ${f}`);
    return 1;
  }
  return 0;
}

process.exitCode = await main();
