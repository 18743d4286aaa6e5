import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/readers.js';

/** What write-sample.ts reports: the outputs' hashes, and counts of the work patches save. */
interface Sample {
  pdf: string;
  samePdfTwice: boolean;
  html: string;
  docx: string;
  docxZipped: number;
  pages: number;
  layoutsOfFirst: number;
  layoutsOfSecond: number;
  glyphDecodes: number;
  styleLookups: number;
  sharesFonts: boolean;
  documentFontIsOurs: boolean;
}

/** Writes the sample in a child process (patches are global to a thread) with BRIEFS_PATCHES. */
function sample(patches: string): Sample {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'tests', 'patches', 'write-sample.ts')], {
    cwd: repoRoot,
    env: { ...process.env, BRIEFS_PATCHES: patches, DEBUG: '' },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout.trim().split('\n').pop()!) as Sample;
}

// The same publication written with every patch in, with all but pdfkit-char-runs (the one patch
// that changes the PDF's bytes), and with the stock packages (all off).
describe('the patches of pdfkit, pdfmake and fontkit', () => {
  const patched = sample('');
  const unjoined = sample('off:pdfkit-char-runs');
  const stock = sample('off');

  it('give the stock packages’ bytes: HTML always, PDF but for the joined runs of characters', () => {
    expect(unjoined.pdf).toBe(stock.pdf);
    expect(patched.html).toBe(stock.html);
    expect(patched.docx).toBe(stock.docx);
    expect(patched.pages).toBe(stock.pages);
    expect(patched.samePdfTwice && stock.samePdfTwice).toBe(true);
  });

  it('pdfkit-char-runs: lone Chinese characters are not shaped by fontkit, and the PDF changes', () => {
    expect(patched.layoutsOfFirst).toBeLessThan(unjoined.layoutsOfFirst / 2);
    expect(patched.pdf).not.toBe(stock.pdf);
  });

  it('docx-parts: the DOCX is not zipped by docx to be unzipped again', () => {
    expect(stock.docxZipped).toBe(1);
    expect(patched.docxZipped).toBe(0);
  });

  it('pdfkit-shared-fonts: pdfkit uses the fonts parsed already', () => {
    expect(patched.sharesFonts && patched.documentFontIsOurs).toBe(true);
    expect(stock.sharesFonts || stock.documentFontIsOurs).toBe(false);
  });

  it('pdfkit-layout-cache: a second document lays out no text the first laid out', () => {
    expect(stock.layoutsOfSecond).toBeGreaterThan(100);
    expect(patched.layoutsOfSecond).toBe(0);
  });

  it('fontkit-subset: simple glyphs are not decoded to be subset', () => {
    expect(stock.glyphDecodes).toBeGreaterThan(500);
    expect(patched.glyphDecodes).toBeLessThan(stock.glyphDecodes / 10);
  });

  it('pdfmake-measure: a style is resolved once per run of pieces, not per character', () => {
    expect(patched.styleLookups).toBeLessThan(stock.styleLookups / 3);
  });
});
