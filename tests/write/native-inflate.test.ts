import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { inflateInto } from '../../pipeline/util/native-inflate.js';

const require = createRequire(import.meta.url);
const fontkitDir = dirname(require.resolve('fontkit', { paths: [dirname(require.resolve('pdfkit'))] }));

/** tiny-inflate as its users load it, from its own file (the pipeline puts zlib in its place). */
function tinyInflate(): (source: Uint8Array, dest: Uint8Array) => Uint8Array {
  const path = require.resolve('tiny-inflate', { paths: [fontkitDir] });
  const module = { exports: {} as unknown };
  new Function('module', 'exports', readFileSync(path, 'utf8'))(module, module.exports);
  return module.exports as (source: Uint8Array, dest: Uint8Array) => Uint8Array;
}

describe('inflating with zlib in tiny-inflate’s place', () => {
  const original = tinyInflate();
  const same = (source: Uint8Array, size: number) => {
    const ours = inflateInto(source, new Uint8Array(size));
    const theirs = original(source, new Uint8Array(size));
    expect(ours.length).toBe(theirs.length);
    expect(Buffer.from(ours).equals(Buffer.from(theirs))).toBe(true);
    return ours;
  };

  it('gives the same bytes, into an array just big enough or bigger', () => {
    const text = Buffer.from('政府工作报告 Government work report 2018 '.repeat(500));
    const noise = Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 251));
    for (const data of [text, noise, Buffer.alloc(0), Buffer.from('a')]) {
      const packed = deflateRawSync(data);
      expect(Buffer.from(same(packed, data.length)).equals(data)).toBe(true);
      same(packed, data.length + 100);
    }
  });

  // The Unicode tables fontkit's shapers read: packed twice, unpacked twice into the same size.
  it('unpacks fontkit’s Unicode tables as tiny-inflate does', () => {
    for (const name of ['data.trie', 'indic.trie', 'use.trie']) {
      const file = readFileSync(join(fontkitDir, '..', 'src', 'opentype', 'shapers', name));
      const size = file.readUInt32LE(8);
      const once = same(file.subarray(12), size);
      const twice = same(once, size);
      // As unicode-trie reads it: the whole buffer, as 32-bit words.
      expect(twice.length).toBe(size);
      expect(new Uint32Array(twice.buffer).length).toBe(size / 4);
    }
  });
});
