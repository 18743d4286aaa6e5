import { describe, expect, it } from 'vitest';
import { corpusRecord } from '../../pipeline/corpus/corpus-record.js';
import { parseShard, reportsOfShard } from '../../pipeline/corpus/shard.js';
import { seriesRows } from '../../pipeline/corpus/series-rows.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { extractReportIndicators } from '../../pipeline/extract/extraction-stage.js';
import { buildReportModel } from '../../pipeline/model/report-model.js';

describe('SHARD=k/n', () => {
  it('reads k/n, and names the mistake otherwise', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseShard(undefined)).toBeUndefined();
    for (const bad of ['0/2', '3/2', '1-2', 'a/b', '1/0']) expect(() => parseShard(bad), bad).toThrow(/^SHARD=.*: write it as k\/n/);
  });

  it('gives every report to exactly one shard, an issuer’s reports all to one', () => {
    const reports = [
      ...Array.from({ length: 8 }, (_, k) => ({ file: `national-${2010 + k}.txt`, issuer: '国务院', bytes: 60_000 })),
      ...['anhui', 'beijing', 'fujian', 'hebei', 'hubei', 'jilin'].map((p) => ({ file: `${p}-2026.txt`, issuer: `${p}省人民政府`, bytes: 40_000 + p.length * 1000 })),
      { file: 'unknown.txt', issuer: null, bytes: 1000 },
      { file: 'also-unknown.txt', issuer: null, bytes: 2000 },
    ];
    for (const count of [1, 2, 3, 5]) {
      const shards = Array.from({ length: count }, (_, k) => reportsOfShard(reports, { index: k + 1, count }));
      expect(shards.flat().map((r) => r.file).sort()).toEqual(reports.map((r) => r.file).sort());
      const national = shards.filter((s) => s.some((r) => r.issuer === '国务院'));
      expect(national).toHaveLength(1);
      expect(national[0].filter((r) => r.issuer === '国务院')).toHaveLength(8);
    }
  });
});

/** A report read from text, as the batch reads one. */
function model(text: string) {
  return buildReportModel(readReportText(Buffer.from(text), 'test-2020.txt', { then: [extractReportIndicators] }), 'test-2020');
}

describe('a target the report does not set', () => {
  it('is “not set”, with the paragraph that says so, when the report declines it', () => {
    // The 2020 national report's words.
    const record = corpusRecord(
      model(
        '2020年国务院政府工作报告\n\n各位代表：\n\n今年发展主要目标是：城镇新增就业900万人以上，城镇调查失业率6%左右，城镇登记失业率5.5%左右；居民消费价格涨幅3.5%左右。\n\n需要说明的是，我们没有提出全年经济增速具体目标，主要因为全球疫情和经贸形势不确定性很大。\n',
      ),
    );
    expect(record.year).toBe(2020);
    expect(record.targets.gdp).toMatchObject({ status: 'not set', paragraph: expect.any(Number) });
    expect((record.targets.gdp as { text: string }).text).toContain('没有提出全年经济增速具体目标');
    expect(record.targets.jobs).toMatchObject({ status: 'set', figure: { value: 900, written: '900万人以上' } });
    const gdpRow = seriesRows(record, null).find((i) => i.kind.key === 'gdp')!;
    expect(gdpRow).toMatchObject({ status: 'not set', target: null, result: null });
  });

  it('is “not read”, never “not set”, when the year’s targets name it with a figure we did not take', () => {
    const record = corpusRecord(model('2020年某市政府工作报告\n\n各位代表：\n\n今年经济社会发展的主要预期目标是：生产总值增长率定为百分之六左右，城镇新增就业10万人以上。\n'));
    expect(record.targets.jobs.status).toBe('set');
    expect(['set', 'not read']).toContain(record.targets.gdp.status);
    expect(record.targets.gdp.status).not.toBe('not set');
  });

  it('is “not read” in 1997’s national report, which sets 经济增长速度的调控目标定为８％ in full-width digits', async () => {
    const { prepareReport } = await import('../../pipeline/model/prepare-report.js');
    const { join } = await import('node:path');
    const record = corpusRecord((await prepareReport(join(import.meta.dirname, '..', 'fixtures', 'corpus', 'national', 'national-1997.txt'))).model);
    expect(record.targets.gdp.status).not.toBe('not set');
  });
});
