import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { FONT_FILES } from './fonts.js';

/** Cache: font files' bytes by path, in shared memory (a worker thread is handed its parent's). */
const fontBytesCache = new Map<string, Buffer>();

/** Takes the fonts the parent thread read (a worker thread's first message): no second copy. */
export function useSharedFonts(fonts: Record<string, SharedArrayBuffer>): void {
  for (const [path, shared] of Object.entries(fonts)) if (!fontBytesCache.has(path)) fontBytesCache.set(path, Buffer.from(shared));
}

/**
 * A font file's bytes, read once per process (15 MB a face: they must not be held twice). A WOFF
 * file is unpacked to the TrueType font it wraps: PDF and DOCX embed TrueType, and fontkit then
 * parses it without inflating every table again in each thread.
 */
export function fontBytes(path: string): Buffer {
  let bytes = fontBytesCache.get(path);
  if (!bytes) {
    bytes = path.endsWith('.woff') ? sfntOfWoff(readShared(path)) : readShared(path);
    fontBytesCache.set(path, bytes);
  }
  return bytes;
}

/** A file read straight into shared memory, so that worker threads can be handed the same bytes. */
function readShared(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const bytes = Buffer.from(new SharedArrayBuffer(fstatSync(fd).size));
    for (let at = 0; at < bytes.length; ) at += readSync(fd, bytes, at, bytes.length - at, at);
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * The TrueType/OpenType font a WOFF 1.0 file wraps (W3C WOFF §4–5): its tables, each inflated
 * when stored compressed, laid out again behind an sfnt header at 4-byte boundaries, into shared
 * memory. Checksums are carried over as the WOFF records them.
 */
export function sfntOfWoff(woff: Buffer): Buffer {
  if (woff.toString('latin1', 0, 4) !== 'wOFF') throw new Error('not a WOFF 1.0 font');
  const count = woff.readUInt16BE(12);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 44 + i * 20;
    const [offset, compLength, origLength] = [woff.readUInt32BE(at + 4), woff.readUInt32BE(at + 8), woff.readUInt32BE(at + 12)];
    const stored = woff.subarray(offset, offset + compLength);
    return { tag: woff.subarray(at, at + 4), checksum: woff.readUInt32BE(at + 16), data: compLength < origLength ? inflateSync(stored) : stored };
  });
  const padded = (n: number) => (n + 3) & ~3;
  const headerLength = 12 + count * 16;
  const out = Buffer.from(new SharedArrayBuffer(headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0)));
  const search = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(woff.readUInt32BE(4), 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(search * 16, 6);
  out.writeUInt16BE(Math.log2(search), 8);
  out.writeUInt16BE(count * 16 - search * 16, 10);
  let offset = headerLength;
  tables.forEach((table, i) => {
    const record = 12 + i * 16;
    table.tag.copy(out, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    table.data.copy(out, offset);
    offset += padded(table.data.length);
  });
  return out;
}

/**
 * Every font file, as shared memory for worker threads (read now if not read yet). A font that
 * cannot be had is left out: the thread that needs it fails on it, with the error that says how
 * to install it, in the build of a publication (where errors are reported), not here.
 */
export function sharedFonts(): Record<string, SharedArrayBuffer> {
  const fonts: Record<string, SharedArrayBuffer> = {};
  for (const name of Object.keys(FONT_FILES) as Array<keyof typeof FONT_FILES>) {
    try {
      const path = FONT_FILES[name];
      fonts[path] = fontBytes(path).buffer as SharedArrayBuffer;
    } catch {
      // Reported where the font is used.
    }
  }
  return fonts;
}
