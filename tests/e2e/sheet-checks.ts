import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfText, repoRoot } from '../helpers/readers.js';
import { audienceStyle, readSheet, repeatedSentences, type SheetReading } from './sheet-reading.js';

export const AUDIENCES = ['leadership', 'business', 'public', 'media'];
/** The sheets that draw on the audience's topics, not on the report's parts. */
const TOPIC_SHEETS = ['business', 'public', 'media'];

/**
 * An item opens with a list word (一是, 一要, ——) or leans on the sentence before it (其中, 同时).
 * Dashes before a figure are a table's empty cells read into the next one (— — 6.1%), not a list word.
 */
const OUT_OF_CONTEXT = /^(?:[一二三四五六七八九十]是|[一二三四五六七八九十]要(?![素件点求])|其中|同时|此外|另外|—{2,}(?![—\d]))/;

/**
 * A report too short to fill a sheet on each audience's topics: under 10,000 characters of full
 * text (a modern report runs 15,000–30,000). A sheet quotes the report and cannot invent content;
 * it is still one page, and its other checks hold.
 */
const SHORT_REPORT_CHARS = 10_000;
/**
 * A report printed in traditional characters: the topics' keywords are simplified, so sheets on
 * topics find few of its sentences. Measured as the share of the commonest traditional-only forms.
 */
const TRADITIONAL_ONLY = /[們國這為個發會經與對產業說時來進過從當開關動現實區將還點]/g;
const TRADITIONAL_SHARE = 0.01;

/** How a report reads as a whole, from its full text: its length and its script. */
function reportShape(out: string, slug: string) {
  const text = pdfText(join(out, slug, 'fulltext.pdf')).replace(/\s/g, '');
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  return { short: han < SHORT_REPORT_CHARS, traditional: (text.match(TRADITIONAL_ONLY)?.length ?? 0) / Math.max(1, han) > TRADITIONAL_SHARE };
}

/**
 * The checks a reader makes of the page-budgeted publications, read back from their PDFs: each
 * sheet one page with its text reaching the last eighth, the summary two pages with the second at
 * least half full and this year's work, no item out of context, nothing printed twice, no lone ….
 * `out()` is the folder a build wrote (a beforeAll of the caller fills it first).
 */
export function describeSheetChecks(out: () => string, slugs: string[]) {
  describe('summaries and briefing sheets, read back from their PDFs', () => {
    const sheets = new Map<string, SheetReading>();
    const shapes = new Map<string, ReturnType<typeof reportShape>>();
    beforeAll(() => {
      for (const slug of slugs) {
        shapes.set(slug, reportShape(out(), slug));
        sheets.set(`${slug}/summary`, readSheet(join(out(), slug, 'summary.pdf'), 'modern'));
        for (const a of AUDIENCES) sheets.set(`${slug}/brief-${a}`, readSheet(join(out(), slug, `brief-${a}.pdf`), audienceStyle(join(repoRoot, 'templates', 'audiences', `${a}.yaml`))));
      }
    });

    it('print each sheet on one page, its text reaching the last eighth of it', () => {
      const short: string[] = [];
      for (const [name, sheet] of sheets) {
        if (name.endsWith('/summary')) continue;
        const [slug, brief] = name.split('/');
        const shape = shapes.get(slug)!;
        const exempt = TOPIC_SHEETS.includes(brief.replace('brief-', '')) && (shape.short || shape.traditional);
        if (sheet.pages.length !== 1) short.push(`${name}: ${sheet.pages.length} pages`);
        else if (sheet.used[0] < 7 / 8 && !exempt) short.push(`${name}: text ends at ${sheet.used[0].toFixed(2)} of the page`);
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
