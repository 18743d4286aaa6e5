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

/**
 * Where the packages that use tiny-inflate find it (one copy, unless npm nested another). A
 * package laid out otherwise is left to load tiny-inflate itself: slower, the same bytes.
 */
function tinyInflatePaths(): string[] {
  const paths = new Set<string>();
  // The folder of a package as `from` (or this code) finds it; null if it finds none.
  const folderOf = (name: string, from?: string) => {
    try {
      return dirname(require.resolve(name, from ? { paths: [from] } : undefined));
    } catch {
      return null;
    }
  };
  const pdfkit = folderOf('pdfkit');
  const fontkit = pdfkit && folderOf('fontkit', pdfkit);
  const users = [fontkit, fontkit && folderOf('unicode-trie', fontkit), pdfkit && folderOf('linebreak', pdfkit)];
  for (const user of users) {
    if (!user) continue;
    try {
      paths.add(require.resolve('tiny-inflate', { paths: [user] }));
    } catch {
      // This user has no tiny-inflate of its own to replace.
    }
  }
  return [...paths];
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
