import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { reviewTargets } from '../../pipeline/review/match-targets.js';
import { scratchDir } from '../helpers/scratch.js';

/** One rule of what a target is, or of how a result is phrased, on a two-report case. */
interface Case {
  rule: string;
  plan: string;
  review?: string;
  rows?: string[];
  count?: number;
  absent?: number[];
  main?: string[];
  other?: string[];
  result?: { row: string; value?: number | null; qualifier?: string; words?: boolean; status: string };
}

const cases: Case[] = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'review', 'rules.yaml'), 'utf8'));

/** A report as a .md with its issuer and year in front matter, review part and plan part under their headings. */
function report(folder: string, name: string, year: number, review: string, plan: string): string {
  const path = join(folder, `${name}.md`);
  writeFileSync(path, `---\nissuer: 某某市人民政府\nyear: ${year}\n---\n各位代表：\n一、${year - 1}年工作回顾\n${review}\n二、${year}年工作安排\n${plan}\n三、加强政府自身建设\n依法行政。\n`);
  return path;
}

describe.each(cases.map((c) => [c.rule, c] as const))('%s', async (_, c) => {
  const folder = scratchDir('briefs-review-rule-');
  const earlier = (await prepareReport(report(folder, 'earlier', 2018, '过去一年，经济运行稳中向好。', c.plan))).model;
  const later = (await prepareReport(report(folder, 'later', 2019, c.review ?? '过去一年，经济运行稳中向好。', '今年发展主要预期目标是：国内生产总值增长6%左右。'))).model;
  const rows = reviewTargets(earlier, later);
  const quoted = rows.map((r) => r.target.text);

  it('lists what is a target, and nothing that is not', () => {
    for (const text of c.rows ?? []) expect(quoted.some((q) => q.includes(text)), `${text} in ${quoted.join(' | ')}`).toBe(true);
    if (c.count !== undefined) expect(quoted).toHaveLength(c.count);
    for (const value of c.absent ?? []) expect(rows.map((r) => r.target.value)).not.toContain(value);
    for (const name of c.main ?? []) expect(rows.find((r) => r.name.includes(name))?.main, name).toBe(true);
    for (const name of c.other ?? []) expect(rows.find((r) => r.name.includes(name) || r.target.text.includes(name))?.main, name).toBe(false);
  });

  if (c.result) {
    const expected = c.result;
    it(`judges ${expected.row}: ${expected.status}`, () => {
      const row = rows.find((r) => r.name.includes(expected.row) || r.target.text.includes(expected.row));
      expect(row, `${expected.row} in ${quoted.join(' | ')}`).toBeDefined();
      if (expected.words) expect(row!.result).toMatchObject({ value: null, text: expect.stringContaining('目标') });
      else if (expected.value === null) expect(row!.result).toBeNull();
      else expect(row!.result?.value).toBe(expected.value);
      if (expected.qualifier) expect(row!.result?.qualifier).toBe(expected.qualifier);
      expect(row!.status).toBe(expected.status);
    });
  }
});
