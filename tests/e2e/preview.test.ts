import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, cpSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { get, type IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runBriefs } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

function filesIn(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesIn(root, join(dir, entry.name)) : [join(dir, entry.name).slice(root.length + 1)]));
}

function request(port: number, path: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get({ host: '127.0.0.1', port, path, headers: { host: 'localhost' } }, resolve).on('error', reject));
}

const text = async (response: IncomingMessage) => {
  let body = '';
  for await (const chunk of response) body += chunk;
  return body;
};

describe('make preview', () => {
  const source = scratchDir('briefs-src-');
  const out = scratchDir('briefs-out-');
  const templates = scratchDir('briefs-templates-');
  // A part of the publications, to keep the test short; the preview's build is given the same.
  const env = { SOURCE: source, OUT: out, TEMPLATES: templates, PUBLICATIONS: 'summary,business,indicators', FORMATS: 'pdf' };
  let preview: ChildProcess;
  let log = '';
  /** Resolves when the preview's log has said `pattern` `count` times. */
  const said = (pattern: RegExp, count = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (log.match(new RegExp(pattern, 'g'))?.length ?? 0) >= count && (resolve(), true);
      if (check()) return;
      const timer = setTimeout(() => reject(new Error(`preview never said ${pattern} ${count} time(s):\n${log}`)), 150_000);
      preview.stdout!.on('data', () => check() && clearTimeout(timer));
    });

  beforeAll(async () => {
    copyFileSync(join(repoRoot, 'tests', 'fixtures', 'corpus', 'dalian-2018.txt'), join(source, 'dalian-2018.txt'));
    cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
    const built = runBriefs(env);
    if (built.status !== 0) throw new Error(built.stderr);
    // Its own process group: make, the server and its builds are stopped together.
    preview = spawn('make', ['-s', 'preview'], { cwd: repoRoot, env: { ...process.env, ...env, PORT: '0' }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    preview.stdout!.on('data', (chunk) => (log += chunk));
    preview.stderr!.on('data', (chunk) => (log += chunk));
  });

  afterAll(() => {
    if (preview?.pid) process.kill(-preview.pid, 'SIGTERM');
  });

  it('serves what OUT holds, with the reload script, while it brings OUT up to date', async () => {
    await said(/preview: http:\/\/localhost:\d+\//);
    const port = Number(log.match(/localhost:(\d+)\//)![1]);
    const page = await request(port, '/');
    expect(page.statusCode).toBe(200);
    const html = await text(page);
    expect(html).toContain('全部出版物');
    expect(html).toContain("new EventSource('/__briefs_events')");
    expect((await request(port, '/dalian-2018/summary.pdf')).headers['content-type']).toBe('application/pdf');
    await said(/preview: build done/);
  });

  it('rebuilds on a change to a template only the publication that uses it, and tells the open pages', async () => {
    const port = Number(log.match(/localhost:(\d+)\//)![1]);
    const stamp = (file: string) => `${statSync(join(out, file)).mtimeMs}`;
    const before = new Map(filesIn(out).map((f) => [f, stamp(f)]));
    const events = await request(port, '/__briefs_events');
    let told = '';
    const reloaded = new Promise<void>((resolve) => events.on('data', (chunk) => (told += chunk).includes('data: rebuilt') && resolve()));
    const summary = join(templates, 'summary.md.hbs');
    writeFileSync(summary, readFileSync(summary, 'utf8').replace(/^# (.+)$/m, '# $1（预览）'));
    await said(/preview: build done/, 2);
    const changed = filesIn(out).filter((f) => before.get(f) !== stamp(f));
    expect(changed.sort()).toEqual(['.briefs/manifest.json', 'dalian-2018/summary.pdf', 'dalian-2018/thumbs/summary.png', 'index.html']);
    expect(log).toMatch(/\[1\/1\] dalian-2018: summary \(/);
    await reloaded;
    expect(told).toContain('data: rebuilt');
    events.destroy();
  });
});
