import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** Which patches may go in, and whether to say why one stays off (from the CLI's options). */
export interface PatchSettings {
  /** BRIEFS_PATCHES=off: 'all', the stock code runs; BRIEFS_PATCHES=off:a,b: those patches. */
  off: 'all' | string[];
  /** DEBUG=1: a patch that stays off says so on stderr. */
  debug: boolean;
}

/** Every patch on (the default), and quiet. */
export const ALL_PATCHES: PatchSettings = { off: [], debug: false };
/** BRIEFS_PATCHES as PatchSettings.off: unset or anything else, every patch on. */
export function patchesOff(value: string | undefined): PatchSettings['off'] {
  return value === 'off' ? 'all' : value?.startsWith('off:') ? value.slice(4).split(',').filter(Boolean) : [];
}

/** The version of a package as `from` (a file or folder) resolves it; null when it is not installed. */
export function installedVersion(name: string, from?: string): string | null {
  let folder: string;
  try {
    folder = packageFolder(name, from);
  } catch {
    return null;
  }
  // Up from its main file to its own package.json (some packages do not export that file).
  for (; dirname(folder) !== folder; folder = dirname(folder)) {
    const manifest = existsSync(join(folder, 'package.json')) ? (JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { name?: string; version?: string }) : null;
    if (manifest?.name === name) return manifest.version ?? null;
  }
  return null;
}

/** The folder of a package's main file as `from` resolves it (for its own dependencies). */
export function packageFolder(name: string, from?: string): string {
  return dirname(require.resolve(name, from ? { paths: [from] } : undefined));
}

/**
 * Whether a patch written against `name`@`version` may go in: it is not switched off, and the
 * package installed is that exact version (a private field renamed in another would leave the
 * patch doing nothing, or worse). When not, the stock code runs, and DEBUG=1 says why.
 */
export function patchFits(patch: string, name: string, version: string, settings: PatchSettings, from?: string): boolean {
  if (settings.off === 'all' || settings.off.includes(patch)) return false;
  // Node's loader is patched per major version: its internals change between majors only.
  const installed = name === 'node' ? process.versions.node.split('.')[0] : installedVersion(name, from);
  if (installed === version) return true;
  if (settings.debug) console.error(`patch ${patch}: off, written for ${name} ${version}, found ${installed ?? 'none'}`);
  return false;
}
