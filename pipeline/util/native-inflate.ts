import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { inflateRawSync } from 'node:zlib';

const require = createRequire(import.meta.url);

/**
 * tiny-inflate's inflate(source, dest), by Node's zlib. fontkit, linebreak and
 * unicode-properties unpack their Unicode tables with tiny-inflate, a DEFLATE decoder written in
 * JavaScript, each time a thread loads them: 40 ms of each worker thread's start, before the
 * code is warm. zlib gives the same bytes, into the same array: all of dest when it is filled,
 * else a copy of as much as was written (as tiny-inflate returns it).
 */
export function inflateInto(source: Uint8Array, dest: Uint8Array): Uint8Array {
  const inflated = inflateRawSync(source);
  dest.set(inflated.subarray(0, dest.length));
  return inflated.length < dest.length ? dest.slice(0, inflated.length) : dest;
}

/** Where the packages that use tiny-inflate find it (one copy, unless npm nested another). */
function tinyInflatePaths(): string[] {
  const pdfkit = dirname(require.resolve('pdfkit'));
  const fontkit = dirname(require.resolve('fontkit', { paths: [pdfkit] }));
  const users = [fontkit, dirname(require.resolve('unicode-trie', { paths: [fontkit] })), dirname(require.resolve('linebreak', { paths: [pdfkit] }))];
  return [...new Set(users.map((user) => require.resolve('tiny-inflate', { paths: [user] })))];
}

let installed = false;
/** Puts inflateInto in the module cache in tiny-inflate's place, before its users load. */
export function useNativeInflate(): void {
  if (installed) return;
  installed = true;
  for (const path of tinyInflatePaths()) {
    if (require.cache[path]) continue;
    require.cache[path] = { id: path, filename: path, loaded: true, exports: inflateInto, children: [], paths: [] } as unknown as NodeJS.Module;
  }
}
