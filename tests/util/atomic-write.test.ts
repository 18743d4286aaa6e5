import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { removeStaleTemporaries, temporaryPath } from '../../pipeline/util/atomic-write.js';
import { scratchDir } from '../helpers/scratch.js';

// No process has an id this large on Linux (pid_max is at most 2^22).
const DEAD_PID = 2 ** 22 + 7;

describe('temporary files of writers that died', () => {
  it('are removed, at any depth of OUT; those of a live writer and other files are kept', async () => {
    const out = scratchDir('briefs-tmp-');
    mkdirSync(join(out, 'dalian-2018', 'charts'), { recursive: true });
    const dead = temporaryPath(join(out, 'dalian-2018', 'summary.html'), DEAD_PID);
    const deadChart = temporaryPath(join(out, 'dalian-2018', 'charts', 'growth.png'), DEAD_PID);
    const live = temporaryPath(join(out, 'dalian-2018', 'summary.pdf'));
    const other = join(out, 'dalian-2018', 'summary.pdf');
    for (const path of [dead, deadChart, live, other]) writeFileSync(path, '');
    expect((await removeStaleTemporaries(out)).sort()).toEqual([dead, deadChart].sort());
    expect([existsSync(dead), existsSync(deadChart), existsSync(live), existsSync(other)]).toEqual([false, false, true, true]);
  });
});
