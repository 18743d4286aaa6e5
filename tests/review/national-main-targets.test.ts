import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { reviewTargets } from '../../pipeline/review/match-targets.js';

/** The hand-checked main targets of the national reports that have the next year's report beside them. */
interface Expected {
  thing: string;
  target: number;
  upper?: number;
  unit: string;
  targetLine: number;
  result: number | 'words' | null;
  status: string;
}

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const pairs: Array<{ year: number; targets: Expected[] }> = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'review', 'national', 'expected-main-targets.yaml'), 'utf8'));
const pathOf = (year: number) => (year >= 2018 ? join(corpus, `national-${year}.txt`) : join(corpus, 'national', `national-${year}.txt`));

describe.each(pairs.map((p) => [p.year, p] as const))('the main targets of the %i national report, judged by the next', async (year, pair) => {
  const earlier = (await prepareReport(pathOf(year))).model;
  const later = (await prepareReport(pathOf(year + 1))).model;
  const main = reviewTargets(earlier, later).filter((i) => i.main);

  it('lists every main target and nothing else as one', () => {
    expect(main.map((i) => `${i.name} ${i.target.value}${i.target.unit}`)).toHaveLength(pair.targets.length);
  });

  it.each(pair.targets.map((e) => [`${e.thing} ${e.target}${e.unit}`, e] as const))('%s', (_, e) => {
    const row = main.find((i) => (i.name.includes(e.thing) || i.target.text.includes(e.thing)) && i.target.value === Math.abs(e.target) && i.target.unit === e.unit);
    expect(row, `no main target ${e.thing} ${e.target}${e.unit} among ${main.map((i) => i.name).join('、')}`).toBeDefined();
    expect(row!.target.line).toBe(e.targetLine);
    if (e.upper !== undefined) expect(row!.upper?.value).toBe(e.upper);
    if (e.result === null) expect(row!.result).toBeNull();
    else if (e.result === 'words') expect(row!.result).toMatchObject({ value: null });
    else expect(row!.result?.value).toBe(Math.abs(e.result));
    expect(row!.status).toBe(e.status);
    // The rule says in words why, and a figure's comparison when there is a figure.
    expect(row!.rule).toMatch(e.result === null ? /未给出/ : e.result === 'words' ? /文字/ : /[≥≤<>]/);
  });
});
