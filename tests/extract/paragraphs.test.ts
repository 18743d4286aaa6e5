import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { matchIndicators, type ExpectedQuantity } from '../helpers/match-indicators.js';

/**
 * Whole paragraphs picked at random (fixed seed) from corpus reports the extractor was not tuned
 * on, each with every quantity a reader would tabulate listed by hand. Every indicator found on
 * a listed line counts: recall and precision over all of them must be at least 0.9 each.
 */
const root = join(import.meta.dirname, '..', 'fixtures', 'indicators', 'paragraphs');
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const reports = readdirSync(root).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''));

describe('random whole paragraphs of unseen reports', () => {
  let right = 0;
  let listed = 0;
  let found = 0;
  let paragraphs = 0;
  let fewest = Infinity;
  const failures: string[] = [];
  for (const name of reports) {
    const path = join(corpus, name.startsWith('national') ? 'national' : 'provinces', `${name}.txt`);
    const report = readReportText(readFileSync(path), path);
    const expected: ExpectedQuantity[] = JSON.parse(readFileSync(join(root, `${name}.json`), 'utf8'));
    const lines = new Set(expected.map((e) => e.line));
    const onLines = extractIndicators(report.tree, report.identity.year).filter((f) => lines.has(f.line));
    const { matched, missed, extra } = matchIndicators(expected, onLines);
    right += matched.length;
    listed += expected.length;
    found += onLines.length;
    paragraphs += lines.size;
    fewest = Math.min(fewest, lines.size);
    failures.push(...missed.map((m) => `${name} missed ${m.line}:${m.name} ${m.value}${m.unit}`), ...extra.map((m) => `${name} extra ${m.line}:${m.name} ${m.value}${m.unit}`));
  }

  it('covers at least 40 paragraphs, at least 4 of each report', () => {
    expect(paragraphs).toBeGreaterThanOrEqual(40);
    expect(fewest).toBeGreaterThanOrEqual(4);
  });

  it('recall ≥ 0.9 and precision ≥ 0.9 on line, value, unit and measured thing', () => {
    expect(right / listed, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(right / found, failures.join('\n')).toBeGreaterThanOrEqual(0.9);
  });
});
