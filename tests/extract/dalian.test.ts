import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import type { Indicator } from '../../pipeline/extract/indicator.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { matchIndicators, type ExpectedQuantity } from '../helpers/match-indicators.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const source = join(fixtures, 'corpus', 'dalian-2018.txt');
const report = readReportText(readFileSync(source), source);
const indicators = extractIndicators(report.tree, report.identity.year);

describe('the Dalian report’s 29 headline items', () => {
  const headline: Array<Pick<Indicator, 'line' | 'name' | 'value' | 'unit' | 'kind' | 'direction' | 'qualifier' | 'period'>> = parse(
    readFileSync(join(fixtures, 'indicators', 'dalian-2018.headline.yaml'), 'utf8'),
  );
  it('has 29 of them', () => expect(headline.length).toBe(29));
  it.each(headline.map((h, i) => [i + 1, h] as const))('item %i comes out exactly', (_, h) => {
    const candidates = indicators.filter((i) => i.line === h.line && i.value === h.value && i.unit === h.unit && i.name.includes(h.name) && i.period === h.period);
    expect(candidates.length, `${h.name} ${h.value}${h.unit} (${h.period})`).toBeGreaterThan(0);
    const found = candidates.find((c) => c.kind === h.kind && c.direction === h.direction && c.qualifier === h.qualifier);
    expect(found ?? candidates[0]).toMatchObject({ kind: h.kind, direction: h.direction, qualifier: h.qualifier });
  });
  it('quotes the clause verbatim and points at the line it is on', () => {
    const lines = readFileSync(source, 'utf8').split('\n');
    for (const i of indicators) expect(lines[i.line - 1], i.id).toContain(i.text.split(/[，；]/).pop());
  });
});

describe('every quantity of the Dalian report, against the hand-checked list', () => {
  const expected: ExpectedQuantity[] = JSON.parse(readFileSync(join(fixtures, 'indicators', 'dalian-2018.expected.json'), 'utf8'));
  const { matched, missed, extra } = matchIndicators(expected, indicators);
  it('finds ≥ 95 % of them (recall), on line, value, unit and measured thing', () => {
    expect(expected.length).toBeGreaterThan(230);
    expect(matched.length / expected.length, `missed: ${missed.map((m) => `${m.line}:${m.value}${m.unit}`).join(' ')}`).toBeGreaterThanOrEqual(0.95);
  });
  it('finds little else (precision ≥ 95 %)', () => {
    expect(matched.length / indicators.length, `extra: ${extra.map((m) => `${m.line}:${m.value}${m.unit}`).join(' ')}`).toBeGreaterThanOrEqual(0.95);
  });
});
