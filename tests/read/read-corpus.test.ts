import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { List } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../pipeline/read/read-report.js';
import { level1Headings, positionedTexts } from '../helpers/tree.js';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const read = (name: string) => readReportText(readFileSync(join(corpus, name)), join(corpus, name));

/** What each corpus report must read as: its title, its parts, and the noise it carries. */
const REPORTS = [
  { file: 'dalian-2018.txt', title: '2018年大连市政府工作报告', issuer: '大连市人民政府', year: 2018, level1: 4, noise: ['侯卫东官场笔记', 'libaiwu', '<strong>', '<a '] },
  { file: 'national-2018.txt', title: '2018年国务院政府工作报告', issuer: '国务院', year: 2018, level1: 3, noise: ['本作品是中华人民共和国', '维基文库', 'Public domain', 'false'] },
  { file: 'national-2018.gb18030.txt', title: '2018年国务院政府工作报告', issuer: '国务院', year: 2018, level1: 3, noise: ['本作品是中华人民共和国', 'Public domain'] },
  { file: 'national-2019.txt', title: '2019年国务院政府工作报告', issuer: '国务院', year: 2019, level1: 3, noise: ['本作品是中华人民共和国', '维基文库', 'Public domain'] },
  { file: 'guangdong-2026.txt', title: '政府工作报告', issuer: '广东省人民政府', year: 2026, level1: 3, noise: [] },
];

describe.each(REPORTS)('reading $file', (expected) => {
  const report = read(expected.file);
  const source = readFileSync(join(corpus, expected.file));
  const sourceText = expected.file.includes('gb18030') ? new TextDecoder('gb18030').decode(source) : source.toString('utf8');
  const sourceLines = sourceText.split(/\r\n|\r|\n/);

  it('finds the title, issuer and year', () => {
    expect(report.title).toBe(expected.title);
    expect(report.identity.issuer).toBe(expected.issuer);
    expect(report.identity.year).toBe(expected.year);
  });

  it('finds the level-1 sections (一、…)', () => {
    const headings = level1Headings(report.tree);
    expect(headings.filter((h) => /^[一二三四五六七八九十]+、/.test(h)).length).toBeGreaterThanOrEqual(expected.level1);
  });

  it('drops the noise around the report', () => {
    const text = toString(report.tree);
    for (const noise of expected.noise) expect(text).not.toContain(noise);
  });

  it('keeps every node where it was: positions lead back to the original line text', () => {
    const texts = positionedTexts(report.tree);
    expect(texts.length).toBeGreaterThan(50);
    for (const node of texts) {
      const { start, end } = node.position!;
      expect(end.line).toBe(start.line);
      const original = sourceLines[start.line - 1].slice(start.column - 1, end.column - 1).replace(/<[^>]+>/g, '');
      expect(original).toBe(node.value);
    }
  });

  it('numbers paragraphs 1, 2, 3 … in reading order', () => {
    const numbers: number[] = [];
    const walk = (nodes: any[]) => nodes.forEach((n) => { if (n.type === 'paragraph' && n.data?.n) numbers.push(n.data.n); if (n.children) walk(n.children); });
    walk(report.tree.children);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
  });
});

describe('the Dalian report', () => {
  const report = read('dalian-2018.txt');
  it('reports the dropped ad link as a warning with its line', () => {
    expect(report.file.messages.map(String)).toContain(`${join(corpus, 'dalian-2018.txt')}:56:215: dropped injected link “侯卫东官场笔记”`);
  });
  it('reads the lead sentence of a paragraph', () => {
    const p = report.tree.children.find((n) => n.type === 'paragraph' && n.position?.start.line === 15);
    expect(p?.type === 'paragraph' && p.data?.lead).toBe('主要指标增势良好。');
  });
  it('groups the 一是…七是 points into one list of seven', () => {
    const list = report.tree.children.find((n) => n.type === 'list' && n.position?.start.line === 5);
    expect(list?.type === 'list' && list.children.length).toBe(7);
  });
});

describe('the GB18030 copy', () => {
  it('reads to the same tree as its UTF-8 twin', () => {
    const utf8 = read('national-2018.txt');
    const gb = read('national-2018.gb18030.txt');
    expect(gb.encoding).toBe('gb18030');
    expect(toString(gb.tree)).toBe(toString(utf8.tree));
  });
});

describe('the Guangdong report', () => {
  const report = read('guangdong-2026.txt');
  it('reads the occasion broken over two lines, and the byline', () => {
    expect(report.occasion).toBe('——2026年1月26日在广东省第十四届人民代表大会第五次会议上');
    expect(report.byline).toBe('广东省省长 孟凡利');
  });
  it('rejoins the PM / 2.5 subscript fragments into their paragraph', () => {
    const p = report.tree.children.find((n) => n.type === 'paragraph' && n.position?.start.line === 125);
    expect(p && toString(p)).toContain('PM2.5浓度持续下降为主线');
  });
  it('reads the 名词解释 endnotes as terms with their explanations', () => {
    const list = report.tree.children.find((n): n is List => n.type === 'list' && n.data?.role === 'endnotes');
    expect(list?.children.length).toBe(13);
    expect(list && toString(list.children[0])).toMatch(/^“四上”企业：现阶段统计工作实践中/);
  });
});
