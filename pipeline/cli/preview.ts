import { spawn } from 'node:child_process';
import { existsSync, statSync, watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { resolveRequest } from './serve-path.js';
import { REPO_ROOT } from '../util/repo.js';

/**
 * `make preview`: serves OUT on localhost at once — what an earlier build left there — while
 * `make briefs` brings it up to date in the background; then rebuilds whenever a template, an
 * audience file or a source report changes, and reloads the open pages. The build is the
 * incremental one, so a change rebuilds only the publications it touches.
 */
const outDir = resolve(process.env.OUT || 'out');
const source = resolve(process.env.SOURCE || 'source');
const templatesDir = resolve(process.env.TEMPLATES || join(REPO_ROOT, 'templates'));
const port = Number(process.env.PORT ?? 8040);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.pdf': 'application/pdf', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
/** The only script any page gets, and only when served by preview: reload on a rebuild. */
const RELOAD = `<script>new EventSource('/__briefs_events').onmessage = () => location.reload();</script>`;
/** What / shows until the first build has written the gallery. */
const WAITING = `<!doctype html><html lang="en"><meta charset="utf-8"><title>briefs · building</title><body><p>Building into ${outDir.replace(/[<&]/g, '')}; this page reloads when it is done.</p></body></html>`;
const listeners = new Set<ServerResponse>();

let building: Promise<void> | null = null;
let again = false;
/** Runs `make briefs` (which also remakes the bundle when the code changed); one at a time, the last change never lost. */
function build(): Promise<void> {
  if (building) {
    again = true;
    return building;
  }
  building = new Promise<number | null>((done) => {
    const child = spawn('make', ['-s', '--no-print-directory', 'briefs'], { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, OUT: outDir, SOURCE: source, TEMPLATES: templatesDir } });
    child.on('exit', done);
  }).then((code) => {
    building = null;
    for (const listener of listeners) listener.write('data: rebuilt\n\n');
    console.log(`preview: build ${code === 0 ? 'done' : `ended with problems (exit ${code})`}; open pages reloaded`);
    if (again) {
      again = false;
      return build();
    }
  });
  return building;
}

const server = createServer(async (request, response) => {
  if (request.url === '/__briefs_events' && (await resolveRequest(outDir, '/', request.headers.host)).status !== 403) {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
    return;
  }
  const resolved = await resolveRequest(outDir, request.url, request.headers.host);
  if (resolved.status === 404 && new URL(request.url ?? '/', 'http://localhost').pathname === '/') {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(WAITING.replace('</body>', `${RELOAD}</body>`));
    return;
  }
  if (resolved.status !== 200) {
    response.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${resolved.reason}\n`);
    return;
  }
  const { path } = resolved;
  try {
    let body: Buffer | string = await readFile(path);
    if (extname(path) === '.html') body = body.toString('utf8').replace('</body>', `${RELOAD}</body>`);
    response.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found\n');
  }
});

let timer: NodeJS.Timeout | null = null;
const onChange = (what: string) => () => {
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => {
    console.log(`preview: ${what} changed, rebuilding what it touches`);
    void build();
  }, 250);
};
for (const [path, what] of [[templatesDir, 'a template or audience'], [source, 'a source report']] as const) {
  // SOURCE may be one report: a file is watched as it is.
  if (existsSync(path)) watch(path, { recursive: statSync(path).isDirectory() }, onChange(what));
}

// Serving first: what OUT holds is there at once, brought up to date in the background.
server.listen(port, '127.0.0.1', () => {
  const { port: bound } = server.address() as AddressInfo;
  console.log(`preview: http://localhost:${bound}/ serving ${outDir}; building in the background (Ctrl-C to stop)`);
  void build();
});
