import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, updateManifest } from '../../pipeline/batch/incremental.js';
import { scratchDir } from '../helpers/scratch.js';

const record = { sourceHash: 'h', issuer: null, year: null, outputs: {} };

describe('the manifest of OUT', () => {
  it('keeps every entry when many builds record at once', async () => {
    const out = scratchDir('briefs-manifest-');
    await Promise.all(Array.from({ length: 40 }, (_, i) => updateManifest(out, (m) => void (m.reports[`r${i}`] = record))));
    expect(Object.keys((await readManifest(out)).reports)).toHaveLength(40);
  });

  it('takes over a lock whose owner died', async () => {
    const out = scratchDir('briefs-manifest-');
    mkdirSync(join(out, '.briefs'));
    writeFileSync(join(out, '.briefs', 'manifest.lock'), String(2 ** 22 + 7));
    await updateManifest(out, (m) => void (m.reports.a = record));
    expect(Object.keys((await readManifest(out)).reports)).toEqual(['a']);
  });
});
