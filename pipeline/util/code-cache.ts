import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';

/**
 * V8's compiled code for the CommonJS files a thread loads (the bundle, pdfkit, pdfmake, fontkit
 * and theirs), kept in one file beside the bundle and handed to V8 as each file is compiled.
 *
 * Every thread used to parse and compile the same 5 MB of JavaScript for itself: the whole of
 * each file when it loaded, then each function the first time it ran (V8 compiles lazily). That
 * was some 0.4 s of each worker thread's CPU in a build of one report, paid again by every
 * thread. A cache made once, after a whole build (`make` builds the bundled report for it),
 * holds the bytecode of every function that build ran; a thread given it compiles almost nothing.
 *
 * V8 takes a cache only for the same source, the same V8 and the same V8 flags (see
 * v8-flags.ts); it says when it rejects one, and the file is then compiled as usual. The cache
 * only spares work: what runs is the same code.
 */

/** A file's entry: its source's hash, and V8's data with a checksum (V8 checks little itself). */
interface Entry {
  source: string;
  crc: number;
  data: Buffer;
}

/** The store's layout: a header of JSON (offsets into what follows), then the data, end to end. */
interface Header {
  entries: Array<{ source: string; crc: number; offset: number; length: number }>;
}

const sourceKey = (wrapped: string) => createHash('sha1').update(wrapped).digest('hex');

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

interface CommonJsModule {
  exports: unknown;
  _compile(content: string, filename: string): unknown;
}

interface ModuleInternals {
  prototype: CommonJsModule;
  wrap(source: string): string;
}

let installed = false;
/** This thread's files: compiled with cached code, with cached code V8 rejected, without any. */
const stats = { cached: 0, rejected: 0, uncached: 0 };

export function codeCacheStats(): Readonly<typeof stats> {
  return stats;
}

/**
 * From now on, CommonJS files this thread loads are compiled with the cached code in `path`.
 * With `write`, the thread records what it compiles without a cache, and on exit writes the
 * store again with the code of every function it ran (the data V8 gives once code has run).
 */
export function useCodeCache(path: string, options: { write: boolean }): void {
  if (installed) return;
  installed = true;
  const cached = readCodeCache(path);
  const made: Array<{ source: string; script: Script }> = [];
  const { prototype, wrap } = Module as unknown as ModuleInternals;
  const compile = prototype._compile;
  prototype._compile = function (this: CommonJsModule, content: string, filename: string) {
    // A file that starts with #! is left to Node, which strips the line before compiling.
    if (content.startsWith('#!')) return compile.call(this, content, filename);
    const wrapped = wrap(content);
    const source = sourceKey(wrapped);
    const cachedData = cached.get(source);
    // As Node compiles it (Module.wrap), but for import(): none of the files loaded so uses it.
    const script = new Script(wrapped, { filename, cachedData });
    if (!cachedData) stats.uncached++;
    else if (script.cachedDataRejected) stats.rejected++;
    else stats.cached++;
    if (options.write && (!cachedData || script.cachedDataRejected)) made.push({ source, script });
    const run = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // Its require() resolves from its own file, as the one Node would give it.
    return run.call(this.exports, this.exports, createRequire(filename), this, filename, dirname(filename));
  };
  if (!options.write) return;
  process.once('exit', () => {
    const entries = new Map<string, Entry>();
    for (const [source, data] of cached) entries.set(source, { source, crc: crc32(data), data });
    for (const { source, script } of made) {
      const data = script.createCachedData();
      entries.set(source, { source, crc: crc32(data), data });
    }
    writeCodeCache(path, [...entries.values()]);
  });
}
