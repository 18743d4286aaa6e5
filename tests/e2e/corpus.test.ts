import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as fontkit from 'fontkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { pdfText, repoRoot, runBriefs } from '../helpers/readers.js';
import { describeSheetChecks } from './sheet-checks.js';

/**
 * Every report of the corpus — national 1954–2019, 15 provinces' 2026 reports scraped with their
 * sites' noise, Dalian — built once in one batch, and read back from the PDFs.
 */
const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
const identities: Record<string, { issuer: string; year: number }> = parse(readFileSync(join(corpus, 'identity.yaml'), 'utf8'));
const slugs = Object.keys(identities).map((file) => basename(file, '.txt'));
const PUBLICATIONS = ['fulltext', 'summary', 'brief-leadership', 'brief-business', 'brief-public', 'brief-media', 'indicators'];

/** Page furniture of government and news sites, as it would print if the reader kept it. */
const PAGE_CHROME = [
  /加大\s*还原|还原\s*减小/, /【\s*(字体|字号)/, /(发表时间|发布时间|阅读量|责任编辑)[:：]/, /\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}/,
  /日报客户端/, /^\s*(相关报道|相关链接|相关文档|相关附件)\s*[:：>》]*\s*$/m, /扫一扫/, /打印本页|关闭窗口/, /^\s*(当前位置|您的位置)/m,
  /^\s*分享到/m, /[0-9a-f]{32}/,
  /维基文库|Public domain|公有领域/,
];
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/;

describe('the whole corpus in one batch', () => {
  const source = mkdtempSync(join(tmpdir(), 'briefs-corpus-'));
  const out = mkdtempSync(join(tmpdir(), 'briefs-corpus-out-'));
  let result: ReturnType<typeof runBriefs>;
  const faces = [fontkit.openSync(FONT_FILES.serifRegular) as fontkit.Font, fontkit.openSync(FONT_FILES.sansRegular) as fontkit.Font];
  const texts = new Map<string, string>();
  const text = (slug: string, publication: string) => {
    const key = `${slug}/${publication}`;
    if (!texts.has(key)) texts.set(key, pdfText(join(out, slug, `${publication}.pdf`)));
    return texts.get(key)!;
  };

  beforeAll(() => {
    for (const file of Object.keys(identities)) copyFileSync(join(corpus, file), join(source, basename(file)));
    result = runBriefs({ SOURCE: source, OUT: out });
  }, 1_200_000);
  afterAll(() => {
    rmSync(source, { recursive: true, force: true });
    rmSync(out, { recursive: true, force: true });
  });

  it('builds every report with no error', () => {
    expect(result.stderr.split('\n').filter((l) => l.startsWith('error: '))).toEqual([]);
    expect(result.status).toBe(0);
    expect(readdirSync(out).filter((name) => slugs.includes(name)).sort()).toEqual([...slugs].sort());
  });

  it('warns once that the two copies of the 2018 national report claim one issuer and year', () => {
    const warnings = result.stderr.split('\n').filter((l) => l.includes('report of 2018'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(join(source, 'national-2018.txt'));
    expect(warnings[0]).toContain(join(source, 'national-2018.gb18030.txt'));
    expect(warnings[0]).toMatch(/^warning: .* are all 国务院’s report of 2018; the targets review uses /);
  });

  it.each(slugs)('prints no page chrome and no invisible character in any publication of %s', (slug) => {
    for (const publication of PUBLICATIONS) {
      expect(existsSync(join(out, slug, `${publication}.pdf`)), publication).toBe(true);
      const printed = text(slug, publication);
      for (const chrome of PAGE_CHROME) expect(printed, `${slug}/${publication}`).not.toMatch(chrome);
      expect(printed).not.toMatch(INVISIBLE);
    }
  });

  it.each(slugs)('draws every character of %s with a real glyph, never a box', (slug) => {
    for (const publication of PUBLICATIONS) {
      const characters = [...new Set(text(slug, publication).replace(/\s/g, ''))];
      // The PDF's faces are subsets of these two; a character neither has would print as .notdef.
      const missing = characters.filter((ch) => !faces.some((face) => face.hasGlyphForCodePoint(ch.codePointAt(0)!)));
      expect(missing, `${slug}/${publication}`).toEqual([]);
    }
  });

  // The sheets' checks (sheets.test.ts) over every report of the corpus, on this one build.
  describeSheetChecks(() => out, slugs);

  it.each(Object.entries(identities))('names %s’s issuer and year on its full text', (file, { issuer, year }) => {
    const slug = basename(file, '.txt');
    const index = JSON.parse(readFileSync(join(out, slug, 'indicators.json'), 'utf8'));
    expect(index.report).toMatchObject({ issuer, year });
  });
});
