import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numbersNotInReport } from '../helpers/numbers.js';
import { pdfInfo, pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');

describe('a batch with every corpus report and two bad files', () => {
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;
  // The five reports the tool was first developed on; every corpus report is built in corpus.test.ts.
  const reports = readdirSync(corpus).filter((name) => name.endsWith('.txt'));

  beforeAll(() => {
    for (const name of reports) copyFileSync(join(corpus, name), join(source, name));
    writeFileSync(join(source, 'empty.txt'), '');
    writeFileSync(join(source, 'scan.txt'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n', 'latin1'));
    result = runBriefs({ SOURCE: source, OUT: out });
  });

  it('names each bad file on one line, exits non-zero, and says so at the end', () => {
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([`error: ${join(source, 'empty.txt')}: the file is empty`, `error: ${join(source, 'scan.txt')}: this is a PDF file, not a text report; save the report as text (.txt, .md or .html)`]);
    expect(result.stderr).toContain('2 problem(s); the other reports were built');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('writes nothing for the bad files', () => {
    expect(existsSync(join(out, 'empty'))).toBe(false);
    expect(existsSync(join(out, 'scan'))).toBe(false);
  });

  it.each(reports)('builds %s into fulltext and summary', (name) => {
    const folder = join(out, name.replace(/\.txt$/, ''));
    for (const file of ['fulltext.docx', 'fulltext.pdf', 'summary.docx', 'summary.pdf']) expect(existsSync(join(folder, file)), file).toBe(true);
    const text = squash(pdfText(join(folder, 'fulltext.pdf')));
    expect(text).not.toContain('Publicdomain');
    expect(text).not.toContain('维基文库');
    expect(Number(pdfInfo(join(folder, 'summary.pdf')).Pages)).toBeGreaterThan(0);
  });

  const BRIEFS = ['brief-leadership', 'brief-business', 'brief-public', 'brief-media'];

  it.each(reports)('fits the summary of %s in two pages and each brief in exactly one', (name) => {
    const folder = join(out, name.replace(/\.txt$/, ''));
    expect(Number(pdfInfo(join(folder, 'summary.pdf')).Pages)).toBeLessThanOrEqual(2);
    for (const brief of BRIEFS) expect(Number(pdfInfo(join(folder, `${brief}.pdf`)).Pages), brief).toBe(1);
  });

  it.each(reports)('prints in the summary and briefs of %s only numbers the report has', (name) => {
    const folder = join(out, name.replace(/\.txt$/, ''));
    const bytes = readFileSync(join(corpus, name));
    const report = name.includes('gb18030') ? new TextDecoder('gb18030').decode(bytes) : bytes.toString('utf8');
    for (const publication of ['summary', ...BRIEFS]) {
      // The text block only: the page number below it is the tool's, not the report's.
      const text = pdfText(join(folder, `${publication}.pdf`), '-r', '72', '-x', '0', '-y', '0', '-W', '596', '-H', '790');
      expect(text.length, publication).toBeGreaterThan(200);
      expect(numbersNotInReport(text, report), publication).toEqual([]);
    }
  });

  it('reviews the 2018 national targets in the 2019 report’s folder, and only there', () => {
    const folder = join(out, 'national-2019');
    const review = JSON.parse(readFileSync(join(folder, 'targets-review.json'), 'utf8'));
    expect(review).toMatchObject({ issuer: '国务院', year: 2018, later: { slug: 'national-2019' } });
    const gdp = review.items.find((i: any) => i.name === '国内生产总值');
    expect(gdp).toMatchObject({ target: { value: 6.5, unit: '%', qualifier: '左右' }, result: { value: 6.6, unit: '%' }, status: 'met' });
    const printed = squash(pdfText(join(folder, 'targets-review.pdf')));
    for (const piece of ['国内生产总值增长6.6%', '2018年报告¶37', '2019年报告', '完成：“左右”']) expect(printed).toContain(piece);
    expect(existsSync(join(folder, 'targets-review.docx'))).toBe(true);
    for (const other of ['dalian-2018', 'guangdong-2026']) expect(existsSync(join(out, other, 'targets-review.json'))).toBe(false);
  });

  it('reads the GB18030 copy to the same full text as its UTF-8 twin', () => {
    const body = (slug: string) => squash(pdfText(join(out, slug, 'fulltext.pdf')));
    expect(body('national-2018.gb18030')).toBe(body('national-2018'));
  });
});

describe('a template with a mistake', () => {
  const templates = scratchDir('briefs-templates-');
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;

  beforeAll(() => {
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    const summary = readFileSync(join(templates, 'summary.md.hbs'), 'utf8').split('\n');
    const line = summary.findIndex((l) => l.startsWith('# 报告结构'));
    summary.splice(line + 1, 0, '本报告共 {{summary.chapterCount}} 章。');
    writeFileSync(join(templates, 'summary.md.hbs'), summary.join('\n'));
    mkdirSync(source, { recursive: true });
    copyFileSync(join(corpus, 'dalian-2018.txt'), join(source, 'dalian-2018.txt'));
    result = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates });
    (globalThis as any).brokenLine = line + 2;
  });

  it('names the template file, line and column, and what is wrong', () => {
    expect(result.status).toBe(1);
    const line = (globalThis as any).brokenLine;
    expect(result.stderr).toContain(`error: ${join(templates, 'summary.md.hbs')}:${line}:8: no field “chapterCount” in the data here`);
  });

  it('writes nothing for that publication and the others in full', () => {
    const folder = join(out, 'dalian-2018');
    expect(existsSync(join(folder, 'summary.pdf'))).toBe(false);
    expect(existsSync(join(folder, 'summary.docx'))).toBe(false);
    expect(existsSync(join(folder, 'fulltext.pdf'))).toBe(true);
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('a batch on worker threads whose heap is too small for any report', () => {
  // Every report outgrows a 4 MiB worker heap: each worker thread runs out of memory, and its
  // report is built again on the main thread, which has no cap (as a very long report would be).
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;

  beforeAll(() => {
    for (const name of ['dalian-2018.txt', 'national-2019.txt']) copyFileSync(join(corpus, name), join(source, name));
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '2', BRIEFS_WORKER_HEAP_MIB: '4' });
  });

  it('still builds every report, with no error and no stack trace', () => {
    expect(result.stderr).not.toMatch(/^error: /m);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr).toContain(`warning: ${join(source, 'dalian-2018.txt')}: too big for a worker thread's 4 MiB heap; built on the main thread`);
    expect(result.status).toBe(0);
    for (const slug of ['dalian-2018', 'national-2019']) {
      expect(result.stdout).toContain(`${join(out, slug)}/ (`);
      expect(Number(pdfInfo(join(out, slug, 'fulltext.pdf')).Pages)).toBeGreaterThan(10);
    }
  });
});

describe('a batch built on one thread and on two', () => {
  // On two threads, worker threads share out the reports' publications in whatever order they
  // finish: every file must still come out byte for byte as one thread makes it.
  const source = scratchDir('briefs-src-');
  const one = scratchDir('briefs-out-');
  const two = scratchDir('briefs-out-');
  const filesIn = (root: string, dir = root): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(root, join(dir, entry.name)) : [join(dir, entry.name).slice(root.length + 1)]));
  let results: Array<ReturnType<typeof runBriefs>>;

  beforeAll(() => {
    for (const name of ['national-2018.txt', 'national-2019.txt']) copyFileSync(join(corpus, name), join(source, name));
    results = [runBriefs({ SOURCE: source, OUT: one, JOBS: '1' }), runBriefs({ SOURCE: source, OUT: two, JOBS: '2' })];
  });

  it('writes the same files, with the same bytes, and one line per report', () => {
    for (const result of results) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.split('\n').filter((l) => l.includes(' → '))).toHaveLength(2);
    }
    const files = filesIn(one).sort();
    expect(filesIn(two).sort()).toEqual(files);
    // Both reports' publications, the review of 2018's targets, and the record of the build.
    expect(files).toEqual(expect.arrayContaining(['national-2019/targets-review.docx', 'national-2018/brief-media.pdf', '.briefs/manifest.json', 'index.html']));
    const differ = files.filter((file) => !readFileSync(join(one, file)).equals(readFileSync(join(two, file))));
    expect(differ).toEqual([]);
  });

  it('tells progress in a log as plain lines: each publication of each report once, whichever thread builds it', () => {
    for (const { stderr } of results) {
      expect(stderr).not.toContain('\r');
      const lines = stderr.split('\n').filter((l) => /^national-201[89]: /.test(l));
      expect(new Set(lines).size).toBe(lines.length);
      for (const slug of ['national-2018', 'national-2019']) {
        for (const publication of ['fulltext', 'summary', 'indicators', 'brief-leadership', 'brief-public']) expect(lines).toContain(`${slug}: building ${publication}`);
      }
      expect(lines).toContain('national-2019: building targets-review');
      expect(lines.filter((l) => l.endsWith(': done'))).toEqual([]);
    }
  });
});

describe('progress on a terminal', () => {
  // `script` runs the build on a pseudo-terminal, as a user's shell would.
  const out = scratchDir('briefs-out-');
  it('rewrites one status line in place: reports done of all, and what each is doing', () => {
    const command = `'${process.execPath}' '${join(repoRoot, 'node_modules', '.cache', 'briefs', 'cli.js')}'`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, SOURCE: join(corpus, 'dalian-2018.txt'), OUT: out }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('\r\u001b[K[0/1] dalian-2018: pdf fulltext');
    expect(result.stdout).toMatch(/\r\u001b\[K\[1\/1\] /);
    expect(result.stdout).toContain(`${join(out, 'dalian-2018')}/ (34 files`);
    expect(result.stdout).not.toMatch(/^dalian-2018: building/m);
  });
});
