import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { numbersIn } from '../helpers/numbers.js';
import { pdfText, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const out = scratchDir('briefs-gallery-');
const screenshots = scratchDir('briefs-screens-');
const folder = join(out, 'dalian-2018');
let browser: Browser;

beforeAll(async () => {
  const result = runBriefs({ SOURCE: join(repoRoot, 'source'), OUT: out });
  if (result.status !== 0) throw new Error(result.stderr);
  // Debian's Chromium, headless, without a sandbox (CI runs as root) and without the background
  // traffic that a closed network refuses.
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
});

afterAll(async () => {
  await browser?.close();
});

const htmlText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('out/index.html, the gallery', () => {
  const index = () => readFileSync(join(out, 'index.html'), 'utf8');

  it('links every PDF and DOCX in OUT, and every link resolves', () => {
    const links = [...index().matchAll(/(?:href|src)="([^"#]+)"/g)].map((m) => m[1]);
    for (const file of readdirSync(folder).filter((f) => /\.(pdf|docx)$/.test(f))) expect(links).toContain(`dalian-2018/${file}`);
    for (const link of links) expect(existsSync(join(out, link)), link).toBe(true);
  });

  it('shows one thumbnail per PDF', () => {
    const pdfs = readdirSync(folder).filter((f) => f.endsWith('.pdf'));
    const thumbs = [...index().matchAll(/<img src="dalian-2018\/thumbs\/([^"]+)\.png"/g)].map((m) => m[1]);
    expect(thumbs.sort()).toEqual(pdfs.map((f) => f.replace('.pdf', '')).sort());
    expect(readdirSync(join(folder, 'thumbs')).length).toBe(pdfs.length);
  });

  it('shows in each thumbnail the first page of its PDF, as poppler draws it', async () => {
    // Thumbnails are drawn from the layout, not read back from the PDF: each must look like the
    // PDF's own first page. Both are made grey and 60 px wide (the size of a page's blocks of
    // text, not of its glyphs, which two rasterisers draw a little differently) and compared.
    // Two different pages of this report correlate at 0.3 at most; the same page above 0.85.
    const { loadImage, createCanvas } = await import('@napi-rs/canvas');
    const ink = async (png: Buffer) => {
      const image = await loadImage(png);
      const canvas = createCanvas(60, Math.round((image.height * 60) / image.width));
      const ctx = canvas.getContext('2d');
      ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      return Array.from({ length: data.length / 4 }, (_, i) => 255 - (data[i * 4] + data[i * 4 + 1] + data[i * 4 + 2]) / 3);
    };
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.pdf')).map((f) => f.replace('.pdf', ''))) {
      const prefix = join(out, '..', `${out.split('/').pop()}-poppler-${name}`);
      execFileSync('pdftoppm', ['-f', '1', '-l', '1', '-singlefile', '-scale-to-x', '300', '-scale-to-y', '-1', '-png', join(folder, `${name}.pdf`), prefix]);
      const ours = await ink(readFileSync(join(folder, 'thumbs', `${name}.png`)));
      const poppler = await ink(readFileSync(`${prefix}.png`));
      expect(Math.abs(ours.length - poppler.length), `${name}: page height`).toBeLessThanOrEqual(60);
      const n = Math.min(ours.length, poppler.length);
      const mean = (xs: number[]) => xs.slice(0, n).reduce((sum, x) => sum + x, 0) / n;
      const [ma, mb] = [mean(ours), mean(poppler)];
      let covariance = 0;
      let va = 0;
      let vb = 0;
      let difference = 0;
      for (let i = 0; i < n; i++) {
        covariance += (ours[i] - ma) * (poppler[i] - mb);
        va += (ours[i] - ma) ** 2;
        vb += (poppler[i] - mb) ** 2;
        difference += Math.abs(ours[i] - poppler[i]);
      }
      expect(covariance / Math.sqrt(va * vb), `${name}: correlation with poppler's page`).toBeGreaterThan(0.8);
      expect(difference / n / 255, `${name}: mean difference from poppler's page`).toBeLessThan(0.03);
    }
  });

  it('names the report, its year and issuer, and lists the reader’s warnings', () => {
    expect(index()).toContain('2018年大连市政府工作报告');
    expect(index()).toContain('2018年 · 大连市人民政府');
    expect(index()).toContain('dropped injected link “侯卫东官场笔记”');
  });

  it('loads every thumbnail in a real browser', async () => {
    const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.waitForFunction(() => [...document.images].every((img) => img.complete));
    const sizes = await page.$$eval('img', (imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
    expect(sizes.length).toBe(readdirSync(folder).filter((f) => f.endsWith('.pdf')).length);
    for (const width of sizes) expect(width).toBeGreaterThan(100);
    // The gallery's Chinese is set in its own inlined font, never in boxes.
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.fonts.check('16px "briefs-sans"', '全部出版物领导参阅市民版大连市人民政府'))).toBe(true);
    expect(await page.evaluate(() => [...document.fonts].map((f) => f.status))).toEqual(['loaded']);
    await page.screenshot({ path: join(screenshots, 'index.png'), fullPage: true });
    await page.close();
  });
});

describe('the HTML editions', () => {
  it('render the Chinese text in the page’s own font, offline, from file://', async () => {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1300 } });
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(join(folder, 'brief-public.html')).href);
    await page.evaluate(() => document.fonts.ready);
    const fonts = await page.evaluate(() => ({
      serif: document.fonts.check('16px "briefs-serif"', '市民版城镇居民人均可支配收入'),
      sans: document.fonts.check('16px "briefs-sans"', '和您有关的事'),
      loaded: [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family.replace(/"/g, '')),
      body: getComputedStyle(document.body).fontFamily,
    }));
    expect(fonts.serif).toBe(true);
    expect(fonts.sans).toBe(true);
    expect(fonts.loaded).toEqual(expect.arrayContaining(['briefs-serif', 'briefs-sans']));
    expect(fonts.body).toMatch(/^"?briefs-serif/);
    // Self-contained: nothing but the page itself (fonts and charts are inline).
    expect(requests.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    await page.screenshot({ path: join(screenshots, 'brief-public.png'), fullPage: true });
    await page.close();
  });

  it('carry nothing active', () => {
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(folder, file), 'utf8');
      expect(html, file).not.toMatch(/<script|javascript:|\son[a-z]+=/i);
    }
  });

  it('hold the same sentences and numbers as the PDF of the same brief', () => {
    // Briefs: every quoted item and every number; the summary: every number (its table's cells
    // come out of pdftotext in another order than the HTML's rows).
    for (const brief of ['brief-public', 'brief-business', 'summary']) {
      const html = squash(htmlText(readFileSync(join(folder, `${brief}.html`), 'utf8')));
      const pdf = squash(pdfText(join(folder, `${brief}.pdf`), '-r', '72', '-x', '0', '-y', '0', '-W', '596', '-H', '790'));
      const quoted = (text: string) => new Set(text.split(/（¶\d+）/).map((s) => s.slice(-20)).filter((s) => s.length >= 8));
      if (brief !== 'summary') for (const sentence of quoted(pdf)) expect(html, `${brief}: ${sentence}`).toContain(sentence);
      const numbers = (text: string) => new Set(numbersIn(text.replace(/¶\d+/g, '')));
      expect([...numbers(html)].sort(), brief).toEqual([...numbers(pdf)].sort());
    }
  });
});
