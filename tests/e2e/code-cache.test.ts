import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const scratch = scratchDir('briefs-code-cache-');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('the bundle `make` builds', () => {
  it('comes with a code cache that V8 takes for every file of ours and of pdfkit, pdfmake and fontkit it loads', () => {
    const out = join(scratch, 'out');
    const result = runBriefs({ SOURCE: join(repoRoot, 'source', 'dalian-2018.txt'), OUT: out, DEBUG: '1', JOBS: '1', BRIEFS_PATCHES: '' });
    expect(result.status, result.stderr).toBe(0);
    const line = result.stderr.split('\n').find((l) => l.startsWith('code cache:'));
    const [, cached, rejected, uncached] = (line?.match(/(\d+) files compiled from it, (\d+) rejected by V8, (\d+) not in it/) ?? []).map(Number);
    expect(rejected, line).toBe(0);
    expect(uncached, line).toBe(0);
    expect(cached, line).toBeGreaterThan(50);
  });
});
