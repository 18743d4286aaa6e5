import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { resolveRequest } from './serve-path.js';
import { REPO_ROOT } from '../util/repo.js';

/**
 * `make preview`: serves OUT on localhost, rebuilds when a template, an audience file or a source
 * report changes, and reloads the open pages — for people writing templates.
 */
const outDir = resolve(process.env.OUT || 'out');
const sourceDir = resolve(process.env.SOURCE || 'source');
const templatesDir = resolve(process.env.TEMPLATES || join(REPO_ROOT, 'templates'));
const port = Number(process.env.PORT || 8040);

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.png': 'image/png', '.pdf': 'application/pdf', '.json': 'application/json; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' };
/** The only script any page gets, and only when served by preview: reload on a rebuild. */
const RELOAD = `<script>new EventSource('/__briefs_events').onmessage = () => location.reload();</script>`;
const listeners = new Set<ServerResponse>();

let building: Promise<void> | null = null;
let again = false;
function build(): Promise<void> {
  if (building) {
    again = true;
    return building;
  }
  building = new Promise<void>((done) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(REPO_ROOT, 'pipeline', 'cli', 'start.ts')], { stdio: 'inherit', env: { ...process.env, OUT: outDir, SOURCE: sourceDir, TEMPLATES: templatesDir } });
    child.on('exit', () => done());
  }).then(() => {
    building = null;
    for (const listener of listeners) listener.write('data: rebuilt\n\n');
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
    listeners.add(response);
    request.on('close', () => listeners.delete(response));
    return;
  }
  const resolved = await resolveRequest(outDir, request.url, request.headers.host);
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
    console.log(`preview: ${what} changed, rebuilding`);
    void build();
  }, 250);
};
for (const [dir, what] of [[templatesDir, 'a template or audience'], [sourceDir, 'a source report']] as const) watch(dir, { recursive: true }, onChange(what));

await build();
server.listen(port, '127.0.0.1', () => console.log(`preview: http://localhost:${port}/ (Ctrl-C to stop)`));
