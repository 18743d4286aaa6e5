import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { writeError } from './errors.js';
import { isRunning } from './processes.js';

/** Where writeFileAtomic writes a file first: hidden, beside it, named with the writer's process id. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.${pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/**
 * Writes a file so no reader ever sees it half-written: into a temporary file in the same
 * folder (same file system, so the rename is atomic), then renamed over the target. A failure
 * is told as the file being written and why (disk full, read-only), not as where the data came from.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = temporaryPath(path);
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {});
    throw writeError(error, path);
  }
}

/** Writes several files only once all of them are ready: a publication's DOCX and PDF land together. */
export async function writeFilesAtomic(files: Array<{ path: string; data: Uint8Array | string }>): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}

/** The names temporaryPath gives, with the writer's process id. */
const TEMPORARY = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/;

/**
 * Removes the temporary files of writers that died before renaming them (kill -9, power loss);
 * those of a build still running into the same folder are left to it. Returns what it removed.
 */
export async function removeStaleTemporaries(folder: string, depth = 3): Promise<string[]> {
  const removed: string[] = [];
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth > 0) removed.push(...(await removeStaleTemporaries(path, depth - 1)));
    const pid = entry.isFile() ? entry.name.match(TEMPORARY)?.[1] : undefined;
    if (pid && !isRunning(Number(pid))) {
      await rm(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}
