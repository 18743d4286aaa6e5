import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentReports } from '../../pipeline/batch/recent-reports.js';
import { REPO_ROOT } from '../../pipeline/util/repo.js';
import { scratchDir } from '../helpers/scratch.js';

const dalian = join(REPO_ROOT, 'source', 'dalian-2018.txt');

/** n copies of the bundled report under other names, in a scratch folder. */
function copies(n: number): string[] {
  const dir = scratchDir('briefs-recent-');
  return Array.from({ length: n }, (_, k) => {
    const file = join(dir, `copy-${k}.txt`);
    copyFileSync(dalian, file);
    return file;
  });
}

describe('the reports a build thread read lately', () => {
  it('reads a report once for all its tasks, and gives its model whole', async () => {
    const [file] = copies(1);
    const reports = new RecentReports();
    const first = await reports.read(file);
    expect(first.model.issuer).toBe('大连市人民政府');
    expect(first.model.year).toBe(2018);
    expect(first.model.indicators.length).toBeGreaterThan(100);
    expect(await reports.read(file)).toBe(first);
  });

  it('holds no more reports than its capacity, letting go of the least recent', async () => {
    const files = copies(3);
    const reports = new RecentReports(2);
    const first = await reports.read(files[0]);
    const second = await reports.read(files[1]);
    await reports.read(files[0]);
    await reports.read(files[2]);
    // files[1] was the least recently read: it is read anew; files[0] is still held.
    expect(await reports.read(files[0])).toBe(first);
    const again = await reports.read(files[1]);
    expect(again).not.toBe(second);
    expect(again.model.indicators.length).toBe(second.model.indicators.length);
  });

  it('does not keep a failed read: the report is read again once it can be', async () => {
    const [file] = copies(1);
    writeFileSync(file, '');
    const reports = new RecentReports();
    await expect(reports.read(file)).rejects.toThrow('the file is empty');
    copyFileSync(dalian, file);
    expect((await reports.read(file)).model.year).toBe(2018);
  });
});
