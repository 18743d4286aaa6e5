import { describe, expect, it } from 'vitest';
import { extractIndicators, TEXT_MAX } from '../../pipeline/extract/extract-indicators.js';
import { findQuantities } from '../../pipeline/extract/find-quantities.js';
import { readReportText } from '../../pipeline/read/read-report.js';

/**
 * A 300 KB paragraph on one line with no comma or full stop: one clause of 26 000 figures. Each
 * indicator quotes the part of the clause around its figure, not the clause; extraction is linear
 * in the paragraph (this case took minutes when it was not), so it finishes within the test's time.
 */
describe('a 300 KB one-line paragraph', () => {
  const unit = '新建农村公路1200公里、改造危房三千二百户、';
  const repeats = 13000;
  const paragraph = unit.repeat(repeats);
  const text = ['2019年某某市政府工作报告', '一、2018年工作回顾', paragraph, '二、2019年工作安排', '今年要稳中求进。'].join('\n');

  it('is over 300 KB', () => expect(Buffer.byteLength(paragraph)).toBeGreaterThan(300_000));

  it('gives every quantity: two per repeat', () => {
    const found = findQuantities(paragraph);
    expect(found.length).toBe(2 * repeats);
    expect(found.filter((q) => q.value === 1200 && q.unit === '公里').length).toBe(repeats);
    expect(found.filter((q) => q.value === 3200 && q.unit === '户').length).toBe(repeats);
  });

  it('quotes at most TEXT_MAX characters around each figure', () => {
    const report = readReportText(Buffer.from(text), 'long.txt');
    const indicators = extractIndicators(report.tree, report.identity.year);
    expect(indicators.length).toBe(2 * repeats);
    expect(TEXT_MAX).toBeLessThanOrEqual(200);
    for (const i of indicators) {
      expect(i.text.length).toBeLessThanOrEqual(TEXT_MAX);
      expect(i.text).toContain(i.unit === '公里' ? '1200公里' : '三千二百户');
    }
  });
});
