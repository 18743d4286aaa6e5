import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../pipeline/extract/indicator.js';
import { clauseOffsets } from '../../pipeline/review/clause-offsets.js';
import { sentenceOf } from '../../pipeline/review/results.js';

const figure = (paragraph: number, text: string) => ({ paragraph, text }) as Indicator;

describe('the sentence of a figure, found by where its clause stands', () => {
  it('gives each figure the sentence its clause stands in', () => {
    const text = '去年，全市粮食产量增长5%，生产总值增长6%。今年以来，工业产值增长7%！外贸怎么样？进出口增长8%';
    const figures = [figure(1, '全市粮食产量增长5%'), figure(1, '生产总值增长6%'), figure(1, '工业产值增长7%'), figure(1, '进出口增长8%')];
    const offsets = clauseOffsets([{ n: 1, text }], figures);
    expect(figures.map((f) => offsets.get(f))).toEqual(figures.map((f) => text.indexOf(f.text)));
    expect(figures.map((f) => sentenceOf(f, text, offsets.get(f)))).toEqual(['去年，全市粮食产量增长5%，生产总值增长6%。', '去年，全市粮食产量增长5%，生产总值增长6%。', '今年以来，工业产值增长7%！', '进出口增长8%']);
  });

  it('finds every figure of a paragraph of 100,000 sentences in its own sentence', () => {
    const sentences = Array.from({ length: 100_000 }, (_, k) => `第${k}项工程完成投资${k % 7}亿元。`);
    const text = sentences.join('');
    const figures = sentences.map((s) => figure(1, s.slice(0, -1)));
    const offsets = clauseOffsets([{ n: 1, text }], figures);
    expect(offsets.size).toBe(figures.length);
    for (const k of [0, 1, 4_321, 99_999]) expect(sentenceOf(figures[k], text, offsets.get(figures[k]))).toBe(sentences[k]);
  });

  it('looks in the whole paragraph for a figure out of reading order, as before', () => {
    const text = '一是新建学校3所。二是新增床位500张。';
    const late = figure(1, '新增床位500张');
    const early = figure(1, '新建学校3所');
    const offsets = clauseOffsets([{ n: 1, text }], [late, early]);
    expect(sentenceOf(early, text, offsets.get(early))).toBe('一是新建学校3所。');
    expect(sentenceOf(late, text, offsets.get(late))).toBe('二是新增床位500张。');
  });
});
