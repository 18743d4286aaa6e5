import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAudienceSettings } from './audiences/audience.js';
import { buildReport } from './build/build-report.js';

/**
 * `make bench`: figures for notes, never for tests. Per-stage times of one report; a fresh and a
 * second (incremental) build through the CLI; a batch of six with JOBS=1 and JOBS=2; peak memory;
 * and pandoc + LibreOffice making a DOCX and a PDF of the same full text, when they are installed.
 */
const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const templatesDir = join(root, 'templates');
const report = process.env.BENCH_REPORT || join(root, 'source', 'dalian-2018.txt');
const tsx = join(root, 'node_modules', '.bin', 'tsx');
const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;

function timed(command: string, args: string[], env: Record<string, string> = {}): { ms: number; maxRssMiB: number | null; ok: boolean } {
  const time = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', '%M'] : [];
  const started = performance.now();
  const result = spawnSync(time[0] ?? command, time.length ? [...time.slice(1), command, ...args] : args, { env: { ...process.env, ...env }, encoding: 'utf8' });
  const elapsed = performance.now() - started;
  const rss = time.length ? Number(result.stderr.trim().split('\n').pop()) / 1024 : null;
  return { ms: elapsed, maxRssMiB: rss !== null && Number.isFinite(rss) ? rss : null, ok: result.status === 0 || result.status === 1 };
}

const scratch = mkdtempSync(join(tmpdir(), 'briefs-bench-'));
try {
  // 1. Stages, in this process.
  const { audiences, topics } = await readAudienceSettings(templatesDir);
  const started = performance.now();
  const result = await buildReport(report, { outDir: join(scratch, 'stages'), templatesDir, audiences, topics });
  console.log(`${report}: stages of one build (in process)`);
  for (const [stage, time] of Object.entries(result.timings)) console.log(`  ${stage.padEnd(10)} ${ms(time)}`);
  console.log(`  ${'total'.padEnd(10)} ${ms(performance.now() - started)}`);

  // 2. The CLI, as a user runs it: a fresh OUT, then again with nothing changed.
  const cli = (env: Record<string, string>) => timed(tsx, [join(root, 'pipeline', 'cli.ts')], env);
  const fresh = cli({ SOURCE: report, OUT: join(scratch, 'cli') });
  const again = cli({ SOURCE: report, OUT: join(scratch, 'cli') });
  console.log(`make briefs, fresh OUT:        ${ms(fresh.ms)}${fresh.maxRssMiB ? `, peak RSS ${fresh.maxRssMiB.toFixed(0)} MiB` : ''}`);
  console.log(`make briefs, nothing changed:  ${ms(again.ms)} (${((again.ms / fresh.ms) * 100).toFixed(0)} % of fresh)`);

  // 3. A batch of six reports, one job at a time and on two worker threads.
  const batch = join(scratch, 'batch');
  spawnSync('mkdir', ['-p', batch]);
  const corpus = join(root, 'tests', 'fixtures', 'corpus');
  for (const name of ['dalian-2018.txt', 'guangdong-2026.txt', 'national-2018.txt', 'national-2019.txt', 'national-2018.gb18030.txt']) copyFileSync(join(corpus, name), join(batch, name));
  copyFileSync(join(root, 'tests', 'fixtures', 'review', 'suzhou', 'suzhou-2021.txt'), join(batch, 'suzhou-2021.txt'));
  const one = cli({ SOURCE: batch, OUT: join(scratch, 'jobs1'), JOBS: '1' });
  const two = cli({ SOURCE: batch, OUT: join(scratch, 'jobs2'), JOBS: '2' });
  console.log(`batch of six, JOBS=1:          ${ms(one.ms)}${one.maxRssMiB ? `, peak RSS ${one.maxRssMiB.toFixed(0)} MiB` : ''}`);
  console.log(`batch of six, JOBS=2:          ${ms(two.ms)}${two.maxRssMiB ? `, peak RSS ${two.maxRssMiB.toFixed(0)} MiB` : ''} (${(one.ms / two.ms).toFixed(2)}× faster)`);

  // 4. pandoc + LibreOffice on the same full text, for comparison.
  if (spawnSync('pandoc', ['--version']).status === 0 && spawnSync('soffice', ['--version']).status === 0) {
    const docx = join(scratch, 'pandoc.docx');
    const pandoc = timed('pandoc', ['-f', 'markdown', '-o', docx, report]);
    const soffice = timed('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', scratch, docx]);
    console.log(`pandoc (DOCX) + LibreOffice (PDF) of the full text: ${ms(pandoc.ms + soffice.ms)} (${pandoc.ms.toFixed(0)} + ${soffice.ms.toFixed(0)})`);
  } else console.log('pandoc or LibreOffice not installed: no comparison');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
