import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readChineseNumber } from '../../pipeline/extract/chinese-numerals.js';
import { findQuantities } from '../../pipeline/extract/find-quantities.js';

interface Fixture {
  read: Array<{ text: string; value: number | null; magnitude?: string }>;
  find: Array<{ text: string; value: number; unit: string; qualifier?: string }>;
}

const fixture: Fixture = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'chinese-numerals.yaml'), 'utf8'));

describe('readChineseNumber reads a numeral at its exact size', () => {
  it.each(fixture.read.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const read = readChineseNumber(c.text);
    if (c.value === null) expect(read).toBeNull();
    else expect(read).toEqual({ value: c.value, magnitude: c.magnitude });
  });
});

describe('findQuantities reads Chinese numerals and broken digits with their unit', () => {
  it.each(fixture.find.map((c) => [c.text, c] as const))('%s', (_, c) => {
    const found = findQuantities(c.text);
    expect(found.map((q) => `${q.value} ${q.unit}`)).toEqual([`${c.value} ${c.unit}`]);
    if (c.qualifier) expect(found[0].qualifier).toBe(c.qualifier);
  });
});
