import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import { decodeReport } from '../../pipeline/read/decode.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { BriefsError } from '../../pipeline/util/errors.js';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const dalian = readFileSync(join(corpus, 'dalian-2018.txt'));
const national = readFileSync(join(corpus, 'national-2019.txt'));

/** Reading either succeeds or refuses with a BriefsError (a one-line message); nothing else escapes. */
function readOrRefuse(bytes: Uint8Array) {
  try {
    const report = readReportText(bytes, 'fuzz.txt');
    return extractIndicators(report.tree, report.identity.year);
  } catch (error) {
    if (error instanceof BriefsError) {
      expect(error.oneLine.startsWith('fuzz.txt')).toBe(true);
      expect(error.oneLine).not.toContain('\n');
      return null;
    }
    throw error;
  }
}

/** Text built from the pieces reports are made of, so the fuzzer reaches the reader's rules. */
const reportish = fc
  .array(
    fc.oneof(
      fc.constantFrom('一、', '（一）', '1.', '（1）', '一是', '——', '<strong>', '</strong>', '<a href="x">', '</a>', '<p>', '&nbsp;', '\n', '\r\n', '\n\n', '。', '，', '；', '：', '“', '”', '%', '％', '∶', '亿元', '万人', '增长', '下降', '左右', '以上', '以内', '分别', '和', '、', '政府工作报告', '各位代表：', '附件1', '名词解释', '相关报道', '本作品是中华人民共和国的', '2018年', 'PM2.5', '6%－6.5%', '近三倍', '三次产业比重由6.4∶52∶41.6优化为'),
      fc.string({ maxLength: 8 }),
      fc.integer({ min: 0, max: 99999 }).map(String),
      fc.float({ min: 0, max: 1000, noNaN: true }).map((f) => f.toFixed(1)),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

describe('properties of reading and extraction', () => {
  it('decoding arbitrary bytes never throws anything but a BriefsError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          decodeReport(bytes, 'fuzz.txt');
        } catch (error) {
          expect(error).toBeInstanceOf(BriefsError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('reading and extracting arbitrary strings never throws and never hangs', () => {
    fc.assert(fc.property(fc.string({ maxLength: 3000 }), (text) => void readOrRefuse(Buffer.from(text))), { numRuns: 300 });
    fc.assert(fc.property(reportish, (text) => void readOrRefuse(Buffer.from(text))), { numRuns: 600 });
  });

  it('mutated corpus files are read without throwing, and every indicator points inside the file', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(255), fc.nat(40)), { maxLength: 12 }), fc.boolean(), (mutations, useNational) => {
        const bytes = Buffer.from(useNational ? national : dalian);
        // Overwrite a byte, then cut or duplicate a slice: the kinds of damage copies suffer.
        let text = bytes;
        for (const [at, value, length] of mutations) {
          const i = at % text.length;
          if (value % 3 === 0) text = Buffer.concat([text.subarray(0, i), text.subarray(Math.min(text.length, i + length))]);
          else if (value % 3 === 1) text = Buffer.concat([text.subarray(0, i), text.subarray(i, i + length), text.subarray(i)]);
          else text[i] = value;
        }
        const indicators = readOrRefuse(text);
        const lines = text.toString('utf8').split(/\r\n|\r|\n/).length;
        for (const i of indicators ?? []) {
          expect(i.line).toBeGreaterThanOrEqual(1);
          expect(i.line).toBeLessThanOrEqual(lines);
          expect(Number.isFinite(i.value)).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reading time grows linearly with input size (1×, 4×, 16× the Dalian report)', () => {
    const time = (copies: number) => {
      const text = Buffer.from(Array.from({ length: copies }, () => dalian.toString('utf8')).join('\n'));
      const started = performance.now();
      const report = readReportText(text, 'big.txt');
      extractIndicators(report.tree, report.identity.year);
      return performance.now() - started;
    };
    time(1); // warm up
    const one = Math.max(time(1), 5);
    const sixteen = time(16);
    // Linear work is 16× as long; a quadratic step would be 256×. Allow a generous 4× on linear.
    expect(sixteen / one).toBeLessThan(16 * 4);
    expect(time(4) / one).toBeLessThan(4 * 4);
  });

  it('reading a markup-heavy web page also grows linearly (thousands of tags)', () => {
    const page = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'bad-input', 'saved-page.html'), 'utf8');
    const time = (copies: number) => {
      const text = Buffer.from(Array.from({ length: copies }, () => page).join('\n'));
      const started = performance.now();
      readReportText(text, 'page.html');
      return performance.now() - started;
    };
    time(20);
    const one = Math.max(time(20), 5);
    expect(time(320) / one).toBeLessThan(16 * 4);
  });
});
