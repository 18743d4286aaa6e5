import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest's global setup: the end-to-end tests run the CLI as `make briefs` runs it, from the
 * bundle; make rebuilds it when a source file is newer.
 */
export default function setup(): void {
  execFileSync('make', ['-s', 'bundle'], { cwd: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'), stdio: 'inherit' });
}
