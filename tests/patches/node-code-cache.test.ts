import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCodeCache, writeCodeCache } from '../../pipeline/util/code-cache-store.js';
import { crc32 } from 'node:zlib';
import { repoRoot } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('briefs-code-cache-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const entry = (source: string, text: string) => {
  const data = Buffer.from(text);
  return { source, crc: crc32(data), data };
};

describe('the code cache store', () => {
  it('reads back what it wrote', () => {
    const path = join(scratch, 'round-trip.bin');
    writeCodeCache(path, [entry('a', 'first'), entry('b', 'second, longer')]);
    const read = readCodeCache(path);
    expect([...read.keys()]).toEqual(['a', 'b']);
    expect(read.get('a')!.toString()).toBe('first');
    expect(read.get('b')!.toString()).toBe('second, longer');
  });

  it('leaves out an entry whose bytes were damaged, and keeps the others', () => {
    const path = join(scratch, 'damaged.bin');
    writeCodeCache(path, [entry('a', 'first'), entry('b', 'second')]);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1] ^= 0xff; // the last byte of b's data
    writeFileSync(path, bytes);
    expect([...readCodeCache(path).keys()]).toEqual(['a']);
  });

  it('is empty when the file is missing, cut short or not a store', () => {
    expect(readCodeCache(join(scratch, 'missing.bin')).size).toBe(0);
    const garbage = join(scratch, 'garbage.bin');
    writeFileSync(garbage, 'not a code cache at all');
    expect(readCodeCache(garbage).size).toBe(0);
    const short = join(scratch, 'short.bin');
    writeCodeCache(short, [entry('a', 'first')]);
    writeFileSync(short, readFileSync(short).subarray(0, 10));
    expect(readCodeCache(short).size).toBe(0);
  });
});

describe('loading CommonJS through the code cache', () => {
  // A child process (the hook is global to a thread): loads a module, says what it computed and
  // how the cache served it.
  const child = (store: string, module: string, write: boolean, off: string[] | 'all' = []) => {
    const script = `
      import { createRequire } from 'node:module';
      import { patchNodeCodeCache } from ${JSON.stringify(join(repoRoot, 'pipeline', 'patches', 'node-code-cache.ts'))};
      const stats = patchNodeCodeCache(${JSON.stringify(store)}, { write: ${write} }, { off: ${JSON.stringify(off)}, debug: false });
      const value = createRequire(import.meta.url)(${JSON.stringify(module)})(20);
      console.log(JSON.stringify({ value, ...(stats ?? { off: true }) }));`;
    const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repoRoot, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    return JSON.parse(result.stdout.trim().split('\n').pop()!) as { value: number; cached: number; rejected: number; uncached: number };
  };

  it('compiles a module from the cache a first run made, and a changed module without it', () => {
    const store = join(scratch, 'modules.bin');
    const module = join(scratch, 'times.cjs');
    writeFileSync(module, 'module.exports = function times(n) { return n * 2; };\n');
    expect(child(store, module, true)).toEqual({ value: 40, cached: 0, rejected: 0, uncached: 1 });
    expect(existsSync(store)).toBe(true);
    expect(child(store, module, false)).toEqual({ value: 40, cached: 1, rejected: 0, uncached: 0 });
    // The same length, other code: the cache is keyed by the source itself, not by its length.
    writeFileSync(module, 'module.exports = function times(n) { return n * 3; };\n');
    expect(child(store, module, false)).toEqual({ value: 60, cached: 0, rejected: 0, uncached: 1 });
  });
});
