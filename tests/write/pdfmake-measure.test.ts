import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAudienceSettings } from '../../pipeline/audiences/audience.js';
import { buildReport } from '../../pipeline/build/build-report.js';
import { REPO_ROOT } from '../../pipeline/util/repo.js';
import { measureOncePerStyle, pdfmakeMeasure, TextInlinesClass } from '../../pipeline/write/pdf/pdfmake-measure.js';
import { speedUpPdfKit } from '../../pipeline/write/pdf/pdfkit-layout.js';

describe('pdfmake’s measuring, with a style resolved once per run of pieces', () => {
  const out = mkdtempSync(join(tmpdir(), 'briefs-measure-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  // Every call pdfmake makes while the Dalian report's seven publications are laid out (titles,
  // body text, tables, footnote marks, links, contents) is measured both ways, on copies of the
  // same pieces: each piece must come out with the same properties, the same values.
  it('gives every piece of every publication what pdfmake’s own measure gives it', async () => {
    speedUpPdfKit();
    const installed = TextInlinesClass.prototype.measure;
    let pieces = 0;
    let reused = 0;
    const differences: string[] = [];
    TextInlinesClass.prototype.measure = function (array, stack) {
      const copies = array.map((item) => ({ ...item }));
      pdfmakeMeasure.call(this, copies, stack);
      measureOncePerStyle.call(this, array, stack);
      array.forEach((item, i) => {
        pieces++;
        if (i > 0 && item.font === array[i - 1].font && item.color === array[i - 1].color) reused++;
        const expected = copies[i];
        const keys = Object.keys(item);
        if (keys.join() !== Object.keys(expected).join()) differences.push(`“${item.text}”: properties ${keys.join()} ≠ ${Object.keys(expected).join()}`);
        for (const key of keys) if (!Object.is(item[key], expected[key])) differences.push(`“${item.text}”.${key}: ${String(item[key])} ≠ ${String(expected[key])}`);
      });
      return array;
    };
    try {
      const { audiences, topics } = await readAudienceSettings(join(REPO_ROOT, 'templates'));
      const result = await buildReport(join(REPO_ROOT, 'tests', 'fixtures', 'corpus', 'dalian-2018.txt'), { outDir: out, templatesDir: join(REPO_ROOT, 'templates'), audiences, topics });
      expect(result.errors).toEqual([]);
    } finally {
      TextInlinesClass.prototype.measure = installed;
    }
    expect(differences.slice(0, 20)).toEqual([]);
    // The comparison saw the publications' text, most of it in runs of one style.
    expect(pieces).toBeGreaterThan(20_000);
    expect(reused / pieces).toBeGreaterThan(0.5);
  });
});
