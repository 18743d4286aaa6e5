import { BriefsError } from '../util/errors.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  /** The decoded text as in the file, BOM removed, line endings untouched (offsets count from here). */
  raw: string;
  /** The text with every line ending (CRLF, CR, LF) turned into LF; line numbers are unchanged. */
  text: string;
  encoding: Encoding;
  hadBom: boolean;
}

/** Reports larger than this are refused: the largest real report is ~100 KB. */
export const MAX_REPORT_BYTES = 5 * 1024 * 1024;

export function tooLarge(size: number): string {
  return `the file is ${(size / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_REPORT_BYTES / 1024 / 1024} MiB limit for one report`;
}

/** Magic numbers of files people rename to .txt by mistake. */
const BINARY_SIGNATURES: Array<{ bytes: number[]; what: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], what: 'a PDF file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], what: 'a GIF image' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a ZIP archive (DOCX, XLSX …)' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Office document (DOC, XLS …)' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM shows as a zero byte in every other position for CJK-free text, and in many for CJK text. */
function guessUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = Math.min(bytes.length, 4096);
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample; i++) {
    if (bytes[i] === 0) {
      if (i % 2 === 0) zeroEven++;
      else zeroOdd++;
    }
  }
  const pairs = sample / 2;
  // 8-bit encodings of text never hold a zero byte. In UTF-16, ASCII (newlines, digits) puts zeros on one side;
  // CJK characters such as 一 (U+4E00) put a few on the other, so ask for a clear majority, not exclusivity.
  const enough = Math.max(2, pairs * 0.01);
  if (zeroOdd >= enough && zeroOdd > zeroEven * 4) return 'utf-16le';
  if (zeroEven >= enough && zeroEven > zeroOdd * 4) return 'utf-16be';
  return null;
}

/** Control bytes (other than tab, newlines, form feed and escape) in the first 64 KiB: text has none. */
function controlByteRatio(bytes: Uint8Array): number {
  const sample = Math.min(bytes.length, 65536);
  let controls = 0;
  for (let i = 0; i < sample; i++) {
    const b = bytes[i];
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) controls++;
  }
  return sample === 0 ? 0 : controls / sample;
}

function tryDecode(bytes: Uint8Array, encoding: string): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, LF, CR and form feed mean the bytes are not a text report. */
function controlCharacterRatio(text: string): number {
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return text.length === 0 ? 0 : controls / text.length;
}

export function normaliseLineEndings(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/**
 * Turns a report's bytes into text: UTF-8 (with or without BOM), UTF-16 (with BOM, or
 * recognised without), GB18030/GBK. Anything else is refused with a reason.
 */
export function decodeReport(bytes: Uint8Array, file: string): DecodedText {
  if (bytes.length === 0) throw new BriefsError(file, 'the file is empty');
  if (bytes.length > MAX_REPORT_BYTES) throw new BriefsError(file, tooLarge(bytes.length));
  for (const signature of BINARY_SIGNATURES) {
    if (startsWith(bytes, signature.bytes)) {
      throw new BriefsError(file, `this is ${signature.what}, not a text report; save the report as text (.txt, .md or .html)`);
    }
  }

  let text: string | null = null;
  let encoding: Encoding;
  let hadBom = false;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    encoding = 'utf-8';
    hadBom = true;
    text = tryDecode(bytes.subarray(3), 'utf-8');
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    encoding = 'utf-16le';
    hadBom = true;
    text = tryDecode(bytes.subarray(2), 'utf-16le');
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    encoding = 'utf-16be';
    hadBom = true;
    text = tryDecode(bytes.subarray(2), 'utf-16be');
  } else {
    const utf16 = guessUtf16WithoutBom(bytes);
    if (!utf16 && controlByteRatio(bytes) > 0.01) throw new BriefsError(file, 'this looks like binary data, not a text report');
    if (utf16) {
      encoding = utf16;
      text = tryDecode(bytes, utf16);
    } else {
      encoding = 'utf-8';
      text = tryDecode(bytes, 'utf-8');
      if (text === null) {
        encoding = 'gb18030';
        text = tryDecode(bytes, 'gb18030');
      }
    }
  }
  if (text === null) {
    throw new BriefsError(file, `the bytes are not valid ${encoding === 'gb18030' ? 'UTF-8 or GB18030/GBK' : encoding.toUpperCase()}; save the report as UTF-8`);
  }
  if (controlCharacterRatio(text) > 0.01) {
    throw new BriefsError(file, 'this looks like binary data, not a text report');
  }
  if (text.trim() === '') throw new BriefsError(file, 'the file holds only white space');
  return { raw: text, text: normaliseLineEndings(text), encoding, hadBom };
}
