import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Writes a file so no reader ever sees it half-written: into a temporary file in the same
 * folder (same file system, so the rename is atomic), then renamed over the target.
 */
export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const folder = dirname(path);
  await mkdir(folder, { recursive: true });
  const temporary = join(folder, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(temporary, data);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/** Writes several files only once all of them are ready: a publication's DOCX and PDF land together. */
export async function writeFilesAtomic(files: Array<{ path: string; data: Uint8Array | string }>): Promise<void> {
  for (const file of files) await writeFileAtomic(file.path, file.data);
}
