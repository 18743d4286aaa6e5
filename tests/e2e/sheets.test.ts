import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { audienceStyle, readSheet, repeatedSentences, type SheetReading } from './sheet-reading.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
/** Reports of different eras and shapes: a city, a province with an appendix, national reports, provinces of 2026. */
const REPORTS = ['dalian-2018.txt', 'guangdong-2026.txt', 'national-2019.txt', 'national/national-2009.txt', 'provinces/beijing-2026.txt', 'provinces/qinghai-2026.txt'];
const AUDIENCES = ['leadership', 'business', 'public', 'media'];

/** An item opens with a list word (一是, ——) or leans on the sentence before it (其中, 同时). */
const OUT_OF_CONTEXT = /^(?:[一二三四五六七八九十]是|其中|同时|此外|另外|——(?!\d))/;

describe('summaries and briefing sheets, read back from their PDFs', () => {
  const source = mkdtempSync(join(tmpdir(), 'briefs-sheets-src-'));
  const out = mkdtempSync(join(tmpdir(), 'briefs-sheets-out-'));
  const sheets = new Map<string, SheetReading>();
  const slugs = REPORTS.map((r) => r.split('/').pop()!.replace(/\.txt$/, ''));
  beforeAll(() => {
    for (const r of REPORTS) copyFileSync(join(corpus, r), join(source, r.split('/').pop()!));
    const result = runBriefs({ SOURCE: source, OUT: out });
    if (result.status !== 0) throw new Error(result.stderr);
    for (const slug of slugs) {
      sheets.set(`${slug}/summary`, readSheet(join(out, slug, 'summary.pdf'), 'modern'));
      for (const a of AUDIENCES) sheets.set(`${slug}/brief-${a}`, readSheet(join(out, slug, `brief-${a}.pdf`), audienceStyle(join(repoRoot, 'templates', 'audiences', `${a}.yaml`))));
    }
  });

  it('print each sheet on one page, its text reaching the last eighth of it', () => {
    const short: string[] = [];
    for (const [name, sheet] of sheets) {
      if (name.endsWith('/summary')) continue;
      if (sheet.pages.length !== 1) short.push(`${name}: ${sheet.pages.length} pages`);
      else if (sheet.used[0] < 7 / 8) short.push(`${name}: text ends at ${sheet.used[0].toFixed(2)} of the page`);
    }
    expect(short).toEqual([]);
  });

  it('print each summary on two pages, the second at least half full, with the table and this year’s work', () => {
    const short: string[] = [];
    for (const slug of slugs) {
      const summary = sheets.get(`${slug}/summary`)!;
      if (summary.pages.length !== 2) short.push(`${slug}: ${summary.pages.length} pages`);
      else if (summary.used[1] < 0.5) short.push(`${slug}: second page ends at ${summary.used[1].toFixed(2)}`);
      for (const heading of ['主要指标', '今年主要目标', '重点工作']) if (!summary.text.includes(heading)) short.push(`${slug}: no ${heading}`);
    }
    expect(short).toEqual([]);
  });

  it('start no item with a list word or a word that leans on the sentence before', () => {
    for (const [name, sheet] of sheets) expect(sheet.items.filter((i) => OUT_OF_CONTEXT.test(i)), name).toEqual([]);
  });

  it('print no sentence or clause of 12 characters or more twice in one publication', () => {
    for (const [name, sheet] of sheets) expect(repeatedSentences(sheet.text), name).toEqual([]);
  });

  it('end a cut with the Chinese ellipsis, never a lone …', () => {
    for (const [name, sheet] of sheets) expect(sheet.text.replace(/\s/g, '').match(/(?<!…)…(?!…)/g) ?? [], name).toEqual([]);
  });
});
