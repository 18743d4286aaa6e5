import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureOfficialPages } from '../helpers/official-page.js';
import { convertWithLibreOffice, pdfInfo, pythonDocx, repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const first = scratchDir('briefs-a-');
const second = scratchDir('briefs-b-');
const folder = join(first, 'dalian-2018');

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => join(root, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => relative(root, f))
    .sort();
}

beforeAll(() => {
  for (const out of [first, second]) {
    const result = runBriefs({ SOURCE: join(repoRoot, 'source'), OUT: out });
    if (result.status !== 0) throw new Error(result.stderr);
  }
});

describe('the official page (GB/T 9704-2012) of fulltext.pdf', () => {
  const measures = () => measureOfficialPages(join(folder, 'fulltext.pdf'), { skipFirst: 1 });

  it('is A4 with the text block 28 mm from the left and 26 mm from the right edge (±1.5 mm)', () => {
    expect(pdfInfo(join(folder, 'fulltext.pdf'))['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    const m = measures();
    for (const left of m.leftMm) expect(Math.abs(left - 28)).toBeLessThanOrEqual(1.5);
    for (const right of m.rightMm) expect(Math.abs(right - 26)).toBeLessThanOrEqual(1.5);
  });

  it('holds 22 ± 1 lines on every full page and 28 ± 1 characters on full lines', () => {
    const m = measures();
    expect(m.linesPerPage.length).toBeGreaterThan(20);
    for (const lines of m.linesPerPage) expect(Math.abs(lines - 22)).toBeLessThanOrEqual(1);
    const within = m.charsPerFullLine.filter((c) => Math.abs(c - 28) <= 1).length;
    expect(m.charsPerFullLine.length).toBeGreaterThan(300);
    expect(within / m.charsPerFullLine.length).toBeGreaterThanOrEqual(0.95);
  });

  it('justifies CJK lines: ≥ 90 % of lines that a paragraph continues after end at the right edge (±1 mm)', () => {
    expect(measures().justifiedShare).toBeGreaterThanOrEqual(0.9);
  });

  it('never starts a line with closing punctuation or ends one with opening punctuation (避头尾)', () => {
    expect(measures().kinsokuViolations).toEqual([]);
  });
});

describe('reproducible builds', () => {
  it('give byte-identical DOCX, PDF, PNG, JSON and CSV files', () => {
    const files = filesUnder(first);
    expect(files).toEqual(filesUnder(second));
    expect(files.filter((f) => /\.(docx|pdf|png|json|csv)$/.test(f)).length).toBeGreaterThanOrEqual(19);
    for (const file of files) expect(readFileSync(join(first, file)).equals(readFileSync(join(second, file))), file).toBe(true);
  });
});

describe('DOCX that every reader gets right', () => {
  it('opens in python-docx with real styles and document properties', () => {
    const doc = pythonDocx(join(folder, 'fulltext.docx'));
    expect(doc.defined).toEqual(expect.arrayContaining(['Title', 'Heading 1', 'Heading 2', 'Heading 3', 'Caption', 'toc 1', 'toc 2', 'Briefs Table']));
    const props = JSON.parse(
      execFileSync('/usr/bin/python3', ['-c', 'import docx,sys,json; p=docx.Document(sys.argv[1]).core_properties; print(json.dumps({"title":p.title,"subject":p.subject,"keywords":p.keywords,"language":p.language}, ensure_ascii=False))', join(folder, 'fulltext.docx')], { encoding: 'utf8' }),
    );
    expect(props).toEqual({ title: '2018年大连市政府工作报告', subject: '政府工作报告全文（阅读版）', keywords: '政府工作报告, 全文', language: 'zh-CN' });
  });

  it('sets the official page in fulltext.docx too: margins, 3号 body as the PDF sets it, exact 29 pt lines', () => {
    const xml = execFileSync('unzip', ['-p', join(folder, 'fulltext.docx'), 'word/document.xml', 'word/styles.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // The PDF's 15.75 pt in Word's half points: 15.5 (31), not 16, so that 28 characters fit a line.
    expect(xml).toMatch(/<w:sz w:val="31"\/>/);
    expect(xml).not.toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/w:line="579" w:lineRule="exact"/);
    expect(xml).toContain('w:eastAsia="Noto Serif SC Light"');
  });

  let converted: string[] | null = null;
  const docx = () => readdirSync(folder).filter((f) => f.endsWith('.docx'));
  const libreOffice = () => (converted ??= convertWithLibreOffice(docx().map((f) => join(folder, f)), join(first, '..', `${first.split('/').pop()}-lo`)));

  it('converts in LibreOffice to as many pages as our PDF, every publication, and the briefs to one', () => {
    const converted = libreOffice();
    expect(docx()).toEqual(expect.arrayContaining(['fulltext.docx', 'summary.docx', 'indicators.docx', 'brief-public.docx']));
    docx().forEach((name, i) => {
      const ours = Number(pdfInfo(join(folder, name.replace('.docx', '.pdf'))).Pages);
      const theirs = Number(pdfInfo(converted[i]).Pages);
      expect(theirs, `${name}: ours ${ours}, LibreOffice ${theirs}`).toBe(ours);
      if (name.startsWith('brief-')) expect(theirs, name).toBe(1);
    });
  });

  it('sets 28 characters on a full line of fulltext.docx in LibreOffice, as on the PDF', () => {
    const lines = measureOfficialPages(libreOffice()[docx().indexOf('fulltext.docx')], { skipFirst: 1 }).charsPerFullLine.map(Math.round);
    expect(lines.length).toBeGreaterThan(100);
    const counts = new Map<number, number>();
    for (const n of lines) counts.set(n, (counts.get(n) ?? 0) + 1);
    const mostCommon = [...counts].sort((a, b) => b[1] - a[1])[0][0];
    expect(mostCommon, JSON.stringify(Object.fromEntries(counts))).toBe(28);
  });

  it('gives in the DOCX contents the pages of the PDF contents, and LibreOffice puts each heading there, give or take one', () => {
    const xml = execFileSync('unzip', ['-p', join(folder, 'fulltext.docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const contents = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
    const entries = [...contents.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/g)]
      .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
      .map((text) => text.match(/^(.+?)(\d+)$/))
      .filter((m): m is RegExpMatchArray => m !== null)
      .map((m) => ({ title: m[1], page: Number(m[2]) }));
    expect(entries.length).toBe(20);
    // The PDF's own contents list the same headings on the same pages.
    const pdfContents = execFileSync('pdftotext', ['-layout', '-f', '1', '-l', '3', join(folder, 'fulltext.pdf'), '-'], { encoding: 'utf8' }).replace(/[ \t]+/g, '');
    for (const { title, page } of entries) expect(pdfContents, title).toMatch(new RegExp(`${title.replace(/[()（）]/g, '.')}\\s*${page}\\b`));
    // LibreOffice's pages of the DOCX: each heading is found on the page given, or next to it.
    const pages = execFileSync('pdftotext', [libreOffice()[docx().indexOf('fulltext.docx')], '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s/g, ''));
    let exact = 0;
    for (const { title, page } of entries) {
      const found = pages.findIndex((text, i) => i > 0 && text.includes(title.replace(/\s/g, ''))) + 1;
      expect(Math.abs(found - page), `${title}: contents say ${page}, LibreOffice sets it on ${found}`).toBeLessThanOrEqual(1);
      if (found === page) exact++;
    }
    // LibreOffice breaks some lines otherwise (it hangs punctuation in the margin, spaces figures
    // from Chinese), but the DOCX breaks its pages where the PDF's start: the headings fall on the page given.
    expect(exact / entries.length, `${exact} of ${entries.length} headings on the page the contents give`).toBeGreaterThanOrEqual(0.95);
  });
});
