import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const report = join(repoRoot, 'tests', 'fixtures', 'noise', 'web-chrome', 'input.txt');

describe('two reports that would write one folder', () => {
  const source = scratchDir('briefs-slugs-');
  const out = scratchDir('briefs-slugs-out-');
  let result: ReturnType<typeof runBriefs>;
  beforeAll(() => {
    copyFileSync(report, join(source, 'city.txt'));
    copyFileSync(report, join(source, 'city.md'));
    copyFileSync(report, join(source, 'other.txt'));
    result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
  });

  it('is an error naming both files, and neither is built', () => {
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${join(source, 'city.md')}, ${join(source, 'city.txt')}: these reports would all be written to city/; rename all but one (neither was built)`);
    expect(existsSync(join(out, 'city'))).toBe(false);
  });

  it('still builds the other reports', () => {
    expect(existsSync(join(out, 'other', 'fulltext.pdf'))).toBe(true);
  });
});

describe('a FIFO, a link to /dev/zero and a huge sparse file named .txt', () => {
  it('are each refused by what they are, without hanging, and the batch goes on', () => {
    const source = scratchDir('briefs-special-');
    const out = scratchDir('briefs-special-out-');
    execFileSync('mkfifo', [join(source, 'pipe.txt')]);
    symlinkSync('/dev/zero', join(source, 'zero.txt'));
    writeFileSync(join(source, 'huge.txt'), '');
    truncateSync(join(source, 'huge.txt'), 1536 * 1024 * 1024);
    copyFileSync(report, join(source, 'city.txt'));
    const result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
    expect(result.status).toBe(1);
    const errors = result.stderr.split('\n').filter((l) => l.startsWith('error: '));
    expect(errors).toEqual([
      `error: ${join(source, 'huge.txt')}: the file is 1536.0 MiB, over the 5 MiB limit for one report`,
      `error: ${join(source, 'pipe.txt')}: is not a regular file (a pipe, device or socket); save the report as a file`,
      `error: ${join(source, 'zero.txt')}: is not a regular file (a pipe, device or socket); save the report as a file`,
    ]);
    expect(existsSync(join(out, 'city', 'fulltext.pdf'))).toBe(true);
  });
});

describe('SOURCE inside OUT', () => {
  it('is refused before anything is read or written', () => {
    const out = scratchDir('briefs-same-');
    mkdirSync(join(out, 'reports'));
    copyFileSync(report, join(out, 'reports', 'city.txt'));
    for (const source of [out, join(out, 'reports')]) {
      const result = runBriefs({ SOURCE: source, OUT: out, JOBS: '1' });
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toBe(`error: ${source}: SOURCE is OUT or inside it, so a build would read its own output as reports; keep the reports in another folder`);
    }
    expect(existsSync(join(out, 'city'))).toBe(false);
  });
});
