import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { describeSheetChecks } from './sheet-checks.js';
import { readSheet } from './sheet-reading.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
/**
 * Reports of different eras and shapes: a city, a province with an appendix, national reports of
 * 2019, 2009, 1999 (its plan told part by part) and 1975 (5,000 characters), provinces of 2026.
 * The whole corpus goes through the same checks in corpus.test.ts.
 */
const REPORTS = ['dalian-2018.txt', 'guangdong-2026.txt', 'national-2019.txt', 'national/national-2009.txt', 'national/national-1999.txt', 'national/national-1975.txt', 'provinces/beijing-2026.txt', 'provinces/qinghai-2026.txt'];
/** Reports with a main targets paragraph: their summary prints the main table and this year's targets. */
const WITH_TARGETS = ['dalian-2018', 'guangdong-2026', 'national-2019', 'national-2009', 'beijing-2026', 'qinghai-2026'];

const source = mkdtempSync(join(tmpdir(), 'briefs-sheets-src-'));
const out = mkdtempSync(join(tmpdir(), 'briefs-sheets-out-'));
const slugs = REPORTS.map((r) => r.split('/').pop()!.replace(/\.txt$/, ''));
beforeAll(() => {
  for (const r of REPORTS) copyFileSync(join(corpus, r), join(source, r.split('/').pop()!));
  const result = runBriefs({ SOURCE: source, OUT: out });
  if (result.status !== 0) throw new Error(result.stderr);
});

describeSheetChecks(() => out, slugs);

describe('the summary of a report with main targets', () => {
  it('prints the main indicators and this year’s targets', () => {
    const missing = WITH_TARGETS.flatMap((slug) => {
      const summary = readSheet(join(out, slug, 'summary.pdf'), 'modern');
      return ['主要指标', '今年主要目标', '重点工作'].filter((h) => !summary.text.includes(h)).map((h) => `${slug}: no ${h}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('a sheet whose blocks run out before its page does', () => {
  it('fills the page with the report’s other points under their own heading, after the blocks on its topics', () => {
    // 1975: 5,000 characters, few sentences on investment or livelihood.
    for (const audience of ['business', 'public']) {
      const sheet = readSheet(join(out, 'national-1975', `brief-${audience}.pdf`), 'modern');
      expect(sheet.text, audience).toContain('报告其他要点');
      expect(sheet.used[0], audience).toBeGreaterThanOrEqual(7 / 8);
    }
  });

  it('prints no other points where the audience’s topics fill the page', () => {
    for (const slug of ['dalian-2018', 'national-2019', 'guangdong-2026']) {
      for (const audience of ['leadership', 'business', 'public', 'media']) {
        expect(readSheet(join(out, slug, `brief-${audience}.pdf`), 'modern').text, `${slug}/${audience}`).not.toContain('报告其他要点');
      }
    }
  });
});

