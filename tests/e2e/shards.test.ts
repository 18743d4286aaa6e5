import { execFileSync } from 'node:child_process';
import { copyFileSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

/**
 * A few reports — three provinces of one year (a comparison) and three national years (a
 * series) — built whole, and as two shards followed by `make gallery`: the same files.
 */
const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
const REPORTS = ['provinces/hebei-2026.txt', 'provinces/jilin-2026.txt', 'provinces/neimenggu-2026.txt', 'national/national-1960.txt', 'national/national-1975.txt', 'national/national-1980.txt'];
const source = scratchDir('briefs-shards-src-');
const whole = scratchDir('briefs-shards-whole-');
const sharded = scratchDir('briefs-shards-out-');
// One audience's briefs: the shards' sharing of work is what is tested, not every brief.
const env = { SOURCE: source, AUDIENCE: 'public', SOURCE_DATE_EPOCH: '1700000000' };
const runs: Record<string, ReturnType<typeof runBriefs>> = {};

/** Every file under a folder but the build's own records (.briefs/), by relative path. */
const filesUnder = (folder: string) =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(folder, join(d.parentPath, d.name)))
    .filter((f) => !f.startsWith('.briefs'))
    .sort();

beforeAll(() => {
  for (const file of REPORTS) copyFileSync(join(corpus, file), join(source, file.split('/').pop()!));
  runs.whole = runBriefs({ ...env, OUT: whole });
  runs.first = runBriefs({ ...env, OUT: sharded, SHARD: '1/2' });
  runs.second = runBriefs({ ...env, OUT: sharded, SHARD: '2/2' });
  runs.gallery = { status: 0, stdout: execFileSync('make', ['-s', 'gallery', `OUT=${sharded}`], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1700000000' } }), stderr: '' };
}, 1_200_000);

describe('SHARD=k/n and make gallery', () => {
  it('build without error, each shard saying what it built', () => {
    for (const [name, run] of Object.entries(runs)) expect(run.status, `${name}: ${run.stderr}`).toBe(0);
    expect(runs.first.stdout).toMatch(/^shard 1\/2: \d of 6 reports$/m);
    expect(runs.second.stdout).toMatch(/^shard 2\/2: \d of 6 reports$/m);
  });

  it('keeps an issuer’s reports in one shard', () => {
    const built = (run: ReturnType<typeof runBriefs>) => [...run.stdout.matchAll(/→ .*\/([a-z0-9-]+)\/ \(/g)].map((m) => m[1]);
    const [a, b] = [built(runs.first), built(runs.second)];
    expect([...a, ...b].sort()).toEqual(REPORTS.map((f) => f.split('/').pop()!.replace('.txt', '')).sort());
    const national = (names: string[]) => names.filter((n) => n.startsWith('national')).length;
    expect([national(a), national(b)].sort()).toEqual([0, 3]);
  });

  it('writes the shards no comparison, series or index; make gallery writes them', () => {
    expect(runs.gallery.stdout).toContain('compare-2026');
    expect(runs.gallery.stdout).toContain('series-national');
  });

  it('gives the same files, byte for byte, as one whole build', () => {
    const files = filesUnder(whole);
    expect(files).toEqual(expect.arrayContaining(['compare-2026.pdf', 'compare-2026.json', 'series-national.pdf', 'series-national.csv', 'index.html', 'thumbs/compare-2026.png']));
    expect(filesUnder(sharded)).toEqual(files);
    for (const file of files) expect(readFileSync(join(sharded, file)).equals(readFileSync(join(whole, file))), file).toBe(true);
  });
});
