import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, rmSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const report = join(repoRoot, 'tests', 'fixtures', 'corpus', 'dalian-2018.txt');
const cli = join(repoRoot, 'node_modules', '.cache', 'briefs', 'cli.js');

/** `make <args>` in the repository, as a user types it. */
function make(...args: string[]) {
  const result = spawnSync('make', ['-s', '--no-print-directory', ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function filesIn(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(root, join(dir, entry.name)) : [join(dir, entry.name).slice(root.length + 1)]));
}

describe('make help and --help', () => {
  it('lists the targets, the variables with their defaults, and examples', () => {
    const { status, stdout } = make('help');
    expect(status).toBe(0);
    for (const target of ['make briefs', 'make preview', 'make audiences', 'make audience NAME=x', 'make test', 'make help']) expect(stdout).toContain(`  ${target} `);
    for (const variable of ['SOURCE=source ', 'OUT=out ', 'AUDIENCE= ', 'FORMATS=pdf,docx,html ', 'PUBLICATIONS= ', 'TEMPLATES=templates ', 'JOBS= ', 'PORT=8040 ']) expect(stdout).toContain(`  ${variable}`);
    expect(stdout).toContain('make briefs FORMATS=pdf PUBLICATIONS=summary,brief');
  });

  it('is what make prints with no target, and what the command prints for --help', () => {
    const text = make('help').stdout;
    expect(make().stdout).toBe(text);
    for (const argument of ['--help', '-h', 'help']) {
      const result = spawnSync(process.execPath, [cli, argument], { encoding: 'utf8' });
      expect(result.status).toBe(0);
      expect(result.stdout).toBe(text);
    }
  });
});

describe('make and a variable it does not know', () => {
  it('stops before building, naming the variable and listing those it knows', () => {
    const { status, stderr } = make('briefs', 'FORMAT=pdf', 'OUT=/nonexistent/never');
    expect(status).not.toBe(0);
    expect(stderr).toContain('unknown variable(s) FORMAT; the variables are: SOURCE OUT AUDIENCE FORMATS PUBLICATIONS');
    expect(existsSync('/nonexistent/never')).toBe(false);
  });
});

describe('make audiences', () => {
  it('lists each audience file with its name, style, page budget, template and title', () => {
    const { status, stdout } = make('audiences');
    expect(status).toBe(0);
    const folder = join(repoRoot, 'templates', 'audiences');
    const files = readdirSync(folder).filter((f) => f.endsWith('.yaml'));
    expect(stdout.split('\n')[0]).toContain(`${files.length} audience(s) in templates/audiences/`);
    for (const file of files) {
      const audience = parse(readFileSync(join(folder, file), 'utf8'));
      const row = stdout.split('\n').find((l) => l.startsWith(`  ${file.replace(/\.yaml$/, '')} `));
      expect(row, file).toBeDefined();
      expect(row!.trim().split(/\s+/)).toEqual([file.replace(/\.yaml$/, ''), audience.style ?? 'modern', String(audience.pages ?? 1), audience.template ?? 'brief.md.hbs', audience.title]);
    }
  });

  it('lists the audiences of TEMPLATES, and names an audience file it cannot read', () => {
    const templates = scratchDir('briefs-templates-');
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    writeFileSync(join(templates, 'audiences', 'press.yaml'), 'title: 记者版\nstyle: offical\n');
    const result = spawnSync(process.execPath, [cli, 'audiences'], { encoding: 'utf8', env: { ...process.env, TEMPLATES: templates } });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^ {2}business +modern +1 +brief\.md\.hbs +投资与营商$/m);
    expect(result.stderr).toContain(`error: ${join(templates, 'audiences', 'press.yaml')}:2:8: style is “modern” or “official”`);
  });
});

describe('values the command does not accept', () => {
  const out = scratchDir('briefs-out-');
  const rejected: Array<[Record<string, string>, string[], string]> = [
    [{ FORMATS: 'pdf,pfd' }, [], 'error: FORMATS=pdf,pfd: no format “pfd”; formats are: pdf, docx, html'],
    [{ PUBLICATIONS: 'summary,sumary' }, [], 'error: PUBLICATIONS=summary,sumary: no publication “sumary”; publications are: brief, fulltext, summary, indicators, targets-review, brief-business, brief-leadership, brief-media, brief-public'],
    [{ PUBLICATIONS: 'brief-investors' }, [], 'no publication “brief-investors”; publications are: brief,'],
    [{ JOBS: 'two' }, [], 'error: JOBS=two: give a whole number of threads, 1 or more'],
    [{}, ['--formats=pdf'], 'error: unknown argument “--formats=pdf”; the command takes --help or audiences'],
  ];
  it.each(rejected)('%j %j: one error line listing what is accepted, exit 2, nothing written', (env, args, message) => {
    const never = join(out, `never-${Object.keys(env).join('') || 'argument'}`);
    const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, SOURCE: report, OUT: never, ...env } });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
    expect(existsSync(never)).toBe(false);
  });

  it('accepts the forms users write: a group’s plural, an audience alone, any case and spacing', () => {
    const result = runBriefs({ SOURCE: report, OUT: join(out, 'forms'), PUBLICATIONS: ' Briefs, ', FORMATS: 'PDF', AUDIENCE: 'media' });
    expect(result.status, result.stderr).toBe(0);
    expect(filesIn(join(out, 'forms', 'dalian-2018')).filter((f) => /\.(pdf|docx|html)$/.test(f))).toEqual(['brief-media.pdf']);
    const again = runBriefs({ SOURCE: report, OUT: join(out, 'forms'), PUBLICATIONS: 'Media Summary', FORMATS: 'pdf docx' });
    expect(again.status, again.stderr).toBe(0);
    expect(filesIn(join(out, 'forms', 'dalian-2018')).filter((f) => /\.(pdf|docx|html)$/.test(f)).sort()).toEqual(['brief-media.docx', 'brief-media.pdf', 'summary.docx', 'summary.pdf']);
  });
});

describe('FORMATS and PUBLICATIONS', () => {
  const out = scratchDir('briefs-out-');
  const templates = scratchDir('briefs-templates-');
  const folder = join(out, 'dalian-2018');
  let first: ReturnType<typeof runBriefs>;
  let firstFiles: string[];
  let before: Map<string, string>;
  let second: ReturnType<typeof runBriefs>;
  const stamp = (file: string) => {
    const info = statSync(join(out, file));
    return `${info.mtimeMs} ${info.size}`;
  };

  beforeAll(() => {
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    first = runBriefs({ SOURCE: report, OUT: out, TEMPLATES: templates, PUBLICATIONS: 'summary,business', FORMATS: 'pdf,html' });
    firstFiles = filesIn(out).sort();
    before = new Map(firstFiles.map((f) => [f, stamp(f)]));
    // Both the summary's and the briefs' templates change; only the summary is asked for, as DOCX.
    for (const name of ['summary.md.hbs', 'brief.md.hbs']) writeFileSync(join(templates, name), `${readFileSync(join(templates, name), 'utf8')}\n`);
    second = runBriefs({ SOURCE: report, OUT: out, TEMPLATES: templates, PUBLICATIONS: 'summary', FORMATS: 'docx' });
  });

  it('writes only the publications and formats asked for, with the report’s data and the gallery', () => {
    expect(first.status, first.stderr).toBe(0);
    const charts = readdirSync(join(folder, 'charts')).map((f) => `dalian-2018/charts/${f}`);
    expect(charts.length).toBeGreaterThan(0);
    expect(firstFiles).toEqual(
      [
        '.briefs/manifest.json',
        'index.html',
        ...charts,
        ...['brief-business.html', 'brief-business.pdf', 'corpus.json', 'indicators.csv', 'indicators.json', 'summary.html', 'summary.pdf', 'thumbs/brief-business.png', 'thumbs/summary.png'].map((f) => `dalian-2018/${f}`),
      ].sort(),
    );
    expect(first.stdout).toMatch(/^done: 1 report\(s\) built, 2 publication\(s\) written \(\d+ files\)/m);
  });

  it('then writes the one file asked for and leaves the rest of OUT as it was, stale or not', () => {
    expect(second.status, second.stderr).toBe(0);
    const after = filesIn(out).sort();
    expect(after).toEqual([...firstFiles, 'dalian-2018/summary.docx'].sort());
    const changed = after.filter((f) => before.get(f) !== stamp(f));
    expect(changed.sort()).toEqual(['.briefs/manifest.json', 'dalian-2018/summary.docx', 'dalian-2018/thumbs/summary.png', 'index.html']);
    expect(second.stdout).toMatch(/^done: 1 report\(s\) built, 1 publication\(s\) written \(2 files\)/m);
  });

  it('marks in the gallery what was not built: the publications left out, and the formats', () => {
    const html = readFileSync(join(out, 'index.html'), 'utf8');
    const item = (label: string) => html.split('<li').find((li) => li.includes(`<span class="name">${label}</span>`))!;
    for (const label of ['全文（阅读版）', '主要指标', '领导参阅', '市民版', '新闻要点']) expect(item(label), label).toMatch(/class="[^"]*\bnot-built\b/);
    expect(item('执行摘要')).not.toContain('未生成');
    expect(item('执行摘要')).toContain('href="dalian-2018/summary.docx"');
    expect(item('投资与营商')).toContain('DOCX 未生成');
    expect(item('投资与营商')).toContain('href="dalian-2018/brief-business.pdf"');
  });
});

describe('warnings and errors the user can put right', () => {
  it('say how: the .yaml beside the report, the heading lines, the template to copy', () => {
    const source = scratchDir('briefs-src-');
    const templates = scratchDir('briefs-templates-');
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    rmSync(join(templates, 'indicators.md.hbs'));
    // A report with neither a title line nor headings: its paragraphs only.
    const body = readFileSync(report, 'utf8').split('\n').filter((l) => l.trim().length > 60 && !/^[一二三四五六七八九十]+、|^（[一二三四五六七八九十]+）/.test(l.trim()));
    writeFileSync(join(source, 'plain.txt'), `${body.join('\n')}\n`);
    const result = runBriefs({ SOURCE: source, OUT: scratchDir('briefs-out-'), TEMPLATES: templates, PUBLICATIONS: 'indicators,summary', FORMATS: 'pdf' });
    expect(result.stderr).toMatch(new RegExp(`^warning: ${join(source, 'plain.txt')}:1:1: no title line found; using “[^”]+” \\(write the title as the first line, or issuer: and year: in ${join(source, 'plain.yaml')}\\)$`, 'm'));
    expect(result.stderr).toMatch(/^warning: .*plain\.txt:\d+:1: no headings recognised .*; the report is read as one section \(to have sections, put each heading on a line of its own, starting 一、 or （一）\)$/m);
    expect(result.stderr).toContain(`error: ${join(templates, 'indicators.md.hbs')}: template not found; copy indicators.md.hbs from the bundled templates/ into TEMPLATES`);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^done: 1 report\(s\) built, 1 publication\(s\) written \(\d+ files\), [1-9]\d* warning\(s\), 1 error\(s\)/m);
  });
});
