import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { judge, type Figure } from '../../pipeline/review/judge.js';

interface Case {
  rule: string;
  name: string;
  target: Figure;
  upper?: number;
  result?: number | null;
  /** A result given only in words, and what they say. */
  words?: 'met' | 'not met' | 'fell';
  status: string;
}

const cases: Case[] = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'review', 'judging-rules.yaml'), 'utf8'));

describe('judging a target against its result', () => {
  it.each(cases.map((c) => [c.rule, c] as const))('%s', (_, c) => {
    const verdict = judge(
      c.name,
      c.target,
      c.words ? { words: '（原文）', verdict: c.words } : c.result == null ? null : { value: c.result, unit: c.target.unit, qualifier: null },
      c.upper === undefined ? undefined : { value: c.upper, unit: c.target.unit, qualifier: '上限' },
    );
    expect(verdict.status).toBe(c.status);
    // The rule says what was compared: the figures, or that the result is in words.
    expect(verdict.rule).toMatch(c.words ? /文字/ : c.result == null ? /未给出/ : /[≥≤<>]/);
  });
});
