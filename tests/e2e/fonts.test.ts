import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../pipeline/read/read-report.js';
import { fontBytes } from '../../pipeline/util/font-bytes.js';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { repoRoot } from '../helpers/readers.js';

/**
 * Tofu (□) appears when a character has no glyph in the font that sets it. Every character of
 * every corpus report and of every template must be in both faces the writers and charts use.
 */
const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
const templates = join(repoRoot, 'templates');
const texts = [
  ...readdirSync(corpus, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.txt'))
    .map((f) => toString(readReportText(readFileSync(join(corpus, f)), f).tree)),
  ...readdirSync(templates).filter((f) => f.endsWith('.hbs')).map((f) => readFileSync(join(templates, f), 'utf8')),
];
const characters = [...new Set(texts.join('').replace(/\s/g, ''))];

describe('CJK font coverage', () => {
  const faces = {
    'Noto Serif SC': fontkit.openSync(FONT_FILES.serifRegular) as fontkit.Font,
    'Noto Sans SC': fontkit.openSync(FONT_FILES.sansRegular) as fontkit.Font,
  };
  it.each(Object.keys(faces))('%s has a glyph for every character printed', (face) => {
    const font = faces[face as keyof typeof faces];
    const missing = characters.filter((ch) => !font.hasGlyphForCodePoint(ch.codePointAt(0)!));
    expect(characters.length).toBeGreaterThan(1500);
    expect(missing).toEqual([]);
  });
});

describe('the Kai face of official headings and subtitles', () => {
  it('is a real 楷体 (LXGW WenKai) that sets every character of the corpus and templates', () => {
    const kai = fontkit.create(fontBytes(FONT_FILES.kai)) as fontkit.Font;
    expect(kai.familyName).toBe('LXGW WenKai');
    expect(characters.filter((ch) => !kai.hasGlyphForCodePoint(ch.codePointAt(0)!))).toEqual([]);
  });

  it('is used only for text it can set in full; other text falls back to the serif face', async () => {
    const { faceFor } = await import('../../pipeline/write/faces.js');
    expect(faceFor('（一）坚持把稳增长作为首要任务', 'kai')).toBe('kai');
    expect(faceFor('阅读版 · 段落编号（¶）供引用', 'kai')).toBe('kai');
    // 〚 (U+301A) is in Noto Serif SC, not in WenKai.
    expect(faceFor('〚注〛三次产业比重6.4∶41.5∶52.1', 'kai')).toBe('serif');
    expect(faceFor('一、总体要求', 'sans')).toBe('sans');
  });
});
