import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isWithin } from '../util/paths.js';

export type Resolved = { status: 200; path: string } | { status: 400 | 403 | 404; reason: string };

/** The names a browser on this machine uses for it: anything else is another site's page (DNS rebinding). */
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(:\d{1,5})?$/i;

/**
 * The file of OUT a preview request names, or why there is none: a Host that is not this machine,
 * a malformed path, a path that leaves OUT (after decoding and after following links), no such file.
 * Never throws.
 */
export async function resolveRequest(outDir: string, rawUrl: string | undefined, host: string | undefined): Promise<Resolved> {
  if (!host || !LOCAL_HOST.test(host)) return { status: 403, reason: 'served to this machine only (Host must be localhost)' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl ?? '/', 'http://localhost').pathname);
  } catch {
    return { status: 400, reason: 'malformed URL' };
  }
  if (pathname.includes('\0')) return { status: 400, reason: 'malformed URL' };
  const root = await realpath(outDir).catch(() => outDir);
  const wanted = join(root, pathname === '/' ? 'index.html' : pathname);
  if (!isWithin(wanted, root)) return { status: 403, reason: 'outside OUT' };
  let real: string;
  try {
    real = await realpath(wanted);
  } catch {
    return { status: 404, reason: 'not found' };
  }
  if (!isWithin(real, root)) return { status: 403, reason: 'a link out of OUT' };
  const info = await stat(real).catch(() => null);
  if (!info?.isFile()) return { status: 404, reason: 'not found' };
  return { status: 200, path: real };
}
