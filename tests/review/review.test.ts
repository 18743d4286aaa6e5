import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { pairReports, sameIdentityGroups } from '../../pipeline/review/pair-reports.js';
import { targetsReview } from '../../pipeline/review/review-view.js';
import { scratchDir } from '../helpers/scratch.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');

describe('which reports pair up', () => {
  it('pairs reports of one issuer in consecutive years, the later getting the review', () => {
    const reports = [
      { slug: 'gd-2026', issuer: '广东省人民政府', year: 2026 },
      { slug: 'nat-2019', issuer: '国务院', year: 2019 },
      { slug: 'nat-2018', issuer: '国务院', year: 2018 },
      { slug: 'dl-2018', issuer: '大连市人民政府', year: 2018 },
      { slug: 'nat-2016', issuer: '国务院', year: 2016 },
    ];
    const pairs = pairReports(reports);
    expect([...pairs].map(([later, earlier]) => `${earlier.slug}→${later}`)).toEqual(['nat-2018→nat-2019']);
  });

  it('finds the reports of one batch that claim the same issuer and year, and no others', () => {
    const reports = [
      { slug: 'nat-2018', issuer: '国务院', year: 2018 },
      { slug: 'dl-2018', issuer: '大连市人民政府', year: 2018 },
      { slug: 'nat-2018-gbk', issuer: '国务院', year: 2018 },
      { slug: 'unknown-a', issuer: null, year: null },
      { slug: 'unknown-b', issuer: null, year: null },
    ];
    expect(sameIdentityGroups(reports).map((group) => group.map((r) => r.slug))).toEqual([['nat-2018', 'nat-2018-gbk']]);
  });

  it('infers issuer and year from the text of each corpus report', async () => {
    const identities = await Promise.all(
      ['dalian-2018', 'national-2018', 'national-2019', 'guangdong-2026'].map(async (slug) => {
        const { model } = await prepareReport(join(fixtures, 'corpus', `${slug}.txt`));
        return `${model.issuer} ${model.year}`;
      }),
    );
    expect(identities).toEqual(['大连市人民政府 2018', '国务院 2018', '国务院 2019', '广东省人民政府 2026']);
  });

  it('lets a <slug>.yaml beside the report, or its front matter, say the issuer and year', async () => {
    const folder = scratchDir('briefs-identity-');
    const body = '各位代表：\n一、过去一年工作回顾\n全区生产总值增长6%。\n二、今年目标\n生产总值增长6%左右。\n三、自身建设\n依法行政。\n';
    writeFileSync(join(folder, 'district.txt'), body);
    writeFileSync(join(folder, 'district.yaml'), 'issuer: 某某市某某区人民政府\nyear: 2021\n');
    writeFileSync(join(folder, 'district-fm.md'), `---\nissuer: 某某县人民政府\nyear: 2022\n---\n${body}`);
    const sidecar = await prepareReport(join(folder, 'district.txt'));
    expect([sidecar.model.issuer, sidecar.model.year]).toEqual(['某某市某某区人民政府', 2021]);
    const frontMatter = await prepareReport(join(folder, 'district-fm.md'));
    expect([frontMatter.model.issuer, frontMatter.model.year]).toEqual(['某某县人民政府', 2022]);
    // Positions count from the file's first line, front matter included; the salutation is not a numbered paragraph.
    expect(frontMatter.model.blocks[0]).toEqual({ kind: 'salutation', text: '各位代表：', line: 5 });
    expect(frontMatter.model.paragraphs[0]).toMatchObject({ n: 1, text: '全区生产总值增长6%。', line: 7 });
  });
});

describe('the 2018 national targets judged by the 2019 report', async () => {
  const earlier = (await prepareReport(join(fixtures, 'corpus', 'national-2018.txt'))).model;
  const later = (await prepareReport(join(fixtures, 'corpus', 'national-2019.txt'))).model;
  const review = targetsReview(earlier, later);
  const item = (name: string) => review.items.find((i) => i.name.includes(name))!;

  it.each([
    ['国内生产总值', 6.5, '左右', 6.6, 'met'],
    ['居民消费价格', 3, '左右', 2.1, 'met'],
    ['城镇新增就业', 1100, '以上', 1361, 'met'],
    ['城镇调查失业率', 5.5, '以内', 5, 'met'],
    ['单位国内生产总值能耗', 3, '以上', 3.1, 'met'],
  ] as const)('%s %s%s → %s: %s', (name, target, qualifier, result, status) => {
    const i = item(name);
    expect(i.target).toMatchObject({ value: target, qualifier });
    expect(i.result?.value).toBe(result);
    expect(i.status).toBe(status);
    expect(i.rule).toMatch(/[≥≤]/);
  });

  it('marks targets with no figure in the next report “no result”, with no result quoted', () => {
    const none = review.items.filter((i) => i.status === 'no result');
    expect(none.length).toBeGreaterThan(5);
    expect(item('城镇登记失业率').status).toBe('no result');
    for (const i of none) expect(i.result).toBeNull();
  });
});

describe('a pair of reports outside the corpus (苏州市 2020 and 2021)', async () => {
  const earlier = (await prepareReport(join(fixtures, 'review', 'suzhou', 'suzhou-2020.txt'))).model;
  const later = (await prepareReport(join(fixtures, 'review', 'suzhou', 'suzhou-2021.txt'))).model;
  const review = targetsReview(earlier, later);
  const expected: Array<{ name: string; target: number; result: number | null; status: string }> = parse(readFileSync(join(fixtures, 'review', 'suzhou', 'expected-review.yaml'), 'utf8'));

  it('pairs them by issuer and year', () => {
    expect(pairReports([{ slug: 'a', issuer: earlier.issuer, year: earlier.year }, { slug: 'b', issuer: later.issuer, year: later.year }]).get('b')?.slug).toBe('a');
  });

  it.each(expected.map((e) => [e.name, e] as const))('judges %s', (name, e) => {
    const i = review.items.find((x) => x.name.includes(name));
    expect(i, name).toBeDefined();
    expect(i!.target.value).toBe(e.target);
    expect(i!.result?.value ?? null).toBe(e.result);
    expect(i!.status).toBe(e.status);
  });
});
