import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { normaliseYears } from '../../pipeline/read/years.js';
import { sessionYear } from '../../pipeline/read/national-sessions.js';
import { readReportText } from '../../pipeline/read/read-report.js';

interface IdentityCase {
  name: string;
  text: string;
  issuer: string;
  year: number;
}

const cases: IdentityCase[] = parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', 'identity', 'cases.yaml'), 'utf8'));
const BODY = '\n全市生产总值增长6%，城镇新增就业5万人。\n今年生产总值增长6%左右。\n';

describe.each(cases)('$name', ({ text, issuer, year }) => {
  it('is issued by the right government in the right year', () => {
    const report = readReportText(Buffer.from(text + BODY), 'case.txt');
    expect(report.identity).toEqual({ issuer, year });
  });
});

describe('years and sessions', () => {
  it('reads years however they are written', () => {
    expect(normaliseYears('刚刚过去的１９８４年')).toBe('刚刚过去的1984年');
    expect(normaliseYears('从1 9 9 3 年3 月就职')).toBe('从1993年3 月就职');
    expect(normaliseYears('关于一九五八年度国民经济计划')).toBe('关于1958年度国民经济计划');
    expect(normaliseYears('二〇二三年一月')).toBe('2023年一月');
  });

  it('dates the sessions of the National People’s Congress', () => {
    expect(sessionYear(1, 4)).toBe(1957);
    expect(sessionYear(2, 3)).toBe(1962);
    expect(sessionYear(5, 3)).toBe(1980);
    expect(sessionYear(12, 5)).toBe(2017);
    expect(sessionYear(14, 2)).toBe(2024);
  });

  it('warns when a report has no title, and says where to write its identity', () => {
    const report = readReportText(Buffer.from(`各位代表：\n我代表国务院向大会作报告。${BODY}`), 'source/x.txt');
    expect(report.file.messages.map(String)).toContain('source/x.txt:1:1: no title line found; using “国务院政府工作报告” (write the title as the first line, or issuer: and year: in source/x.yaml)');
  });
});
