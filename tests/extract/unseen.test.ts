import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { matchIndicators, type ExpectedQuantity } from '../helpers/match-indicators.js';

/**
 * Results and targets paragraphs of reports outside the corpus (other issuers, levels and
 * years), each with every quantity listed by hand: the extractor must do as well on them.
 */
const root = join(import.meta.dirname, '..', 'fixtures', 'indicators', 'unseen');
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

describe.each(cases)('unseen report %s', (name) => {
  const path = join(root, name, 'input.txt');
  const report = readReportText(readFileSync(path), path);
  const found = extractIndicators(report.tree, report.identity.year);
  const expected: ExpectedQuantity[] = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8'));
  const { matched, missed, extra } = matchIndicators(expected, found);

  it('recall ≥ 0.95 and precision ≥ 0.95 on line, value, unit and measured thing', () => {
    expect(expected.length).toBeGreaterThan(30);
    expect(matched.length / expected.length, `missed ${missed.map((m) => `${m.line}:${m.name}${m.value}${m.unit}`).join(' ')}`).toBeGreaterThanOrEqual(0.95);
    expect(matched.length / found.length, `extra ${extra.map((m) => `${m.line}:${m.name}${m.value}${m.unit}`).join(' ')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('marks the coming year’s figures as targets', () => {
    const targets = expected.filter((e) => e.kind === 'target');
    const hits = matched.filter((m) => m.expected.kind === 'target' && m.found.kind === 'target');
    expect(hits.length / targets.length).toBeGreaterThanOrEqual(0.9);
  });
});
