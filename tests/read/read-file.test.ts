import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReport } from '../../pipeline/read/read-report.js';

/** Files that are not reports are refused by what they are, before a byte is read. */
describe('reading a report file', () => {
  const folder = mkdtempSync(join(tmpdir(), 'briefs-read-file-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('refuses a FIFO named .txt instead of waiting on it for ever', async () => {
    const fifo = join(folder, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    await expect(readReport(fifo)).rejects.toMatchObject({
      oneLine: `${fifo}: is not a regular file (a pipe, device or socket); save the report as a file`,
    });
  });

  it('refuses a link to /dev/zero instead of reading without end', async () => {
    const zero = join(folder, 'zero.txt');
    symlinkSync('/dev/zero', zero);
    await expect(readReport(zero)).rejects.toThrow('is not a regular file');
  });

  it('refuses a 1.5 GB file by its size, without reading it', async () => {
    const big = join(folder, 'big.txt');
    writeFileSync(big, '');
    truncateSync(big, 1536 * 1024 * 1024); // sparse: no disk used, no bytes to read
    const started = process.memoryUsage().rss;
    await expect(readReport(big)).rejects.toThrow('the file is 1536.0 MiB, over the 5 MiB limit for one report');
    expect(process.memoryUsage().rss - started).toBeLessThan(256 * 1024 * 1024);
  });

  it('says a folder is a folder', async () => {
    await expect(readReport(folder)).rejects.toThrow('is a folder, not a report');
  });
});
