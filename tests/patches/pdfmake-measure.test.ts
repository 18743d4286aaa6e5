import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALL_PATCHES, installPatches } from '../../pipeline/patches/index.js';
import { measureOncePerStyle, stockMeasure, textInlinesClass } from '../../pipeline/patches/pdfmake-measure.js';
import { pdfmakeStyles, stockStyleLookups } from '../../pipeline/patches/pdfmake-style-lookups.js';
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

describe('pdfmake’s style lookups, without allocations (patch pdfmake-style-lookups)', () => {
  const StyleContextStackClass = pdfmakeStyles().StyleContextStack;
  const pdfmakeStyleLookups = stockStyleLookups()!;
  // Named styles that extend others (one a cycle), overrides as objects and as names, defaults.
  const styles = {
    body: { fontSize: 12, lineHeight: 1.5 },
    lead: { extends: 'body', bold: true },
    quote: { extends: ['lead', 'note'], italics: true },
    note: { fontSize: 9, color: 'grey' },
    loopA: { extends: 'loopB' },
    loopB: { extends: 'loopA', margin: 4 },
    empty: {},
  };
  const stacks = [['quote'], ['lead', { fontSize: 14 }], ['loopA'], ['missing', 'body'], [{ color: null }, 'note'], ['empty', { bold: false }], []];
  const properties = ['fontSize', 'lineHeight', 'bold', 'italics', 'color', 'margin', 'font', 'alignment'];
  const items = [{}, { fontSize: 20 }, { style: 'note' }, { style: ['lead', 'quote'], color: 'red' }, { text: 'x', bold: null }];

  it('finds what pdfmake’s own find, for every property, stack and piece', () => {
    expect(pdfmakeStyleLookups).not.toBeNull();
    const differences: string[] = [];
    for (const overrides of stacks) {
      const stack = new StyleContextStackClass(styles, { font: 'Serif', fontSize: 10 });
      for (const o of overrides) stack.styleOverrides!.push(o);
      for (const property of properties) {
        const ours = stack.getProperty(property);
        const theirs = pdfmakeStyleLookups.getProperty.call(stack, property);
        if (!Object.is(ours, theirs)) differences.push(`${JSON.stringify(overrides)} ${property}: ${ours} ≠ ${theirs}`);
        for (const item of items) {
          const oursOf = StyleContextStackClass.getStyleProperty(item, stack, property, 'default');
          const depth = stack.styleOverrides!.length;
          const theirsOf = pdfmakeStyleLookups.getStyleProperty(item, stack, property, 'default');
          if (!Object.is(oursOf, theirsOf)) differences.push(`${JSON.stringify(item)} in ${JSON.stringify(overrides)} ${property}: ${oursOf} ≠ ${theirsOf}`);
          // Whatever a lookup pushes for the piece, it pops.
          expect(stack.styleOverrides!.length).toBe(depth);
        }
      }
    }
    expect(differences).toEqual([]);
  });
});
