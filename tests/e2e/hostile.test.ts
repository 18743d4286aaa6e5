import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { oneParagraphReport, tableReport } from '../../pipeline/cli/huge-inputs.js';
import { scratchDir } from '../helpers/scratch.js';

const report = join(repoRoot, 'tests', 'fixtures', 'noise', 'web-chrome', 'input.txt');

describe('two reports that would write one folder', () => {
  const source = scratchDir('briefs-slugs-');
  const out = scratchDir('briefs-slugs-out-');
  let result: ReturnType<typeof runBriefs>;
  beforeAll(() => {
    copyFileSync(report, join(source, 'city.txt'));
    copyFileSync(report, join(source, 'city.md'));
    copyFileSync(report, join(source, 'other.txt'));
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
  });

  it('is an error naming both files, and neither is built', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${join(source, 'city.md')}, ${join(source, 'city.txt')}: these reports would all be written to city/; rename all but one (neither was built)`);
    expect(existsSync(join(out, 'city'))).toBe(false);
  });

  it('still builds the other reports', () => {
    expect(existsSync(join(out, 'other', 'fulltext.pdf'))).toBe(true);
  });
});

describe('a FIFO, a link to /dev/zero and a huge sparse file named .txt', () => {
  it('are each refused by what they are, without hanging, and the batch goes on', () => {
    const source = scratchDir('briefs-special-');
    const out = scratchDir('briefs-special-out-');
    execFileSync('mkfifo', [join(source, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(source, 'zero.txt'));
    writeFileSync(join(source, 'huge.txt'), '');
    truncateSync(join(source, 'huge.txt'), 1536 * 1024 * 1024);
    copyFileSync(report, join(source, 'city.txt'));
    const result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      `error: ${join(source, 'huge.txt')}: the file is 1536.0 MiB, over the 5 MiB limit for one report`,
      `error: ${join(source, 'pipe.txt')}: is not a regular file (a pipe, device or socket); save the report as a file`,
      `error: ${join(source, 'zero.txt')}: is not a regular file (a pipe, device or socket); save the report as a file`,
    ]);
    expect(existsSync(join(out, 'city', 'fulltext.pdf'))).toBe(true);
  });
});

describe('SOURCE inside OUT', () => {
  it('is refused before anything is read or written', () => {
    const out = scratchDir('briefs-same-');
    mkdirSync(join(out, 'reports'));
    copyFileSync(report, join(out, 'reports', 'city.txt'));
    for (const source of [out, join(out, 'reports')]) {
      const result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`error: ${source}: SOURCE is OUT or inside it, so a build would read its own output as reports; keep the reports in another folder`);
    }
    expect(existsSync(join(out, 'city'))).toBe(false);
  });
});

describe('a disk that fills up during the build', () => {
  // OUT on a 600 KiB file system of its own, mounted in a user and mount namespace (no privileges
  // needed): the charts and some publications fit, the rest do not. The files left are listed
  // before the namespace, and its file system, go.
  const source = scratchDir('briefs-full-');
  const out = scratchDir('briefs-full-out-');
  const listing = join(scratchDir('briefs-full-list-'), 'files.txt');
  let result: { status: number | null; stdout: string; stderr: string };
  let files: string[];
  beforeAll(() => {
    copyFileSync(report, join(source, 'city.txt'));
    const cli = join(repoRoot, 'node_modules', '.cache', 'briefs', 'cli.js');
    const script = 'mount -t tmpfs -o size=600k tmpfs "$OUT" || exit 99; "$NODE" "$CLI"; status=$?; (cd "$OUT" && find . -type f) > "$LISTING"; exit $status';
    result = spawnSync('unshare', ['-rm', 'sh', '-c', script], {
      cwd: repoRoot,
      env: { ...process.env, SOURCE: source, OUT: out, JOBS: '1', NODE: process.execPath, CLI: cli, LISTING: listing },
      encoding: 'utf8',
    });
    files = readFileSync(listing, 'utf8').split('\n').filter(Boolean).map((f) => f.replace(/^\.\//, ''));
  });

  it('names each file it could not write and why, one line each, and no template', () => {
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(new RegExp(`^error: ${out}/[^:]+: cannot write \\(ENOSPC: disk full\\)$`));
    expect(result.stderr).not.toMatch(/\.hbs|\n\s+at /);
  });

  it('leaves each publication whole in its three formats or not at all, and no temporary file', () => {
    const publications = new Set(files.filter((f) => /^city\/[^/]+\.(?:pdf|docx|html)$/.test(f)).map((f) => f.replace(/\.[a-z]+$/, '')));
    expect(publications.size).toBeGreaterThan(0);
    for (const p of publications) for (const ext of ['pdf', 'docx', 'html']) expect(files, p).toContain(`${p}.${ext}`);
    const failed = [...result.stderr.matchAll(/^error: .*\/(city\/[a-z-]+)\.(?:docx|pdf|html)/gm)].map((m) => m[1]);
    for (const p of failed) expect(publications.has(p), p).toBe(false);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('an audience deleted, and a template broken, between two builds', () => {
  const source = scratchDir('briefs-pruned-');
  const out = scratchDir('briefs-pruned-out-');
  const templates = join(scratchDir('briefs-pruned-templates-'), 'templates');
  const folder = join(out, 'city');
  let second: ReturnType<typeof runBriefs>;
  let firstFiles: string[];
  beforeAll(() => {
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    writeFileSync(join(templates, 'audiences', 'press.yaml'), readFileSync(join(templates, 'audiences', 'media.yaml'), 'utf8').replace('title: 新闻要点', 'title: 记者会参考'));
    copyFileSync(report, join(source, 'city.txt'));
    const first = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates, JOBS: '1' });
    if (first.status !== 0) throw new Error(first.stderr);
    firstFiles = readdirSync(folder);
    rmSync(join(templates, 'audiences', 'press.yaml'));
    writeFileSync(join(templates, 'summary.md.hbs'), readFileSync(join(templates, 'summary.md.hbs'), 'utf8').replace('# 主要指标', '# 主要指标 {{nosuchfield}}'));
    second = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates, JOBS: '1' });
  });

  it('removes the deleted audience’s briefs from OUT and from the gallery, and says so', () => {
    expect(firstFiles).toContain('brief-press.pdf');
    for (const ext of ['pdf', 'docx', 'html']) expect(existsSync(join(folder, `brief-press.${ext}`))).toBe(false);
    expect(existsSync(join(folder, 'thumbs', 'brief-press.png'))).toBe(false);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toMatch(/brief-press|记者会参考/);
    expect(second.stdout).toContain(`removed ${join(folder, 'brief-press.pdf')}: its audience file is gone`);
    expect(existsSync(join(folder, 'brief-media.pdf'))).toBe(true);
  });

  it('removes the publication whose template now fails, rather than leave the last build’s', () => {
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`error: ${join(templates, 'summary.md.hbs')}:`);
    expect(firstFiles).toContain('summary.pdf');
    for (const ext of ['pdf', 'docx', 'html']) expect(existsSync(join(folder, `summary.${ext}`))).toBe(false);
    expect(existsSync(join(folder, 'thumbs', 'summary.png'))).toBe(false);
    expect(existsSync(join(folder, 'fulltext.pdf'))).toBe(true);
  });

  it('marks the failed publication in the gallery with its error, and links no file of it', () => {
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const item = index.match(/<li class="pub failed" data-pub="summary"[^]*?<\/li>/)?.[0] ?? '';
    expect(item).toContain('生成失败');
    expect(item).toContain(`${join(templates, 'summary.md.hbs')}:`);
    expect(index).not.toContain('href="city/summary.pdf"');
  });
});

describe('a report whose file name holds #, ? and %', () => {
  it('is linked from the gallery with its name URL-encoded, so every link opens its file', () => {
    const source = scratchDir('briefs-names-');
    const out = scratchDir('briefs-names-out-');
    copyFileSync(report, join(source, 'a#b?c%d.txt'));
    const result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1', PUBLICATIONS: 'summary' });
    expect(result.status, result.stderr).toBe(0);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    const links = [...index.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1]).filter((l) => l.startsWith('a%23'));
    expect(links).toContain('a%23b%3Fc%25d/summary.pdf');
    for (const link of links) expect(existsSync(join(out, decodeURIComponent(link))), link).toBe(true);
  });
});

describe('a report of one 100 KB paragraph, and one of a table of 1,000 rows', () => {
  const source = scratchDir('briefs-huge-');
  const out = scratchDir('briefs-huge-out-');
  const paragraph = oneParagraphReport(100 * 1024);
  const table = tableReport(1000);
  let result: ReturnType<typeof runBriefs>;
  beforeAll(() => {
    writeFileSync(join(source, 'paragraph.txt'), paragraph);
    writeFileSync(join(source, 'table.txt'), table);
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '2' });
  });

  it('builds both, warning of what it split or left to the CSV', () => {
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`warning: ${join(source, 'paragraph.txt')}:\\d+:1: ¶1 runs to \\d+ characters, more than any report's paragraph; the reading edition prints it in \\d+ parts, broken at sentence ends`));
    expect(result.stderr).toContain(`warning: ${join(source, 'table.txt')}: 2000 figures, more than a report holds: the indicators publication lists the first 1000; indicators.csv and .json hold them all`);
  });

  it('quotes each figure with its clause, so the JSON stays within 50 times the report', () => {
    for (const [slug, text] of [['paragraph', paragraph], ['table', table]] as const) {
      const json = readFileSync(join(out, slug, 'indicators.json'), 'utf8');
      expect(Buffer.byteLength(json)).toBeLessThan(50 * Buffer.byteLength(text));
      const indicators = JSON.parse(json).indicators as Array<{ text: string }>;
      expect(Math.max(...indicators.map((i) => i.text.length))).toBeLessThanOrEqual(200);
    }
  });

  it('reads a table row by row, each figure named by its row', () => {
    const indicators = JSON.parse(readFileSync(join(out, 'table', 'indicators.json'), 'utf8')).indicators as Array<{ name: string; value: number; unit: string }>;
    expect(indicators.find((i) => i.value === 507.7 && i.unit === '亿元')?.name).toBe('第408项指标');
  });

  it('prints the whole paragraph, numbered once, and says where the figures not listed are', () => {
    const text = squash(pdfText(join(out, 'paragraph', 'fulltext.pdf')));
    const sentences = paragraph.trim().split('。').filter(Boolean);
    expect(text).toContain(squash(sentences[sentences.length - 1]));
    expect(text.match(/¶1(?!\d)/g)).toHaveLength(1);
    expect(squash(pdfText(join(out, 'table', 'indicators.pdf')))).toContain('此处列出前1000项，其余1000项见indicators.csv。');
  });
});
