import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PATCHES, installPatches } from '../../pipeline/patches/index.js';
import { measureOncePerStyle, stockMeasure, textInlinesClass } from '../../pipeline/patches/pdfmake-measure.js';
import { parsePublication } from '../../pipeline/publish/parse-publication.js';
import { REPO_ROOT } from '../../pipeline/util/repo.js';
import { assetsOf } from '../../pipeline/write/assets.js';
import { writePdf } from '../../pipeline/write/pdf/write-pdf.js';

installPatches(ALL_PATCHES);

describe('pdfmake’s measuring, with a style resolved once per run of pieces (patch pdfmake-measure)', () => {
  // Every call pdfmake makes while a publication is laid out (title, body text, lists, a table)
  // is measured both ways, on copies of the same pieces: each piece must come out with the same
  // properties, the same values.
  it('gives every piece what pdfmake’s own measure gives it', async () => {
    const TextInlinesClass = textInlinesClass();
    const pdfmakeMeasure = stockMeasure()!;
    expect(pdfmakeMeasure).not.toBeNull();
    const installed = TextInlinesClass.prototype.measure;
    expect(installed).toBe(measureOncePerStyle);
    let pieces = 0;
    let reused = 0;
    const differences: string[] = [];
    TextInlinesClass.prototype.measure = function (array: any[], stack) {
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
      const publication = parsePublication(readFileSync(join(REPO_ROOT, 'tests', 'patches', 'sample.md'), 'utf8'), 'sample.md');
      await writePdf(publication, assetsOf([]), { date: new Date(0), file: 'sample.md' });
    } finally {
      TextInlinesClass.prototype.measure = installed;
    }
    expect(differences.slice(0, 20)).toEqual([]);
    // The comparison saw the publications' text, most of it in runs of one style.
    expect(pieces).toBeGreaterThan(1000);
    expect(reused / pieces).toBeGreaterThan(0.5);
  });
});
