import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync, cpSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fontFile } from '../../pipeline/util/fonts.js';
import { pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
const badInput = join(repoRoot, 'tests', 'fixtures', 'bad-input');
const dalian = readFileSync(join(corpus, 'dalian-2018.txt'), 'utf8');

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : Buffer.from(le).swap16();
  return bom ? Buffer.concat([Buffer.from(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), bytes]) : bytes;
}

/** Every file under a folder, for “nothing half-written” checks. */
const filesUnder = (root: string) => (existsSync(root) ? readdirSync(root, { recursive: true, encoding: 'utf8' }) : []);

describe('a batch of bad and awkward inputs', () => {
  const source = scratchDir('briefs-bad-');
  const out = scratchDir('briefs-out-');
  let result: ReturnType<typeof runBriefs>;
  const BAD: Record<string, string> = {
    'empty.txt': 'the file is empty',
    'blank.txt': 'the file holds only white space',
    'binary.txt': 'this looks like binary data, not a text report',
    'scan.txt': 'this is a PDF file, not a text report; save the report as text (.txt, .md or .html)',
    'photo.txt': 'this is a PNG image, not a text report; save the report as text (.txt, .md or .html)',
    'latin1.txt': 'the bytes are not valid UTF-8 or GB18030/GBK; save the report as UTF-8',
    'huge.txt': 'the file is 5.5 MiB, over the 5 MiB limit for one report',
  };

  beforeAll(() => {
    writeFileSync(join(source, 'empty.txt'), '');
    writeFileSync(join(source, 'blank.txt'), ' \n\t\r\n　\n');
    writeFileSync(join(source, 'binary.txt'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7 + 3) % 256)));
    writeFileSync(join(source, 'scan.txt'), Buffer.from('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n', 'latin1'));
    writeFileSync(join(source, 'photo.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]));
    writeFileSync(join(source, 'latin1.txt'), Buffer.from([0x41, 0x81, 0x30, 0x81, 0xff, 0xfe, 0x80, 0x42, 0x0a, 0x43, 0x44]));
    writeFileSync(join(source, 'huge.txt'), Buffer.alloc(Math.round(5.5 * 1024 * 1024), '报告。\n'));
    writeFileSync(join(source, 'dalian-utf16le.txt'), utf16(dalian, 'le', true));
    writeFileSync(join(source, 'dalian-utf16be-nobom.txt'), utf16(dalian, 'be', false));
    copyFileSync(join(badInput, 'saved-page.html'), join(source, 'saved-page.html'));
    writeFileSync(join(source, 'no-headings.txt'), '过去一年，全市地区生产总值增长6.8%。\n我们坚持稳中求进，城镇新增就业8.6万人。\n今年地区生产总值预期增长6.5%左右。\n');
    result = runBriefs({ SOURCE: source, OUT: out, AUDIENCE: 'public' });
  });

  it('names each bad file on one line with what is wrong, and exits non-zero', () => {
    expect(result.status).toBe(1);
    for (const [name, message] of Object.entries(BAD)) expect(result.stderr).toContain(`error: ${join(source, name)}: ${message}`);
    expect(result.stderr).not.toMatch(/\n\s+at \S+ \(/);
    expect(result.stderr).toContain(`${Object.keys(BAD).length} problem(s); the other reports were built:`);
  });

  it('writes nothing for the bad files and leaves no temporary files', () => {
    for (const name of Object.keys(BAD)) expect(existsSync(join(out, name.replace('.txt', '')))).toBe(false);
    expect(filesUnder(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reads UTF-16 with and without a BOM to the same publications as UTF-8', () => {
    for (const slug of ['dalian-utf16le', 'dalian-utf16be-nobom']) {
      const text = squash(pdfText(join(out, slug, 'fulltext.pdf')));
      expect(text).toContain(squash('主要指标增势良好。实现地区生产总值7363.9亿元，增长7.1%'));
      const indicators = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8'));
      expect(indicators.indicators.length).toBeGreaterThan(230);
    }
  });

  it('keeps the text of an HTML page saved from a browser and drops everything active', () => {
    const folder = join(out, 'saved-page');
    const all = filesUnder(folder).filter((f) => /\.(pdf)$/.test(f)).map((f) => squash(pdfText(join(folder, f)))).join('');
    expect(all).toContain(squash('过去一年，全市地区生产总值增长6.8%，一般公共预算收入增长7.2%。'));
    for (const gone of ['alert', 'document.cookie', 'tracker', '弹窗广告', '点击领取红包', '新闻中心', '版权所有', 'font-family', '当前位置']) expect(all).not.toContain(gone);
    for (const f of filesUnder(folder).filter((f) => /\.(json|csv)$/.test(f))) expect(readFileSync(join(folder, f), 'utf8')).not.toMatch(/<script|javascript:|onclick/i);
    expect(result.stderr).toContain(`warning: ${join(source, 'saved-page.html')}:7:1: dropped HTML block “nav”`);
  });

  it('still makes the full text and indicators of a report with no headings, with a warning', () => {
    expect(existsSync(join(out, 'no-headings', 'fulltext.pdf'))).toBe(true);
    expect(existsSync(join(out, 'no-headings', 'indicators.json'))).toBe(true);
    expect(result.stderr).toContain(`warning: ${join(source, 'no-headings.txt')}:1:1: no headings recognised`);
  });
});

describe('mistakes in how the tool is called', () => {
  it('a SOURCE that does not exist', () => {
    const r = runBriefs({ SOURCE: '/nonexistent/reports', OUT: scratchDir('briefs-out-') });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe('error: /nonexistent/reports: SOURCE does not exist (give a folder of reports or one report file)');
  });

  it('an OUT that cannot be written', () => {
    const file = join(scratchDir('briefs-x-'), 'a-file');
    writeFileSync(file, '');
    const r = runBriefs({ SOURCE: join(repoRoot, 'source'), OUT: join(file, 'out') });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`error: ${join(file, 'out')}: cannot write here (ENOTDIR); set OUT to a folder you can write`);
  });

  it('a missing font package is named, with the command that installs it', () => {
    expect(() => fontFile('@expo-google-fonts/not-installed-sc', '400Regular', 'X.ttf')).toThrow('font package is not installed; run `npm ci`');
  });
});

describe('incremental builds', () => {
  const source = scratchDir('briefs-inc-');
  const out = scratchDir('briefs-out-');
  const templates = scratchDir('briefs-templates-');
  const mtimes = () =>
    Object.fromEntries(
      filesUnder(join(out, 'dalian-2018'))
        .filter((f) => statSync(join(out, 'dalian-2018', f)).isFile())
        .map((f) => [f, statSync(join(out, 'dalian-2018', f)).mtimeMs]),
    );

  beforeAll(() => {
    copyFileSync(join(corpus, 'dalian-2018.txt'), join(source, 'dalian-2018.txt'));
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
  });

  it('rebuild nothing when nothing changed, and exactly what depends on a change', () => {
    const env = { SOURCE: source, OUT: out, TEMPLATES: templates, AUDIENCE: 'public' };
    expect(runBriefs(env).status).toBe(0);
    const first = mtimes();
    const again = runBriefs(env);
    expect(again.stdout).toContain('(up to date)');
    expect(mtimes()).toEqual(first);

    // A template change rebuilds its publication only.
    const summary = join(templates, 'summary.md.hbs');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace('# 主要成绩', '# 一年来的主要成绩'));
    expect(runBriefs(env).status).toBe(0);
    const afterTemplate = mtimes();
    const changed = Object.keys(first).filter((f) => afterTemplate[f] !== first[f]).sort();
    expect(changed).toEqual(['summary.docx', 'summary.html', 'summary.pdf', 'thumbs/summary.png']);
    expect(squash(pdfText(join(out, 'dalian-2018', 'summary.pdf')))).toContain('一年来的主要成绩');

    // An audience change rebuilds that brief only.
    const audience = join(templates, 'audiences', 'public.yaml');
    writeFileSync(audience, readFileSync(audience, 'utf8').replace('title: 市民版', 'title: 市民读本'));
    expect(runBriefs(env).status).toBe(0);
    const afterAudience = mtimes();
    expect(Object.keys(first).filter((f) => afterAudience[f] !== afterTemplate[f]).sort()).toEqual(['brief-public.docx', 'brief-public.html', 'brief-public.pdf', 'thumbs/brief-public.png']);
    // The gallery names the brief by its audience's new title.
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<span class="name">市民读本</span>');

    // A source change rebuilds everything of that report.
    const report = join(source, 'dalian-2018.txt');
    writeFileSync(report, `${readFileSync(report, 'utf8')}\n`);
    utimesSync(report, new Date(), new Date());
    expect(runBriefs(env).status).toBe(0);
    const afterSource = mtimes();
    expect(Object.keys(first).filter((f) => afterSource[f] === afterAudience[f] && /\.(pdf|docx|html|json|csv)$/.test(f))).toEqual([]);
  });
});
