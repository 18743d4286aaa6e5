/**
 * Patch node-code-cache — Node 20 (its CommonJS loader, Module.prototype._compile).
 * Changes: CommonJS files a thread loads (the bundle, pdfkit, pdfmake, fontkit and theirs) are
 * compiled with V8's code from one store beside the bundle (code-cache.bin, made by `make` from
 * one build of the bundled report), instead of every thread parsing and compiling 5 MB of
 * JavaScript, then each function as it first runs. V8 takes cached code only for the same
 * source, V8 and flags, and says when it rejects it; the file is then compiled as usual. What
 * runs is the same code. Node 22 has module.enableCompileCache() for this.
 * Gains (make bench's runs, this patch alone off): fresh build +11 % CPU, batch +7 %.
 * Checked by: tests/patches/node-code-cache.test.ts (files compiled from the store, counted; a
 * module's results with and without it). Upstream: Node 22 has it; nothing to offer.
 */
import { createHash } from 'node:crypto';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';
import { crc32 } from 'node:zlib';
import { readCodeCache, writeCodeCache, type Entry } from '../util/code-cache-store.js';
import { patchFits, type PatchSettings } from './guard.js';

const sourceKey = (wrapped: string) => createHash('sha1').update(wrapped).digest('hex');

const STOCK = Symbol.for('briefs.patch.node-code-cache');
type CommonJsModule = { exports: unknown; _compile(content: string, filename: string): unknown };
type ModuleInternals = { prototype: CommonJsModule & { [STOCK]?: CommonJsModule['_compile'] }; wrap(source: string): string };
/** A thread's files: compiled with cached code, with cached code V8 rejected, without any. */
export type CodeCacheStats = { cached: number; rejected: number; uncached: number };

/**
 * From now on, CommonJS files this thread loads are compiled with the cached code in `path`.
 * With `write`, the thread records what it compiles without a cache, and on exit writes the
 * store again with the code of every function it ran (the data V8 gives once code has run).
 */
export function patchNodeCodeCache(path: string, options: { write: boolean }, settings: PatchSettings): CodeCacheStats | null {
  const { prototype, wrap } = Module as unknown as ModuleInternals;
  if (prototype[STOCK] || !patchFits('node-code-cache', 'node', '20', settings)) return null;
  const stats: CodeCacheStats = { cached: 0, rejected: 0, uncached: 0 };
  const cached = readCodeCache(path);
  const made: Array<{ source: string; script: Script }> = [];
  const compile = (prototype[STOCK] = prototype._compile);
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
  if (options.write) process.once('exit', () => {
    const entries = new Map<string, Entry>();
    for (const [source, data] of cached) entries.set(source, { source, crc: crc32(data), data });
    for (const { source, script } of made) {
      const data = script.createCachedData();
      entries.set(source, { source, crc: crc32(data), data });
    }
    writeCodeCache(path, [...entries.values()]);
  });
  return stats;
}
