import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { decodeReport } from '../../pipeline/read/decode.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { BriefsError } from '../../pipeline/util/errors.js';

const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const dalian = readFileSync(join(corpus, 'dalian-2018.txt'));
const dalianText = dalian.toString('utf8');

function utf16(text: string, endian: 'le' | 'be', bom: boolean): Buffer {
  const le = Buffer.from(text, 'utf16le');
  const bytes = endian === 'le' ? le : Buffer.from(le).swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return bom ? Buffer.concat([Buffer.from(mark), bytes]) : bytes;
}

const errorOf = (bytes: Uint8Array) => {
  try {
    decodeReport(bytes, 'x.txt');
  } catch (error) {
    return error instanceof BriefsError ? error.oneLine : String(error);
  }
  return null;
};

describe('decoding', () => {
  it.each([
    ['UTF-8', dalian, 'utf-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), dalian]), 'utf-8'],
    ['UTF-16LE with BOM', utf16(dalianText, 'le', true), 'utf-16le'],
    ['UTF-16BE with BOM', utf16(dalianText, 'be', true), 'utf-16be'],
    ['UTF-16LE without BOM', utf16(dalianText, 'le', false), 'utf-16le'],
    ['UTF-16BE without BOM', utf16(dalianText, 'be', false), 'utf-16be'],
  ])('reads %s to the same text', (_, bytes, encoding) => {
    const decoded = decodeReport(bytes as Buffer, 'x.txt');
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text).toBe(dalianText);
  });

  it('reads GB18030 to the same text as its UTF-8 twin', () => {
    const gb = decodeReport(readFileSync(join(corpus, 'national-2018.gb18030.txt')), 'x.txt');
    expect(gb.encoding).toBe('gb18030');
    expect(gb.text).toBe(readFileSync(join(corpus, 'national-2018.txt'), 'utf8'));
  });

  it('normalises CRLF and CR line endings without changing line numbers', () => {
    const crlf = Buffer.from(dalianText.replace(/\n/g, '\r\n'));
    const cr = Buffer.from(dalianText.replace(/\n/g, '\r'));
    expect(decodeReport(crlf, 'x.txt').text).toBe(dalianText);
    expect(decodeReport(cr, 'x.txt').text).toBe(dalianText);
    const tree = readReportText(crlf, 'x.txt').tree;
    const ad = readReportText(dalian, 'y.txt').tree;
    expect(toString(tree)).toBe(toString(ad));
    expect(tree.children.map((n) => n.position?.start.line)).toEqual(ad.children.map((n) => n.position?.start.line));
  });

  it.each([
    ['an empty file', Buffer.alloc(0), 'x.txt: the file is empty'],
    ['only white space', Buffer.from(' \n\t\r\n　\n', 'utf8'), 'x.txt: the file holds only white space'],
    ['a PDF renamed .txt', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'x.txt: this is a PDF file, not a text report'],
    ['a PNG renamed .txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'x.txt: this is a PNG image, not a text report'],
    ['binary data', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)), 'x.txt: '],
    ['bytes that are neither UTF-8 nor GB18030', Buffer.from([0x41, 0x81, 0x30, 0x81, 0xff, 0xfe, 0x80, 0x42, 0x0a, 0x43]), 'x.txt: the bytes are not valid UTF-8 or GB18030/GBK'],
  ])('refuses %s with a one-line reason', (_, bytes, message) => {
    const error = errorOf(bytes as Buffer);
    expect(error).not.toBeNull();
    expect(error!.startsWith(message)).toBe(true);
    expect(error).not.toContain('\n');
  });
});
