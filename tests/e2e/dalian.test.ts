import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { convertWithLibreOffice, pdfFonts, pdfInfo, pdfText, pythonDocx, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const out = scratchDir('briefs-out-');
const folder = join(out, 'dalian-2018');
const source = readFileSync(join(repoRoot, 'source', 'dalian-2018.txt'), 'utf8');
const AD = '侯卫东官场笔记';

/** The report's paragraphs and headings, read straight from the source: one per line, markup removed. */
const sourceBlocks = source
  .split('\n')
  .slice(1)
  .map((line) => line.replace(/<a\b[^>]*>.*?<\/a>/g, '').replace(/<[^>]+>/g, '').trim())
  .filter(Boolean);
const isHeading = (text: string) => /^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/.test(text) && text.length < 60 && !text.includes('。');

/** Text of the PDF's text block only (no running head or page number), white space and ¶ marks removed. */
function bodyText(pdf: string): string {
  // The official page's text block: 37 mm from the top, 35 mm from the bottom (GB/T 9704).
  const text = pdfText(pdf, '-r', '72', '-x', '0', '-y', '95', '-W', '596', '-H', '652');
  // ¶61 stands apart from its paragraph's text (which may start with digits: 2018年…).
  return squash(text.replace(/¶\d+(?=\s)/g, ''));
}

const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

beforeAll(() => {
  const result = runBriefs({ SOURCE: join(repoRoot, 'source'), OUT: out });
  if (result.status !== 0) throw new Error(`build failed (${result.status}):\n${result.stderr}`);
});

describe('make briefs on the bundled report', () => {
  it('writes fulltext and summary as DOCX and PDF, and the chart PNG', () => {
    for (const name of ['fulltext.docx', 'fulltext.pdf', 'summary.docx', 'summary.pdf', 'indicators.docx', 'indicators.pdf', 'indicators.json', 'indicators.csv', 'charts/industry-structure.png']) {
      expect(existsSync(join(folder, name)), name).toBe(true);
    }
  });

  it('prints every paragraph of the report in fulltext.pdf exactly once, and every heading', () => {
    const body = bodyText(join(folder, 'fulltext.pdf'));
    const paragraphs = sourceBlocks.filter((b) => !isHeading(b));
    expect(paragraphs.length).toBe(112);
    for (const paragraph of paragraphs) {
      expect(occurrences(body, squash(paragraph)), paragraph.slice(0, 20)).toBe(occurrences(squash(sourceBlocks.join('')), squash(paragraph)));
    }
    for (const heading of sourceBlocks.filter(isHeading)) expect(body).toContain(squash(heading));
  });

  it('leaves the injected ad out of every output', () => {
    for (const pdf of ['fulltext.pdf', 'summary.pdf']) expect(pdfText(join(folder, pdf))).not.toContain(AD);
    for (const docx of ['fulltext.docx', 'summary.docx']) expect(pythonDocx(join(folder, docx)).text.join('')).not.toContain(AD);
  });

  it('embeds and subsets every PDF font, and keeps fulltext.pdf under 1 MiB on A4', () => {
    for (const pdf of ['fulltext.pdf', 'summary.pdf', 'indicators.pdf']) {
      const fonts = pdfFonts(join(folder, pdf));
      expect(fonts.length).toBeGreaterThan(0);
      for (const font of fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.subset, font.name).toBe(true);
        expect(font.name).toMatch(/Noto(Serif|Sans)SC|LXGWWenKai/);
      }
      expect(pdfInfo(join(folder, pdf))['Page size']).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    }
    expect(statSync(join(folder, 'fulltext.pdf')).size).toBeLessThanOrEqual(1024 * 1024);
  });

  it('puts a table of contents with page numbers in fulltext.pdf, and page numbers on every page', () => {
    const firstPages = pdfText(join(folder, 'fulltext.pdf'), '-f', '1', '-l', '2');
    expect(firstPages).toContain('目');
    expect(firstPages).toMatch(/一、2017年工作回顾\s*\d+/);
    // Its twenty entries fit the first page (as LibreOffice sets the DOCX's): the text starts on page 2.
    expect(pdfText(join(folder, 'fulltext.pdf'), '-f', '1', '-l', '1')).toMatch(/（九）建设人民满意的服务型政府\s*\d+/);
    expect(pdfText(join(folder, 'fulltext.pdf'), '-f', '2', '-l', '2').trimStart()).toMatch(/^一、2017年工作回顾/);
    expect(pdfText(join(folder, 'fulltext.pdf'), '-f', '5', '-l', '5')).toMatch(/—\s*5\s*—/);
    // The summary, on the modern page, has a running head from its second page on.
    expect(pdfText(join(folder, 'summary.pdf'), '-f', '2', '-l', '2')).toContain('2018年大连市政府工作报告 · 执行摘要');
  });

  it('writes DOCX with real Word styles, zh-CN, and a TOC that carries page numbers', () => {
    const doc = pythonDocx(join(folder, 'fulltext.docx'));
    expect(doc.used).toEqual(expect.arrayContaining(['Title', 'Heading 1', 'Heading 2', 'Body Text']));
    expect(doc.defined).toEqual(expect.arrayContaining(['Title', 'Heading 1', 'Heading 2', 'Heading 3', 'Caption', 'toc 1', 'toc 2']));
    expect(doc.title).toBe('2018年大连市政府工作报告');
    expect(doc.language).toBe('zh-CN');
    const xml = execFileSync('unzip', ['-p', join(folder, 'fulltext.docx'), 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const tocEntry = xml.match(/一、2017年工作回顾<\/w:t>.*?<w:t[^>]*>(\d+)<\/w:t>/);
    expect(tocEntry?.[1]).toMatch(/^\d+$/);
    const paragraphs = doc.text.filter((t) => /^¶\d+/.test(t));
    expect(paragraphs.length).toBe(112);
  });

  it('converts every DOCX with LibreOffice to pages with the same text', () => {
    const pdfs = convertWithLibreOffice([join(folder, 'fulltext.docx'), join(folder, 'summary.docx')], join(out, 'libreoffice'));
    // LibreOffice hangs a line-end comma into the margin, where pdftotext does not see it: compare without punctuation.
    const words = (text: string) => squash(text).replace(/[，。、；：！？“”‘’（）《》—…·,.;:!?()]/g, '');
    const fulltext = words(bodyText(pdfs[0]));
    for (const paragraph of sourceBlocks.filter((b) => !isHeading(b))) expect(fulltext).toContain(words(paragraph));
    expect(Number(pdfInfo(pdfs[0]).Pages)).toBeGreaterThan(10);
    expect(squash(pdfText(pdfs[1]))).toContain('三次产业结构');
    for (const font of pdfFonts(pdfs[0])) expect(font.name).toMatch(/Noto(Serif|Sans)SC|LXGWWenKai|DejaVuSans/);
  });

  it('shows the 三次产业结构 chart in the summary, in both formats, with its source', () => {
    const summary = squash(pdfText(join(folder, 'summary.pdf')));
    expect(summary).toContain('三次产业结构');
    expect(summary).toContain(squash('资料来源：2018年大连市政府工作报告，第3段'));
    const images = execFileSync('pdfimages', ['-list', join(folder, 'summary.pdf')], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim().split(/\s+/)[2] === 'image');
    expect(images.length).toBe(1);
    const media = execFileSync('unzip', ['-l', join(folder, 'summary.docx')], { encoding: 'utf8' });
    expect(media).toMatch(/word\/media\/\S+\.png/);
  });

  it('renders every chart at print resolution (≥ 200 dpi at 150 mm wide)', () => {
    for (const chart of ['industry-structure', 'growth', 'targets']) {
      const png = readFileSync(join(folder, 'charts', `${chart}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
      expect(png.readUInt32BE(16), chart).toBeGreaterThanOrEqual(Math.floor((150 / 25.4) * 200));
    }
  });

  it('exports every indicator as JSON and as CSV that Excel reads (UTF-8 with BOM)', () => {
    const json = JSON.parse(readFileSync(join(folder, 'indicators.json'), 'utf8'));
    expect(json.report).toMatchObject({ slug: 'dalian-2018', title: '2018年大连市政府工作报告', year: 2018 });
    expect(json.indicators.length).toBeGreaterThan(230);
    for (const i of json.indicators) {
      expect(Object.keys(i)).toEqual(expect.arrayContaining(['id', 'name', 'value', 'unit', 'kind', 'direction', 'qualifier', 'period', 'section', 'line', 'text']));
      expect(typeof i.value).toBe('number');
      expect(['level', 'growth', 'change', 'share', 'count', 'target']).toContain(i.kind);
      expect(i.unit).not.toContain('％');
    }
    const gdp = json.indicators.find((i: any) => i.line === 15 && i.value === 7363.9);
    expect(gdp).toMatchObject({ name: '地区生产总值', unit: '亿元', kind: 'level', period: '2017', text: '实现地区生产总值7363.9亿元' });
    const csv = readFileSync(join(folder, 'indicators.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('id,name,value,unit,kind,direction,qualifier,period,section,line,paragraph,text');
    expect(rows.length - 1).toBe(json.indicators.length);
    expect(rows).toContain(`${gdp.id},地区生产总值,7363.9,亿元,level,,,2017,（一）坚持把稳增长作为首要任务，稳中向好的态势日益巩固,15,12,实现地区生产总值7363.9亿元`);
  });

  it('prints the main table of results against targets, each figure citing its ¶', () => {
    const text = squash(pdfText(join(folder, 'indicators.pdf'), '-f', '1', '-l', '1'));
    expect(text).toContain(squash('地区生产总值 7363.9亿元（¶12） 7.1%（¶12） 7%左右（¶62）'));
    expect(text).toContain(squash('单位GDP能耗 — 下降3.5%（¶12） 下降3.5%（¶62）'));
    expect(text).toContain(squash('城镇登记失业率 — — 3%以内（¶62）'));
    const all = squash(pdfText(join(folder, 'indicators.pdf')));
    expect(all).toContain('资料来源：2018年大连市政府工作报告，第12、20、62段');
    const doc = pythonDocx(join(folder, 'indicators.docx'));
    expect(doc.text.join('')).toContain('全部指标（按章节）');
  });
});
