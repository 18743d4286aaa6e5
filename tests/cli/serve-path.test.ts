import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveRequest } from '../../pipeline/cli/serve-path.js';

/** What `make preview` serves: files of OUT, to this machine, and nothing else. */
describe('the preview server’s paths', () => {
  const parent = mkdtempSync(join(tmpdir(), 'briefs-serve-'));
  const out = join(parent, 'out');
  mkdirSync(join(out, 'dalian-2018'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<html></html>');
  writeFileSync(join(out, 'dalian-2018', 'summary.pdf'), '%PDF');
  // A folder beside OUT whose name starts with OUT's: a prefix test without the separator serves it.
  mkdirSync(join(parent, 'out-secret'));
  writeFileSync(join(parent, 'out-secret', 'file'), 'secret');
  symlinkSync('/etc/passwd', join(out, 'passwd.html'));
  afterAll(() => rmSync(parent, { recursive: true, force: true }));
  const host = 'localhost:8040';

  it('serves the gallery and the files of OUT', async () => {
    expect(await resolveRequest(out, '/', host)).toEqual({ status: 200, path: realpathSync(join(out, 'index.html')) });
    expect(await resolveRequest(out, '/dalian-2018/summary.pdf?x=1', '127.0.0.1:8040')).toMatchObject({ status: 200 });
    expect(await resolveRequest(out, '/dalian-2018/summary.pdf', '[::1]:8040')).toMatchObject({ status: 200 });
  });

  it('refuses a path that leaves OUT, encoded or not, and a link out of it', async () => {
    expect(await resolveRequest(out, '/..%2fout-secret%2ffile', host)).toMatchObject({ status: 403 });
    expect(await resolveRequest(out, '/../out-secret/file', host)).not.toMatchObject({ status: 200 });
    expect(await resolveRequest(out, '/%2e%2e/%2e%2e/etc/passwd', host)).not.toMatchObject({ status: 200 });
    expect(await resolveRequest(out, '/passwd.html', host)).toMatchObject({ status: 403, reason: 'a link out of OUT' });
  });

  it('answers a malformed URL with 400 instead of dying', async () => {
    expect(await resolveRequest(out, '/%', host)).toEqual({ status: 400, reason: 'malformed URL' });
    expect(await resolveRequest(out, '/%E4%B8', host)).toEqual({ status: 400, reason: 'malformed URL' });
    expect(await resolveRequest(out, '/a%00b', host)).toEqual({ status: 400, reason: 'malformed URL' });
  });

  it('serves only requests addressed to this machine', async () => {
    for (const other of ['evil.example', 'localhost.evil.example', 'evil.example:8040', '', undefined]) {
      expect(await resolveRequest(out, '/', other)).toMatchObject({ status: 403 });
    }
  });

  it('never throws and never serves a file outside OUT, whatever the path (fuzzed)', async () => {
    const root = realpathSync(out);
    const segment = fc.constantFrom('..', '.', '%2e%2e', '%2E%2E%2F', '%2f', '%5c', 'out-secret', 'file', 'index.html', 'dalian-2018', '%', '%00', '//', 'passwd.html', '~');
    const path = fc.oneof(fc.array(segment, { maxLength: 6 }).map((parts) => `/${parts.join('/')}`), fc.string().map((s) => `/${s}`), fc.webPath());
    await fc.assert(
      fc.asyncProperty(path, async (url) => {
        const resolved = await resolveRequest(out, url, host);
        if (resolved.status === 200) expect(resolved.path === root || resolved.path.startsWith(root + sep)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
