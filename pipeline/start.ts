// `make briefs` runs this (bundled as node_modules/.cache/briefs/cli.js); so does every worker
// thread of a build. It sets up V8 and the code cache, then loads and runs the bundle.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { codeCacheStats, useCodeCache } from './util/code-cache.js';
import { tuneV8ForBuild } from './util/v8-flags.js';

// Before any of our code is compiled: V8 takes a code cache only under the flags it was made with.
if (isMainThread) tuneV8ForBuild();

const here = dirname(fileURLToPath(import.meta.url));
if (import.meta.url.endsWith('.ts')) {
  // From the sources (tsx): no bundle, no cache.
  await (await import(new URL('./entry.ts', import.meta.url).href)).run();
} else {
  // BRIEFS_CODE_CACHE=write: `make` builds the bundled report once to make the cache; =off: none.
  const mode = process.env.BRIEFS_CODE_CACHE;
  if (mode !== 'off') useCodeCache(join(here, 'code-cache.bin'), { write: mode === 'write' && isMainThread });
  if (process.env.DEBUG === '1' && isMainThread) {
    process.once('exit', () => {
      const { cached, rejected, uncached } = codeCacheStats();
      console.error(`code cache: ${cached} files compiled from it, ${rejected} rejected by V8, ${uncached} not in it`);
    });
  }
  await (createRequire(import.meta.url)(join(here, 'briefs.cjs')) as { run(): Promise<void> }).run();
}
