import { spawn, spawnSync } from 'node:child_process';
import { get } from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { readAudienceSettings } from '../audiences/audience.js';
import { buildReport } from '../batch/build-report.js';
import { REPO_ROOT } from '../util/repo.js';
import { oneParagraphReport, tableReport } from './huge-inputs.js';

/**
 * `make bench`: figures for notes, never for tests. Per-stage times of one report; a fresh and a
 * second (incremental) build through the CLI as `make briefs` runs it; a batch of six with JOBS=1
 * and JOBS=2; peak memory; pandoc + LibreOffice making a DOCX and a PDF of the same full text; and
 * reports made huge on purpose.
 *
 * Wall times on a shared machine vary from run to run by a quarter or more, so each figure is
 * measured BENCH_RUNS times (default 3), the contenders taking turns, and the median is given
 * with the range, and the CPU time beside it.
 */
const runs = Math.max(1, Number(process.env.BENCH_RUNS) || 3);
const report = process.env.BENCH_REPORT || join(REPO_ROOT, 'source', 'dalian-2018.txt');
const bundle = join(REPO_ROOT, 'node_modules', '.cache', 'briefs', 'cli.js');
const hasTime = existsSync('/usr/bin/time');

interface Run {
  ms: number;
  cpuMs: number | null;
  rssMiB: number | null;
  ok: boolean;
}

function timed(command: string, args: string[], env: Record<string, string> = {}): Run {
  const argv = hasTime ? ['/usr/bin/time', '-f', '%M %U %S', command, ...args] : [command, ...args];
  const started = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), { env: { ...process.env, ...env }, encoding: 'utf8' });
  const ms = performance.now() - started;
  const [rss, user, system] = hasTime ? result.stderr.trim().split('\n').pop()!.split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, cpuMs: Number.isFinite(user) ? (user + system) * 1000 : null, rssMiB: Number.isFinite(rss) ? rss / 1024 : null, ok: result.status === 0 };
}

/** Starts `make preview` (on a free port) and times it until / answers 200; stops it and its build. */
async function firstAnswer(env: Record<string, string>): Promise<Run> {
  const started = performance.now();
  // Its own process group: make, the server and the background build are stopped together.
  const child = spawn('make', ['-s', 'preview'], { cwd: REPO_ROOT, env: { ...process.env, ...env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'ignore'] });
  const port = await new Promise<number | null>((found) => {
    let text = '';
    child.stdout!.on('data', (chunk) => {
      text += chunk;
      const m = text.match(/http:\/\/localhost:(\d+)\//);
      if (m) found(Number(m[1]));
    });
    child.once('exit', () => found(null));
  });
  const answered = (p: number) => new Promise<boolean>((done) => get({ host: '127.0.0.1', port: p, path: '/', headers: { host: 'localhost' } }, (r) => done(r.resume().statusCode === 200)).on('error', () => done(false)));
  let ok = false;
  for (const deadline = performance.now() + 30_000; port && !ok && performance.now() < deadline; ) ok = await answered(port);
  const ms = performance.now() - started;
  try {
    process.kill(-child.pid!, 'SIGTERM');
  } catch {
    // Gone already.
  }
  return { ms, cpuMs: null, rssMiB: null, ok };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
function summary(label: string, measured: Run[]): number {
  const ms = measured.map((r) => r.ms);
  const cpu = measured.map((r) => r.cpuMs).filter((v): v is number => v !== null);
  const rss = measured.map((r) => r.rssMiB).filter((v): v is number => v !== null);
  const failed = measured.some((r) => !r.ok) ? '  (a run FAILED)' : '';
  const range = measured.length > 1 ? ` (${Math.min(...ms).toFixed(0)}–${Math.max(...ms).toFixed(0)})` : '';
  console.log(`${label.padEnd(40)} ${median(ms).toFixed(0).padStart(6)} ms${range}${cpu.length ? `, CPU ${median(cpu).toFixed(0)} ms` : ''}${rss.length ? `, peak RSS ${Math.max(...rss).toFixed(0)} MiB` : ''}${failed}`);
  return median(ms);
}

/**
 * Reports of one paragraph of 100 KB, 1 MiB and 5 MiB, and tables of 1,000, 5,000 and 20,000
 * rows, built one at a time (JOBS=1): wall and CPU time, time per MiB against the smallest,
 * peak memory of the process, and the size of indicators.json against the report's.
 */
function benchHugeInputs(folder: string): void {
  const inputs: Array<[string, string]> = [
    ['one paragraph, 100 KB', oneParagraphReport(100 * 1024)],
    ['one paragraph, 1 MiB', oneParagraphReport(1024 * 1024)],
    ['one paragraph, 5 MiB', oneParagraphReport(5 * 1024 * 1024 - 1024)],
    ['table of 1,000 rows', tableReport(1000)],
    ['table of 5,000 rows', tableReport(5000)],
    ['table of 20,000 rows', tableReport(20000)],
  ];
  console.log('\nhuge input, one build each (JOBS=1):');
  let msPerMiB: number | null = null;
  inputs.forEach(([label, text], k) => {
    const source = join(folder, `src-${k}`);
    const out = join(folder, `out-${k}`);
    mkdirSync(source, { recursive: true });
    writeFileSync(join(source, 'huge.txt'), text);
    const run = timed(process.execPath, [bundle], { SOURCE: source, OUT: out, JOBS: '1' });
    const mib = Buffer.byteLength(text) / 1024 / 1024;
    const json = join(out, 'huge', 'indicators.json');
    const ratio = existsSync(json) ? (statSync(json).size / Buffer.byteLength(text)).toFixed(1) : '—';
    if (msPerMiB === null) msPerMiB = run.ms / mib;
    console.log(
      `  ${label.padEnd(24)} ${mib.toFixed(2).padStart(5)} MiB ${(run.ms / 1000).toFixed(1).padStart(7)} s` +
        `${run.cpuMs !== null ? `, CPU ${(run.cpuMs / 1000).toFixed(1)} s` : ''}, ${(run.ms / mib / msPerMiB).toFixed(2)}× the first's time per MiB` +
        `${run.rssMiB !== null ? `, peak RSS ${run.rssMiB.toFixed(0)} MiB` : ''}, indicators.json ${ratio}× the report${run.ok ? '' : '  (FAILED)'}`,
    );
    rmSync(folder, { recursive: true, force: true });
  });
}

const scratch = mkdtempSync(join(tmpdir(), 'briefs-bench-'));
try {
  // 1. Stages of one build, in this process (the first build of a process: fonts parsed, code compiled).
  const { audiences, topics } = await readAudienceSettings(join(REPO_ROOT, 'templates'));
  const started = performance.now();
  const result = await buildReport(report, { outDir: join(scratch, 'stages'), templatesDir: join(REPO_ROOT, 'templates'), audiences, topics });
  console.log(`${report}: stages of one build, in process`);
  for (const [stage, time] of Object.entries(result.timings)) console.log(`  ${stage.padEnd(10)} ${time.toFixed(0).padStart(6)} ms`);
  console.log(`  ${'total'.padEnd(10)} ${(performance.now() - started).toFixed(0).padStart(6)} ms\n`);

  // 2. The CLI as `make briefs` runs it (the bundle), against pandoc + LibreOffice on the same full text.
  const cli = (env: Record<string, string>) => timed(process.execPath, [bundle], env);
  const comparable = spawnSync('pandoc', ['--version']).status === 0 && spawnSync('soffice', ['--version']).status === 0;
  const fresh: Run[] = [];
  const again: Run[] = [];
  const pandoc: Run[] = [];
  for (let i = 0; i < runs; i++) {
    const out = join(scratch, `cli-${i}`);
    fresh.push(cli({ SOURCE: report, OUT: out }));
    again.push(cli({ SOURCE: report, OUT: out }));
    if (comparable) {
      const docx = join(scratch, `pandoc-${i}.docx`);
      const toDocx = timed('pandoc', ['-f', 'markdown', '-o', docx, report]);
      const toPdf = timed('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', scratch, docx]);
      pandoc.push({ ms: toDocx.ms + toPdf.ms, cpuMs: toDocx.cpuMs !== null && toPdf.cpuMs !== null ? toDocx.cpuMs + toPdf.cpuMs : null, rssMiB: null, ok: toDocx.ok && toPdf.ok });
    }
  }
  console.log(`${runs} run(s) each; median (range):`);
  const freshMs = summary('make briefs, fresh OUT, all publications', fresh);
  const againMs = summary('make briefs again, nothing changed', again);
  console.log(`${''.padEnd(40)} = ${((againMs / freshMs) * 100).toFixed(0)} % of a fresh build`);
  if (comparable) summary('pandoc (DOCX) + LibreOffice (PDF), full text', pandoc);
  else console.log('pandoc or LibreOffice not installed: no comparison');

  // 2b. `make preview` on an OUT that holds a build: how soon it answers its first request.
  const previews: Run[] = [];
  for (let i = 0; i < runs; i++) previews.push(await firstAnswer({ SOURCE: report, OUT: join(scratch, `cli-${i}`) }));
  summary('make preview, first answer (OUT built)', previews);

  // 3. A batch of six reports, on one thread and on two.
  const batch = join(scratch, 'batch');
  mkdirSync(batch);
  const corpus = join(REPO_ROOT, 'tests', 'fixtures', 'corpus');
  for (const name of ['dalian-2018.txt', 'guangdong-2026.txt', 'national-2018.txt', 'national-2019.txt', 'national-2018.gb18030.txt']) copyFileSync(join(corpus, name), join(batch, name));
  copyFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'review', 'suzhou', 'suzhou-2021.txt'), join(batch, 'suzhou-2021.txt'));
  const one: Run[] = [];
  const two: Run[] = [];
  for (let i = 0; i < runs; i++) {
    one.push(cli({ SOURCE: batch, OUT: join(scratch, `jobs1-${i}`), JOBS: '1' }));
    two.push(cli({ SOURCE: batch, OUT: join(scratch, `jobs2-${i}`), JOBS: '2' }));
  }
  const oneMs = summary('batch of six, JOBS=1', one);
  const twoMs = summary('batch of six, JOBS=2', two);
  console.log(`${''.padEnd(40)} = ${(oneMs / twoMs).toFixed(2)}× faster on two threads`);

  // 3b. Memory flat in the batch size: 100 reports (the six, and copies of them under other
  // names) against the six, on two threads (BENCH_HUNDRED=0 leaves it out; it takes minutes).
  if (process.env.BENCH_HUNDRED !== '0') {
    const six = readdirSync(batch).sort();
    const hundred = join(scratch, 'hundred');
    mkdirSync(hundred);
    for (let k = 0; k < 100; k++) copyFileSync(join(batch, six[k % six.length]), join(hundred, k < six.length ? six[k] : `copy-${k}-${six[k % six.length]}`));
    const run = cli({ SOURCE: hundred, OUT: join(scratch, 'hundred-out'), JOBS: '2' });
    const sixPeak = Math.max(...two.map((r) => r.rssMiB ?? NaN));
    summary('batch of 100 (the six, copied), JOBS=2', [run]);
    if (run.rssMiB !== null) console.log(`${''.padEnd(40)} = peak ${run.rssMiB.toFixed(0)} MiB against the six's ${sixPeak.toFixed(0)} MiB (${run.rssMiB <= sixPeak ? 'no higher' : 'HIGHER'})`);
  }

  // 4. The whole corpus (every report of tests/fixtures/corpus, comparisons and series included),
  // once each way by default (BENCH_CORPUS_RUNS=0 leaves it out): it takes minutes. Peak memory
  // should not grow with the batch: compare it with the batch of six's.
  const corpusRuns = Math.max(0, Number(process.env.BENCH_CORPUS_RUNS ?? 1));
  if (corpusRuns > 0) {
    const whole = join(scratch, 'corpus');
    mkdirSync(whole);
    const reports = (readdirSync(corpus, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.txt'));
    for (const file of reports) copyFileSync(join(corpus, file), join(whole, basename(file)));
    const byJobs: Record<string, Run[]> = { '1': [], '2': [] };
    for (let i = 0; i < corpusRuns; i++) for (const jobs of ['1', '2']) byJobs[jobs].push(cli({ SOURCE: whole, OUT: join(scratch, `corpus-${jobs}-${i}`), JOBS: jobs }));
    for (const jobs of ['1', '2']) {
      const ms = summary(`whole corpus (${reports.length} reports), JOBS=${jobs}`, byJobs[jobs]);
      console.log(`${''.padEnd(40)} = ${(ms / reports.length / 1000).toFixed(2)} s per report`);
    }
  }
  // 5. Huge input, once each (BENCH_HUGE=0 leaves it out): time should grow with size, memory stay bounded.
  if (process.env.BENCH_HUGE !== '0') benchHugeInputs(join(scratch, 'huge'));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
