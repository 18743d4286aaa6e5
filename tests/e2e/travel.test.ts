// Print files that travel: a DOCX set by LibreOffice on a machine without our fonts looks as we
// set it, its contents give the pages LibreOffice sets the headings on, and the PDFs carry
// bookmarks, their language and their title.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfNavigation } from '../helpers/pdf-outline.js';
import { bareFontConfig, convertWithLibreOffice, pdfFonts, pdfInfo, pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

/** The reports at the root of the corpus (the GB18030 copy of national-2018 is the same report). */
const REPORTS = ['dalian-2018', 'guangdong-2026', 'national-2018', 'national-2019'];
const source = scratchDir('briefs-travel-src-');
const out = scratchDir('briefs-travel-out-');
const copies = scratchDir('briefs-travel-docx-');
/**
 * LibreOffice's PDF of each DOCX, by `<slug>/<name>`. Each is converted by a soffice of its own:
 * LibreOffice keeps the first font it is given of a name for as long as it runs, and a second
 * document's subset of the same face would be set with the first one's glyphs.
 */
const converted = new Map<string, string>();

beforeAll(() => {
  for (const slug of REPORTS) copyFileSync(join(repoRoot, 'tests', 'fixtures', 'corpus', `${slug}.txt`), join(source, `${slug}.txt`));
  const result = runBriefs({ SOURCE: source, OUT: out });
  if (result.status !== 0) throw new Error(result.stderr);
  const docx: string[] = [];
  for (const slug of REPORTS) {
    // Every publication: the full text, the summary, the briefs, the indicators and the review of targets.
    for (const name of readdirSync(join(out, slug)).filter((f) => f.endsWith('.docx'))) {
      const copy = join(copies, `${slug}--${name}`);
      copyFileSync(join(out, slug, name), copy);
      docx.push(copy);
    }
  }
  const fontConfig = bareFontConfig();
  const profile = scratchDir('briefs-travel-lo-');
  for (const path of docx) converted.set(path.split('/').pop()!.replace('--', '/').replace(/\.docx$/, ''), convertWithLibreOffice([path], join(copies, 'pdf'), fontConfig, profile)[0]);
}, 900_000);

/** The headings of a DOCX (python-docx: paragraphs in a Heading style), and its contents' entries with their page numbers. */
function docxHeadings(path: string): string[] {
  const script = 'import docx,sys,json; print(json.dumps([p.text for p in docx.Document(sys.argv[1]).paragraphs if p.style.name.startswith("Heading")], ensure_ascii=False))';
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }));
}

function contentsEntries(path: string): Array<{ title: string; page: number }> {
  const xml = execFileSync('unzip', ['-p', path, 'word/document.xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const contents = xml.slice(xml.indexOf('<w:sdt>'), xml.indexOf('</w:sdt>'));
  return [...contents.matchAll(/<w:p\b[^>]*>.*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((text) => text.match(/^(.+?)(\d+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => ({ title: m[1], page: Number(m[2]) }));
}

const pages = (pdf: string) => Number(pdfInfo(pdf).Pages);

describe('a DOCX on a machine without our fonts (fontconfig holding only a Latin font)', () => {
  const printed = () => [...converted];

  it('is set by LibreOffice in the faces it embeds only: no system font, no fallback', () => {
    expect(printed().length).toBeGreaterThanOrEqual(REPORTS.length * 7 + 1);
    expect(printed().map(([key]) => key)).toContain('national-2019/targets-review');
    for (const [key, pdf] of printed()) {
      const names = pdfFonts(pdf).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
      expect(names.length, key).toBeGreaterThan(0);
      for (const name of names) expect(name, key).toMatch(/^(NotoSerifSC|NotoSerifSCLight|NotoSansSC|LXGWWenKai)-(Regular|Bold)$/);
      expect(names.join(' '), key).not.toMatch(/DejaVu|Liberation|Droid|Roboto/);
    }
  });

  it('reads back as the text our PDF prints, line by line (full text, summary and briefs)', () => {
    // (A table's cells wrap a little differently in LibreOffice, so the lines of a table are not ours: below, page by page.)
    for (const [key, pdf] of printed().filter(([key]) => /\/(fulltext|summary|brief-[a-z]+)$/.test(key))) {
      const theirs = squash(pdfText(pdf));
      // Our PDF's lines, each found in LibreOffice's text (page numbers and contents' leaders aside).
      const lines = pdfText(join(out, `${key}.pdf`)).split('\n').map(squash).filter((l) => l.length >= 6 && !/^—\d+—$/.test(l));
      expect(lines.length, key).toBeGreaterThan(5);
      const missing = lines.filter((line) => !theirs.includes(line.replace(/\.{3,}\d*$/, '')));
      // A line of ours may be broken across two of LibreOffice's (it sets a line a little differently).
      expect(missing.length / lines.length, `${key}: ${missing.slice(0, 3).join(' / ')}`).toBeLessThan(0.02);
    }
  });

  it('prints on each page the characters our PDF prints on it, every publication (the pages of the contents aside)', () => {
    // Compared as counts of each character: the same text, whatever LibreOffice's line breaks in a table's cells.
    const counts = (page: string) => {
      const count = new Map<string, number>();
      // Its bullets are text where ours are drawn; white space is where each sets its lines.
      for (const ch of page.replace(/[\s•]/g, '')) count.set(ch, (count.get(ch) ?? 0) + 1);
      return count;
    };
    for (const [key, pdf] of printed()) {
      const ours = pdfText(join(out, `${key}.pdf`)).split('\f');
      const theirs = pdfText(pdf).split('\f');
      // The title page and the contents: the leaders, and which entries go on which page of the contents, are each writer's own.
      const entries = contentsEntries(join(out, `${key}.docx`));
      const body = entries.length ? Math.min(...entries.map((e) => e.page)) : 1;
      ours.forEach((page, i) => {
        if (i + 1 < body) return;
        const a = counts(page);
        const b = counts(theirs[i] ?? '');
        let differ = 0;
        for (const ch of new Set([...a.keys(), ...b.keys()])) differ += Math.abs((a.get(ch) ?? 0) - (b.get(ch) ?? 0));
        const total = [...a.values()].reduce((x, y) => x + y, 0);
        expect(differ / Math.max(total, 1), `${key}, page ${i + 1}`).toBeLessThan(0.01);
      });
    }
  });

  it('embeds only the glyphs it prints: no face is near its full size', () => {
    for (const slug of REPORTS) {
      const listing = execFileSync('unzip', ['-l', join(out, slug, 'fulltext.docx')], { encoding: 'utf8' });
      const fonts = [...listing.matchAll(/^\s*(\d+)\s+\S+\s+\S+\s+word\/fonts\/font\d+\.odttf$/gm)].map((m) => Number(m[1]));
      expect(fonts.length, slug).toBeGreaterThanOrEqual(4);
      for (const size of fonts) expect(size, slug).toBeLessThan(2_500_000);
    }
  });
});

describe('the DOCX prints the pages of the PDF', () => {
  it.each(REPORTS)("%s: the contents give the page LibreOffice sets each heading on (95 percent or more), and every publication has the PDF's page count", (slug) => {
    const entries = contentsEntries(join(out, slug, 'fulltext.docx'));
    expect(entries.length).toBeGreaterThan(3);
    const theirPages = pdfText(converted.get(`${slug}/fulltext`)!).split('\f').map(squash);
    // The contents' own pages (an entry there: its title, leader dots, its page number) are not where a heading is.
    const isContents = (text: string) => entries.some(({ title, page }) => new RegExp(`${squash(title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.*${page}`).test(text));
    let exact = 0;
    const off: string[] = [];
    for (const { title, page } of entries) {
      const found = theirPages.findIndex((text) => !isContents(text) && text.includes(squash(title))) + 1;
      if (found === page) exact++;
      else off.push(`${title}: ${page} vs ${found}`);
    }
    expect(exact / entries.length, `${exact} of ${entries.length}: ${off.join('; ')}`).toBeGreaterThanOrEqual(0.95);
    // Every publication written for the report, its tables included (they break where the PDF's do).
    const publications = readdirSync(join(out, slug)).filter((f) => f.endsWith('.docx')).map((f) => `${slug}/${f.replace(/\.docx$/, '')}`);
    expect(publications).toEqual(expect.arrayContaining([`${slug}/fulltext`, `${slug}/summary`, `${slug}/indicators`, `${slug}/brief-public`]));
    for (const key of publications) expect(pages(converted.get(key)!), key).toBe(pages(join(out, `${key}.pdf`)));
  });
});

describe('PDFs readers navigate', () => {
  it('say zh-CN and show their title in the window, every one', () => {
    const pdfs = REPORTS.flatMap((slug) => readdirSync(join(out, slug)).filter((f) => f.endsWith('.pdf')).map((f) => join(out, slug, f)));
    expect(pdfs.length).toBeGreaterThanOrEqual(REPORTS.length * 7);
    for (const pdf of pdfs) {
      const nav = pdfNavigation(pdf);
      expect(nav.lang, pdf).toBe('zh-CN');
      expect(nav.displayDocTitle, pdf).toBe(true);
    }
  });

  it.each(REPORTS)('%s: fulltext and indicators have a bookmark for every heading', (slug) => {
    for (const name of ['fulltext', 'indicators']) {
      const headings = docxHeadings(join(out, slug, `${name}.docx`)).map(squash).filter(Boolean);
      expect(headings.length, name).toBeGreaterThan(2);
      // pdfkit writes an outline item after those it holds: compared as sets of titles.
      expect(pdfNavigation(join(out, slug, `${name}.pdf`)).bookmarks.map(squash).sort(), name).toEqual(headings.sort());
    }
  });

  it('sets the official Kai text of fulltext.pdf in a real Kai face (LXGW WenKai)', () => {
    for (const slug of REPORTS) expect(pdfFonts(join(out, slug, 'fulltext.pdf')).map((f) => f.name).join(' '), slug).toMatch(/\+LXGWWenKai-Regular/);
  });
});
