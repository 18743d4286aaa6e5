import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManifestRecords, readManifest } from '../../pipeline/batch/incremental.js';
import { scratchDir } from '../helpers/scratch.js';

const record = { sourceHash: 'h', issuer: null, year: null, outputs: {} };

describe('the records of a batch', () => {
  it('writes the first at once and the rest together, every one of them by the end', async () => {
    const out = scratchDir('briefs-records-');
    const records = new ManifestRecords(out);
    for (let i = 0; i < 50; i++) await records.record((m) => void (m.reports[`r${i}`] = record));
    expect(Object.keys((await readManifest(out)).reports)).toEqual(['r0']);
    await records.flush();
    expect(Object.keys((await readManifest(out)).reports)).toHaveLength(50);
  });

  it('keeps what it could not write for the next write', async () => {
    const out = scratchDir('briefs-records-');
    // A file where the manifest's folder should be: the write fails.
    writeFileSync(join(out, '.briefs'), '');
    const records = new ManifestRecords(out);
    await expect(records.record((m) => void (m.reports.a = record))).rejects.toThrow();
    await records.record((m) => void (m.reports.b = record));
    rmSync(join(out, '.briefs'));
    await records.flush();
    expect(Object.keys((await readManifest(out)).reports).sort()).toEqual(['a', 'b']);
  });
});
