import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudienceSettings } from '../../pipeline/audiences/audience.js';
import { readTopics, topicHits } from '../../pipeline/audiences/topics.js';
import { briefCandidates } from '../../pipeline/model/brief-view.js';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { BriefsError } from '../../pipeline/util/errors.js';
import { simplifiedForm } from '../../pipeline/util/simplified-form.js';
import { repoRoot } from '../helpers/readers.js';

const templates = join(repoRoot, 'templates');

describe('a report printed in traditional characters', () => {
  it('is matched in its simplified form, character for character', () => {
    const text = '一九五四年計劃的工業基本建設投資總額又比一九五三年增加百分之二十八。';
    expect(simplifiedForm(text)).toBe('一九五四年计划的工业基本建设投资总额又比一九五三年增加百分之二十八。');
    expect(simplifiedForm(text)).toHaveLength(text.length);
    const simplified = '实际利用外资增长6%以上，著名的乾坤湾景区。';
    expect(simplifiedForm(simplified)).toBe(simplified);
  });

  it('finds the audience’s topics in the 1954 report and quotes it in its own characters', async () => {
    const { audiences, topics } = await readAudienceSettings(templates);
    const business = audiences.find((a) => a.name === 'business')!;
    const { model } = await prepareReport(join(repoRoot, 'tests', 'fixtures', 'corpus', 'national', 'national-1954.txt'));
    const highlights = briefCandidates(model, business, topics).find((b) => b.name === 'highlights')!.items;
    // Industry, investment and foreign trade run through the report: far more than a page of them.
    expect(highlights.length).toBeGreaterThan(30);
    expect(highlights.some((i) => i.text.includes('工業基本建設投資總額'))).toBe(true);
    expect(highlights.filter((i) => /[工产]业|投资|贸易/.test(i.text))).toEqual([]);
  });
});

describe('topic keywords', () => {
  it('do not count inside the words a topic excepts: 文化大革命 is not cultural services', async () => {
    const livelihood = (await readTopics(templates)).get('livelihood')!;
    expect(topicHits('无产阶级文化大革命的胜利，巩固了我国无产阶级专政。', livelihood)).toBe(0);
    expect(topicHits('完善公共文化服务体系，办好人民满意的教育。', livelihood)).toBe(2);
  });

  it('a topic with a setting it does not have is an error at its line', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefs-topics-'));
    writeFileSync(join(folder, 'topics.yaml'), 'economy:\n  label: 经济\n  keywords: [投资]\n  exept: [投资者]\n');
    const error = await readTopics(folder).catch((e: BriefsError) => e);
    expect(error instanceof BriefsError && error.oneLine).toMatch(/topics\.yaml:4:\d+: .*unknown setting “exept”/);
  });
});
