import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The folder of the tool (package.json, templates/, pipeline/): found from this code's own place,
 * which is pipeline/util/ when run from the sources and node_modules/.cache/briefs/ when run from
 * the bundle `make briefs` builds.
 */
function findRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'pipeline'))) return dir;
    if (dirname(dir) === dir) throw new Error(`briefs: cannot find the tool's folder above ${fileURLToPath(import.meta.url)}`);
  }
}

export const REPO_ROOT = findRoot();
