// A DOCX that travels: it embeds, subset, the faces its text is set in, and breaks its pages
// where the PDF of the same publication starts them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { parsePublication } from '../../pipeline/publish/parse-publication.js';
import { unzipFiles } from '../../pipeline/util/zip.js';
import { assetsOf } from '../../pipeline/write/assets.js';
import { obfuscateFont } from '../../pipeline/write/docx/embed-fonts.js';
import { fontUse } from '../../pipeline/write/docx/font-use.js';
import { writeDocx } from '../../pipeline/write/docx/write-docx.js';
import { writePdf } from '../../pipeline/write/pdf/write-pdf.js';

const paragraph = (n: number) => `¶${n}　全市地区生产总值增长7.1%，一般公共预算收入增长7%，规模以上工业增加值增长9.5%，固定资产投资增长5%左右，社会消费品零售总额增长8%，城乡居民人均可支配收入分别增长6.5%和7%以上。`;
const markdown = `---
title: "大连市政府工作报告"
subtitle:
  - 阅读版
style: official
---

[TOC]

各位代表：

# 一、2017年工作回顾

${Array.from({ length: 14 }, (_, i) => paragraph(i + 1)).join('\n\n')}

## （一）坚持把稳增长作为首要任务，稳中向好的态势日益巩固

${Array.from({ length: 14 }, (_, i) => paragraph(i + 15)).join('\n\n')}

# 二、**2018年**重点工作安排

${Array.from({ length: 8 }, (_, i) => paragraph(i + 29)).join('\n\n')}
`;

/** Cache: the sample's PDF and DOCX parts, written once for every test here. */
let writing: ReturnType<typeof write> | null = null;
const written = () => (writing ??= write());

async function write() {
  const publication = parsePublication(markdown, 'sample.md');
  const options = { date: new Date('2018-01-01T00:00:00Z'), file: 'sample.md' };
  const pdf = await writePdf(publication, assetsOf([]), options);
  const docx = await writeDocx(publication, assetsOf([]), { ...options, headingPages: pdf.headingPages, pageStarts: pdf.pageStarts });
  const parts = new Map(unzipFiles(docx).map(([path, data]) => [path, path.endsWith('.xml') || path.endsWith('.rels') ? data.toString('utf8') : data] as const));
  return { pdf, parts };
}

describe('the DOCX embeds the faces it sets', () => {
  it('as Word does: obfuscated subsets named in fontTable.xml, flagged in settings, typed in [Content_Types].xml', async () => {
    const { parts } = await written();
    const fontTable = String(parts.get('word/fontTable.xml'));
    const rels = String(parts.get('word/_rels/fontTable.xml.rels'));
    const embeds = [...fontTable.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)].flatMap(([, family, body]) =>
      [...body.matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="\{([0-9A-F-]{36})\}"/g)].map(([, weight, id, key]) => ({ family, weight, id, key })),
    );
    expect(embeds.map((e) => `${e.family} ${e.weight}`).sort()).toEqual(['LXGW WenKai Regular', 'Noto Sans SC Bold', 'Noto Sans SC Regular', 'Noto Serif SC Bold', 'Noto Serif SC Light Regular']);
    expect(String(parts.get('word/settings.xml'))).toMatch(/<w:embedTrueTypeFonts\/><w:saveSubsetFonts\/>/);
    expect(String(parts.get('[Content_Types].xml'))).toMatch(/<Default (?=[^>]*Extension="odttf")(?=[^>]*ContentType="application\/vnd\.openxmlformats-officedocument\.obfuscatedFont")[^>]*\/>/);
    const use = fontUse(parts);
    for (const { family, weight, id, key } of embeds) {
      const target = rels.match(new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`))![1];
      const stored = parts.get(`word/${target}`) as Buffer;
      // Undone with the same key (XOR), it is a TrueType font again: of that family, with every character it sets.
      const font = fontkit.create(obfuscateFont(stored, key)) as fontkit.Font;
      expect(font.familyName, target).toBe(family);
      const characters = [...use.get(family)![weight === 'Bold' ? 'bold' : 'regular']].filter((ch) => ch.trim());
      expect(characters.length).toBeGreaterThan(0);
      for (const ch of characters) expect(font.hasGlyphForCodePoint(ch.codePointAt(0)!), `${family} ${weight} ${ch}`).toBe(true);
      // Only what it prints (and printable ASCII): a few hundred glyphs, not the face's tens of thousands.
      expect(font.numGlyphs).toBeLessThan(characters.length + 200);
    }
  });
});

describe('the DOCX breaks its pages where the PDF does', () => {
  it('with a break at each of the PDF\'s page starts after the contents, inside a paragraph where the page starts in one', async () => {
    const { pdf, parts } = await written();
    expect(pdf.pages).toBeGreaterThanOrEqual(4);
    const body = String(parts.get('word/document.xml'));
    const breaks = (body.match(/<w:br w:type="page"\/>/g) ?? []).length + (body.match(/<w:pageBreakBefore\/>/g) ?? []).length;
    // Every page after the first starts with a break: the contents' own, then one per page start.
    expect(breaks).toBe(pdf.pages - 1);
    expect(body).toMatch(/<w:br w:type="page"\/>/);
    // No widow control and no space between Chinese and figures, as in the PDF.
    expect(String(parts.get('word/styles.xml'))).toContain('<w:pPrDefault><w:pPr><w:widowControl w:val="0"/>');
  });

  it('sets 各位代表： flush left on the official page', async () => {
    const { parts } = await written();
    expect(String(parts.get('word/document.xml'))).toMatch(/<w:ind w:firstLine="0"\/><\/w:pPr><w:r><w:t xml:space="preserve">各位代表：/);
  });
});

describe('a table the PDF breaks across pages', () => {
  const rows = Array.from({ length: 90 }, (_, i) => `| 第${i + 1}项指标，按报告原文摘录 | 下降${(i % 9) + 1}.5% | 预期 | ¶${i + 1} |`);
  const tableMarkdown = `---\ntitle: "主要指标"\n---\n\n# 全部指标\n\n| 指标 | 数值 | 类型 | 出处 |\n| --- | ---: | --- | --- |\n${rows.join('\n')}\n\n# 说明\n\n数据均摘自报告原文。\n`;

  let tableWriting: Promise<{ pdf: Awaited<ReturnType<typeof writePdf>>; body: string; styles: string; pdfPages: string[] }> | null = null;
  const tableWritten = () =>
    (tableWriting ??= (async () => {
      const publication = parsePublication(tableMarkdown, 'table.md');
      const options = { date: new Date('2018-01-01T00:00:00Z'), file: 'table.md' };
      const pdf = await writePdf(publication, assetsOf([]), options);
      const docx = await writeDocx(publication, assetsOf([]), { ...options, pageStarts: pdf.pageStarts });
      const part = (name: string) => unzipFiles(docx).find(([path]) => path === name)![1].toString('utf8');
      const [body, styles] = [part('word/document.xml'), part('word/styles.xml')];
      const dir = mkdtempSync(join(tmpdir(), 'briefs-table-'));
      writeFileSync(join(dir, 'table.pdf'), pdf.pdf);
      const pdfPages = execFileSync('pdftotext', [join(dir, 'table.pdf'), '-'], { encoding: 'utf8' }).split('\f').map((p) => p.replace(/\s/g, ''));
      return { pdf, body, styles, pdfPages };
    })());

  it('is cut into one table per page of the PDF, each starting with the row the PDF\'s page starts with, under the header row', async () => {
    const { pdf, body, pdfPages } = await tableWritten();
    expect(pdf.pages).toBeGreaterThanOrEqual(3);
    const tables = body.split('<w:tbl>').slice(1);
    const pagesWithRows = pdfPages.filter((page) => /第\d+项指标/.test(page));
    expect(pagesWithRows.length).toBeGreaterThanOrEqual(3);
    expect(tables.length).toBe(pagesWithRows.length);
    const rowTexts = (xml: string) => [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));
    const firstRowOnPage = (page: string) => page.match(/第\d+项指标/)![0];
    tables.forEach((table, i) => {
      const [head, first] = rowTexts(table);
      expect(head, `table ${i + 1}`).toBe('指标数值类型出处');
      expect(table).toMatch(/^[\s\S]*?<w:tblHeader\/>/);
      // The PDF's page i + 1 starts (under its repeated header) with the row this table starts with.
      expect(first.startsWith(firstRowOnPage(pagesWithRows[i])), `page ${i + 1}: ${first} vs ${firstRowOnPage(pagesWithRows[i])}`).toBe(true);
    });
    // Each part after the first starts a page, and no row is split across pages.
    expect((body.match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(pdf.pages - 1);
    expect((body.match(/<w:cantSplit\/>/g) ?? []).length).toBe(rows.length + tables.length);
  });

  it('has the columns as wide as the PDF set them, and its lines no taller than the PDF\'s', async () => {
    const { pdf, body, styles } = await tableWritten();
    const pdfWidths = [...pdf.pageStarts.tableColumns.values()][0];
    expect(pdfWidths).toHaveLength(4);
    const grid = [...body.split('<w:tbl>')[1].matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    grid.forEach((twips, i) => expect(Math.abs(twips - pdfWidths[i] * 20), `column ${i + 1}`).toBeLessThanOrEqual(1));
    // The PDF's table text: 9.9 pt Noto Serif SC, lines of 1.437 em (pdfkit's ascent − descent), 14.2 pt.
    const tableText = styles.slice(styles.indexOf('w:styleId="TableText"'));
    const line = Number(tableText.match(/<w:spacing w:line="(\d+)" w:lineRule="exact"\/>/)![1]);
    expect(line / 20).toBeLessThanOrEqual(9.9 * 1.437 + 0.01);
    expect(line / 20).toBeGreaterThan(9.9 * 1.437 - 0.1);
  });
});
