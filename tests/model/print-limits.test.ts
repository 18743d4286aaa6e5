import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { oneParagraphReport } from '../../pipeline/cli/huge-inputs.js';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { printedParts } from '../../pipeline/model/report-model.js';
import { scratchDir } from '../helpers/scratch.js';

describe('a paragraph too long to print as one', () => {
  it('is printed in parts of at most the limit, each ending at a sentence end, nothing lost or added', () => {
    const text = Array.from({ length: 300 }, (_, k) => `第${k}句话说的是一件事，有逗号；也有分号。`).join('');
    const parts = printedParts(text, 500);
    expect(parts.join('')).toBe(text);
    expect(parts.length).toBeGreaterThan(text.length / 500);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(500);
    for (const part of parts.slice(0, -1)) expect(part.endsWith('。')).toBe(true);
  });
  it('without a sentence end, breaks at a clause, and without one, at the limit', () => {
    expect(printedParts('甲，'.repeat(400), 500).every((p) => p.endsWith('，'))).toBe(true);
    expect(printedParts('甲'.repeat(1200), 500).map((p) => p.length)).toEqual([500, 500, 200]);
  });
  it('stays whole at the length of any real paragraph', () => {
    expect(printedParts('字'.repeat(1300))).toHaveLength(1);
  });
});

describe('a report far longer than any', () => {
  it('has a reading edition that stops with a warning, while the model keeps every paragraph', async () => {
    const path = join(scratchDir('briefs-long-'), 'long.txt');
    const text = oneParagraphReport(1.8 * 1024 * 1024);
    writeFileSync(path, text.replace(/。/g, '。\n\n'));
    const { model } = await prepareReport(path);
    const printed = model.blocks.reduce((sum, b) => sum + b.text.length, 0);
    expect(printed).toBeLessThanOrEqual(500_000);
    expect(printed).toBeGreaterThan(490_000);
    expect(model.printCut).not.toBeNull();
    expect(model.paragraphs.length).toBeGreaterThan(model.printCut!.paragraph);
    expect(model.warnings.some((w) => w.startsWith(`${path}:${model.printCut!.line}:1: the report runs to`) && w.includes(`from ¶${model.printCut!.paragraph} on`))).toBe(true);
  });
});
