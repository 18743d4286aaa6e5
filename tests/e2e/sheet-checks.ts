import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/readers.js';
import { audienceStyle, readSheet, repeatedSentences, type SheetReading } from './sheet-reading.js';

export const AUDIENCES = ['leadership', 'business', 'public', 'media'];
/**
 * An item opens with a list word (一是, 一要, ——) or leans on the sentence before it (其中, 同时,
 * in a report printed in traditional characters 同時). Dashes before a figure are a table's empty
 * cells read into the next one (— — 6.1%), not a list word.
 */
const OUT_OF_CONTEXT = /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要(?![素件点求])|其中|同[时時]|此外|另外|—{2,}(?![—\d]))/;

/**
 * The checks a reader makes of the page-budgeted publications, read back from their PDFs: each
 * sheet one page with its text reaching the last eighth, the summary two pages with the second at
 * least half full and this year's work, no item out of context, nothing printed twice, no lone ….
 * `out()` is the folder a build wrote (a beforeAll of the caller fills it first).
 */
export function describeSheetChecks(out: () => string, slugs: string[]) {
  describe('summaries and briefing sheets, read back from their PDFs', () => {
    const sheets = new Map<string, SheetReading>();
    beforeAll(() => {
      for (const slug of slugs) {
        sheets.set(`${slug}/summary`, readSheet(join(out(), slug, 'summary.pdf'), 'modern'));
        for (const a of AUDIENCES) sheets.set(`${slug}/brief-${a}`, readSheet(join(out(), slug, `brief-${a}.pdf`), audienceStyle(join(repoRoot, 'templates', 'audiences', `${a}.yaml`))));
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
        if (!summary.text.includes('重点工作')) short.push(`${slug}: no 重点工作`);
      }
      expect(short).toEqual([]);
    });

    it('start no item with a list word or a word that leans on the sentence before', () => {
      const found = [...sheets].flatMap(([name, sheet]) => sheet.items.filter((i) => OUT_OF_CONTEXT.test(i)).map((i) => `${name}: ${i}`));
      expect(found).toEqual([]);
    });

    it('print no sentence or clause of 12 characters or more twice in one publication', () => {
      const found = [...sheets].flatMap(([name, sheet]) => repeatedSentences(sheet.text).map((s) => `${name}: ${s}`));
      expect(found).toEqual([]);
    });

    it('end a cut with the Chinese ellipsis, never a lone …', () => {
      const found = [...sheets].flatMap(([name, sheet]) => (sheet.text.replace(/\s/g, '').match(/(?<!…)…(?!…)/g) ?? []).map((s) => `${name}: ${s}`));
      expect(found).toEqual([]);
    });
  });
}
