import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAudienceSettings } from './audiences/audience.js';
import { buildReport } from './build/build-report.js';

/** `make bench`: per-stage times for one report, then for a batch; figures for notes, never for tests. */
const templatesDir = resolve(fileURLToPath(new URL('../templates', import.meta.url)));
const report = process.env.BENCH_REPORT || 'source/dalian-2018.txt';

async function timeBuild(file: string, outDir: string) {
  const started = performance.now();
  const { audiences, topics } = await readAudienceSettings(templatesDir);
  const result = await buildReport(file, { outDir, templatesDir, audiences, topics });
  return { ...result, total: performance.now() - started };
}

const format = (ms: number) => `${ms.toFixed(0).padStart(6)} ms`;

const out = await mkdtemp(join(tmpdir(), 'briefs-bench-'));
try {
  const first = await timeBuild(report, join(out, 'cold'));
  const second = await timeBuild(report, join(out, 'warm'));
  console.log(`${report}: first build in this process (fonts parsed) and second build`);
  for (const stage of Object.keys(first.timings)) console.log(`  ${stage.padEnd(10)} ${format(first.timings[stage])} ${format(second.timings[stage] ?? 0)}`);
  console.log(`  ${'total'.padEnd(10)} ${format(first.total)} ${format(second.total)}`);
  const memory = process.memoryUsage();
  console.log(`  peak-ish RSS now: ${(memory.rss / 1024 / 1024).toFixed(0)} MiB`);
} finally {
  await rm(out, { recursive: true, force: true });
}
