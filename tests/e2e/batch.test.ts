import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { numbersNotInReport } from '../helpers/numbers.js';
import { pdfInfo, pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';
import { oneParagraphReport } from '../../pipeline/cli/huge-inputs.js';

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
    // The first line counts the main targets; each row quotes the target and the result with their ¶, then the verdict and its rule.
    expect(review.counts.main).toEqual({ total: 6, met: 5, notMet: 0, noResult: 1 });
    expect(printed).toContain('主要目标6项：完成5项，无实绩1项');
    for (const piece of [`国内生产总值增长6.5%左右（¶${gdp.target.paragraph}）`, `国内生产总值增长6.6%（¶${gdp.result.paragraph}）`, '2019年报告', '完成“左右”：实绩不低于目标减0.5个百分点']) expect(printed).toContain(piece);
    // Main targets come first in the table, the others after, by section.
    expect(printed.indexOf('国内生产总值增长6.5%左右')).toBeLessThan(printed.lastIndexOf('其他目标'));
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
  // Every report outgrows a 4 MiB worker heap: each task fails alone, with a line naming its report.
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;

  beforeAll(() => {
    for (const name of ['dalian-2018.txt', 'national-2019.txt']) copyFileSync(join(corpus, name), join(source, name));
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '2', BRIEFS_WORKER_HEAP_MIB: '4' });
  });

  it('fails each report with one line naming it and the cap, and no stack trace', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    for (const name of ['dalian-2018.txt', 'national-2019.txt']) {
      expect(result.stderr).toMatch(new RegExp(`^error: ${join(source, name)}: too big to build \\(fulltext\\) within a build thread's 4 MiB memory cap; split the report, or raise BRIEFS_WORKER_HEAP_MIB$`, 'm'));
    }
  });
});

describe('one thread (JOBS=1) and a report over 1 MiB', () => {
  // The small report is built on the main thread; the large one on a worker thread under the cap.
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;

  beforeAll(() => {
    copyFileSync(join(corpus, 'dalian-2018.txt'), join(source, 'dalian-2018.txt'));
    writeFileSync(join(source, 'large.txt'), oneParagraphReport(1.2 * 1024 * 1024));
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1', BRIEFS_WORKER_HEAP_MIB: '4' });
  });

  it('builds the large report under the memory cap, which it fails alone, and the other in full', () => {
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors.length).toBeGreaterThan(0);
    for (const line of errors) expect(line).toMatch(new RegExp(`^error: ${join(source, 'large.txt')}: too big to build \\([a-z, -]+\\) within a build thread's 4 MiB memory cap`));
    expect(Number(pdfInfo(join(out, 'dalian-2018', 'fulltext.pdf')).Pages)).toBeGreaterThan(10);
  });
});

describe('a report over 512 KiB paired with the next year’s report of its issuer', () => {
  // The large report's issuer and year are read off the main thread; the pairing must still find
  // it, and its own build (one task, on a capped thread) must write what a small report's does.
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;

  beforeAll(() => {
    writeFileSync(join(source, 'city-2025.txt'), oneParagraphReport(600 * 1024));
    const next = oneParagraphReport(4 * 1024).replace('2025年某市政府工作报告', '2026年某市政府工作报告').replace('2025年1月10日', '2026年1月10日');
    writeFileSync(join(source, 'city-2026.txt'), next);
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
  });

  it('reviews the later report against the large one, and builds the large one in full', () => {
    expect(result.stderr).not.toMatch(/^error: /m);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/city-2026\.txt → .*targets of city-2025 reviewed/);
    expect(existsSync(join(out, 'city-2026', 'targets-review.json'))).toBe(true);
    const indicators = JSON.parse(readFileSync(join(out, 'city-2025', 'indicators.json'), 'utf8'));
    expect(indicators.report.issuer).toBe('某市人民政府');
    expect(indicators.report.year).toBe(2025);
    for (const name of ['fulltext', 'summary', 'indicators']) expect(Number(pdfInfo(join(out, 'city-2025', `${name}.pdf`)).Pages)).toBeGreaterThan(0);
  });
});

describe('a batch built on one thread and on two', () => {
  // On two threads, worker threads share out the reports' publications in whatever order they
  // finish: every file must still come out byte for byte as one thread makes it.
  const source = scratchDir('briefs-src-');
  const one = scratchDir('briefs-out-');
  const two = scratchDir('briefs-out-');
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

  it('builds a batch longer than one thread’s share (JOBS=1, handed to one worker thread) with the bytes of a short one', () => {
    // Five reports are more work than a thread builds before it is replaced: the long batch is
    // handed to one worker thread (so that this thread's heap does not grow with the batch).
    const long = scratchDir('briefs-src-');
    const longOut = scratchDir('briefs-out-');
    for (const name of readdirSync(source)) copyFileSync(join(source, name), join(long, name));
    copyFileSync(join(corpus, 'dalian-2018.txt'), join(long, 'dalian-2018.txt'));
    for (const name of ['suzhou-2020.txt', 'suzhou-2021.txt']) copyFileSync(join(repoRoot, 'tests', 'fixtures', 'review', 'suzhou', name), join(long, name));
    const result = runBriefs({ SOURCE: long, OUT: longOut, JOBS: '1' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout.split('\n').filter((l) => l.includes(' → '))).toHaveLength(5);
    expect(result.stderr).toMatch(/^building 5 report\(s\), 37 publication\(s\)/m);
    const national = filesIn(one).filter((file) => file.startsWith('national-'));
    expect(national.length).toBeGreaterThan(20);
    // The data name the report's path, which is another folder here.
    const content = (root: string, file: string, folder: string) => (file.endsWith('.json') ? Buffer.from(readFileSync(join(root, file), 'utf8').replaceAll(folder, 'SOURCE')) : readFileSync(join(root, file)));
    const differ = national.filter((file) => !content(longOut, file, long).equals(content(one, file, source)));
    expect(differ).toEqual([]);
    expect(readdirSync(join(longOut, 'suzhou-2021'))).toEqual(expect.arrayContaining(['targets-review.pdf', 'summary.docx', 'brief-public.pdf']));
  });

  it('tells progress in a log as whole lines: each publication of each report once, with the count done of all and the time', () => {
    for (const { stderr } of results) {
      expect(stderr).not.toContain('\r');
      expect(stderr).not.toContain('\u001b');
      expect(stderr).toMatch(/^building 2 report\(s\), 15 publication\(s\)/m);
      const lines = stderr.split('\n').filter((l) => /^\[\d+\/15\] national-201[89]: /.test(l));
      // The count goes up by the publications of each line, to all of them.
      let done = 0;
      const told: string[] = [];
      for (const line of lines) {
        const [, count, slug, names] = line.match(/^\[(\d+)\/15\] (\S+): (.+) \(\d+:\d\d elapsed(?:, about \d+:\d\d left)?\)$/)!;
        const publications = names === 'charts and exports' ? [] : names.split(', ');
        done += publications.length;
        expect(Number(count)).toBe(done);
        told.push(...publications.map((p) => `${slug}: ${p}`));
      }
      expect(done).toBe(15);
      expect(new Set(told).size).toBe(15);
      for (const slug of ['national-2018', 'national-2019']) {
        for (const publication of ['fulltext', 'summary', 'indicators', 'brief-leadership', 'brief-public']) expect(told).toContain(`${slug}: ${publication}`);
      }
      expect(told).toContain('national-2019: targets-review');
    }
  });

  it('closes with one summary line whose counts are what was written', () => {
    for (const [i, { stdout, stderr }] of results.entries()) {
      const out = [one, two][i];
      const files = filesIn(out).filter((f) => f !== 'index.html' && !f.startsWith('.briefs/'));
      const publications = files.filter((f) => f.endsWith('.pdf'));
      const warnings = stderr.split('\n').filter((l) => l.startsWith('warning: ')).length;
      const last = stdout.trim().split('\n').pop();
      expect(last).toMatch(new RegExp(`^done: 2 report\\(s\\) built, ${publications.length} publication\\(s\\) written \\(${files.length} files\\), ${warnings} warning\\(s\\), 0 error\\(s\\) in \\d+\\.\\d s; open ${join(out, 'index.html')}$`));
      expect(warnings).toBeGreaterThan(0);
    }
  });
});

describe('progress on a terminal', () => {
  // `script` runs the build on a pseudo-terminal, as a user's shell would, sized as a window is.
  const out = scratchDir('briefs-out-');
  const source = scratchDir('briefs-src-');
  let result: ReturnType<typeof spawnSync>;
  let screen: string;
  beforeAll(() => {
    for (const name of ['national-2018.txt', 'national-2019.txt']) copyFileSync(join(corpus, name), join(source, name));
    const command = `stty rows 30 cols 120; '${process.execPath}' '${join(repoRoot, 'node_modules', '.cache', 'briefs', 'cli.js')}'`;
    result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: repoRoot, env: { ...process.env, SOURCE: source, OUT: out, JOBS: '2', PUBLICATIONS: 'summary,brief-media' }, encoding: 'utf8' });
    screen = String(result.stdout);
  });

  it('keeps a status below the log: reports and publications done of all, time elapsed and left, what each thread is on', () => {
    expect(result.status, String(result.stderr)).toBe(0);
    expect(screen).toContain('[0/2 reports · 0/4 publications · 0:00 elapsed]');
    expect(screen).toMatch(/\[\d\/2 reports · [1-4]\/4 publications · \d+:\d\d elapsed, about \d+:\d\d left\]/);
    expect(screen).toMatch(/ {2}thread 1: national-201[89] — summary: laying out/);
    expect(screen).toMatch(/ {2}thread 2: national-201[89] — /);
    // Drawn by log-update, which erases the lines it drew before it prints a line of the log.
    expect(screen).toContain('\u001b[2K');
    expect(screen).not.toMatch(/^national-201[89]: building/m);
  });

  it('closes with the summary line, the status gone, its counts what was written', () => {
    // What the terminal shows of the last line: the control sequences drawn before it take no room.
    const last = screen.replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '').split(/\r?\n/).filter(Boolean).pop()!;
    // 2 reports × (summary + brief-media) in PDF, DOCX, HTML and a thumbnail; charts, JSON and CSV.
    const written = filesIn(out).filter((f) => f !== 'index.html' && !f.startsWith('.briefs/'));
    expect(written.filter((f) => /\.(pdf|docx|html)$/.test(f))).toHaveLength(12);
    const warnings = screen.match(/warning: /g)?.length ?? 0;
    expect(last).toMatch(new RegExp(`^done: 2 report\\(s\\) built, 4 publication\\(s\\) written \\(${written.length} files\\), ${warnings} warning\\(s\\), 0 error\\(s\\) in \\d+\\.\\d s; open ${join(out, 'index.html')}$`));
    expect(screen).toContain(`${join(out, 'national-2019')}/ (`);
  });
});

function filesIn(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(root, join(dir, entry.name)) : [join(dir, entry.name).slice(root.length + 1)]));
}
