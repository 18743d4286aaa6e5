import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { crc32 } from 'node:zlib';

// The file V8's compiled code is kept in (code-cache.bin beside the bundle; see
// patches/node-code-cache.ts), keyed by the hash of each file's source.

/** A file's entry: its source's hash, and V8's data with a checksum (V8 checks little itself). */
export interface Entry {
  source: string;
  crc: number;
  data: Buffer;
}

/** The store's layout: a header of JSON (offsets into what follows), then the data, end to end. */
interface Header {
  entries: Array<{ source: string; crc: number; offset: number; length: number }>;
}

/** The entries of a store; none when it is missing or unreadable (a cache is never needed). */
export function readCodeCache(path: string): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return entries;
  }
  try {
    const headerLength = bytes.readUInt32LE(0);
    const header = JSON.parse(bytes.subarray(4, 4 + headerLength).toString('utf8')) as Header;
    const start = 4 + headerLength;
    for (const { source, crc, offset, length } of header.entries) {
      const data = bytes.subarray(start + offset, start + offset + length);
      // Damaged data could crash V8 rather than be rejected: such an entry is left out.
      if (data.length === length && crc32(data) === crc) entries.set(source, data);
    }
  } catch {
    entries.clear();
  }
  return entries;
}

/** Writes a store, under a temporary name and renamed: a thread reading it sees all or none. */
export function writeCodeCache(path: string, entries: Entry[]): void {
  let offset = 0;
  const header: Header = { entries: entries.map(({ source, crc, data }) => ({ source, crc, offset: (offset += data.length) - data.length, length: data.length })) };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length, 0);
  const temporary = `${path}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const part of [size, json, ...entries.map((e) => e.data)]) writeSync(fd, part);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}
