// `make briefs` runs this (bundled as node_modules/.cache/briefs/cli.js); so does every worker
// thread of a build. It reads the options, installs Node's code cache, then loads and runs the
// bundle.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { patchNodeCodeCache } from '../patches/node-code-cache.js';
import { readFileSync } from 'node:fs';
import { readOptions, type BriefsOptions } from './options.js';
import { SelectionError } from '../batch/selection.js';
import { REPO_ROOT } from '../util/repo.js';

// V8's budget before it optimises a function, raised: a build runs much code a few times, and the
// optimising compiler's threads competed with the builders for the cores. Set before our code is
// compiled (worker threads share the flags); the code cache is made and taken under it.
if (isMainThread) setFlagsFromString('--interrupt-budget=1200000');

// Worker threads get the options with their tasks; only the main thread has arguments to read.
let options: BriefsOptions;
try {
  options = readOptions(process.env, isMainThread ? process.argv.slice(2) : []);
} catch (error) {
  if (!(error instanceof SelectionError)) throw error;
  console.error(`error: ${(error as Error).message}`);
  process.exit(2);
}
if (options.command === 'help') {
  // The same text `make help` prints, kept in one file that make can print without Node.
  process.stdout.write(readFileSync(join(REPO_ROOT, 'pipeline', 'cli', 'help.txt'), 'utf8'));
  process.exit(0);
}
const here = dirname(fileURLToPath(import.meta.url));
if (import.meta.url.endsWith('.ts')) {
  // From the sources (tsx): no bundle, no code cache.
  await (await import(new URL('./entry.ts', import.meta.url).href)).run(options);
} else {
  // BRIEFS_CODE_CACHE=write: `make` builds the bundled report once to make the cache.
  const stats = patchNodeCodeCache(join(here, 'code-cache.bin'), { write: options.writeCodeCache && isMainThread }, options.patches);
  if (stats && options.debug && isMainThread) {
    process.once('exit', () => console.error(`code cache: ${stats.cached} files compiled from it, ${stats.rejected} rejected by V8, ${stats.uncached} not in it`));
  }
  await (createRequire(import.meta.url)(join(here, 'briefs.cjs')) as { run(options: BriefsOptions): Promise<void> }).run(options);
}
