import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import { readReportText } from '../../pipeline/read/read-report.js';

interface Case {
  rule: string;
  section: 'review' | 'plan';
  sentence: string;
  expect: Array<Record<string, unknown>>;
  not?: number[];
}

const cases: Case[] = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'extraction-rules.yaml'), 'utf8'));

/** A 2019 report with the sentence in its review of 2018 or in its plan for 2019. */
function indicatorsOf(c: Case) {
  const lines = ['2019年某某市政府工作报告', '一、2018年工作回顾', c.section === 'review' ? c.sentence : '过去一年，各项工作稳步推进。', '二、2019年工作安排', c.section === 'plan' ? c.sentence : '今年要稳中求进。', '三、加强政府自身建设', '依法行政。'];
  const report = readReportText(Buffer.from(lines.join('\n')), 'rule.txt');
  return extractIndicators(report.tree, report.identity.year);
}

describe.each(cases)('$rule', (c) => {
  const found = indicatorsOf(c);
  it('gives exactly the expected indicators, in order', () => {
    expect(found.map((f) => `${f.value}${f.unit}`)).toEqual(c.expect.map((e) => `${e.value}${e.unit}`));
    c.expect.forEach((e, i) => {
      const f = found[i] as unknown as Record<string, unknown>;
      if ('is' in e) expect(f.name, `name of ${e.value}${e.unit}`).toBe(e.is);
      else expect(String(f.name), `name of ${e.value}${e.unit}`).toContain(String(e.name));
      for (const key of ['kind', 'direction', 'qualifier', 'period', 'from'] as const) {
        if (key in e) expect(f[key], `${key} of ${e.name} ${e.value}${e.unit}`).toBe(e[key]);
      }
      expect(f.line).toBe(c.section === 'review' ? 3 : 5);
      if (!('from' in e)) expect(f.from, `from of ${e.value}${e.unit}`).toBeUndefined();
    });
  });
  if (c.not) {
    it('leaves out the numbers that are not quantities', () => {
      for (const value of c.not!) expect(found.map((f) => f.value)).not.toContain(value);
    });
  }
});
