import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { cutSentence } from '../../pipeline/model/cut-sentence.js';
import { quotableItem } from '../../pipeline/model/quote-text.js';
import { PrintedSoFar } from '../../pipeline/model/repeats.js';
import { repoRoot } from '../helpers/readers.js';

const fixtures = join(repoRoot, 'tests', 'fixtures', 'quoting');
const items: Array<{ in: string; out: string | null }> = parse(readFileSync(join(fixtures, 'items.yaml'), 'utf8'));
const cuts: Array<{ in: string; max: number; out: string }> = parse(readFileSync(join(fixtures, 'cuts.yaml'), 'utf8'));

describe('a sentence quoted as an item', () => {
  it.each(items)('$in', (c) => expect(quotableItem(c.in)).toBe(c.out));
});

describe('a sentence cut for a sheet', () => {
  it.each(cuts)('$in', (c) => expect(cutSentence(c.in, c.max)).toBe(c.out));
});

describe('what a publication has printed', () => {
  it('knows a sentence it printed, and a figure of the same ¶ inside a longer one', () => {
    const printed = new PrintedSoFar();
    printed.add('加大招商引资力度，全面推行企业投资项目承诺制，实际利用外资增长6%以上，引进省外内资1000亿元以上。', 65);
    expect(printed.repeats('外资增长6%以上', 65)).toBe(true);
    expect(printed.repeats('外资增长6%以上', 14)).toBe(false);
    expect(printed.repeats('全面推行企业投资项目承诺制，加快项目落地。', 70)).toBe(true);
    expect(printed.repeats('城镇新增就业11万人以上。', 62)).toBe(false);
  });
});
