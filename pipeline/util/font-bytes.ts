import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FONT_FILES } from './fonts.js';

/** Cache: font files' bytes by path, in shared memory (a worker thread is handed its parent's). */
const fontBytesCache = new Map<string, Buffer>();

/** Takes the fonts the parent thread read (a worker thread's first message): no second copy. */
export function useSharedFonts(fonts: Record<string, SharedArrayBuffer>): void {
  for (const [path, shared] of Object.entries(fonts)) if (!fontBytesCache.has(path)) fontBytesCache.set(path, Buffer.from(shared));
}

/** A font file's bytes, read once per process (15 MB a face: they must not be held twice). */
export function fontBytes(path: string): Buffer {
  let bytes = fontBytesCache.get(path);
  if (!bytes) {
    // Read straight into shared memory, so that worker threads can be handed the same bytes.
    const fd = openSync(path, 'r');
    try {
      bytes = Buffer.from(new SharedArrayBuffer(fstatSync(fd).size));
      for (let at = 0; at < bytes.length; ) at += readSync(fd, bytes, at, bytes.length - at, at);
    } finally {
      closeSync(fd);
    }
    fontBytesCache.set(path, bytes);
  }
  return bytes;
}

/**
 * Every font file, as shared memory for worker threads (read now if not read yet). A font that
 * cannot be had is left out: the thread that needs it fails on it, with the error that says how
 * to install it, in the build of a publication (where errors are reported), not here.
 */
export function sharedFonts(): Record<string, SharedArrayBuffer> {
  const fonts: Record<string, SharedArrayBuffer> = {};
  for (const name of Object.keys(FONT_FILES) as Array<keyof typeof FONT_FILES>) {
    try {
      const path = FONT_FILES[name];
      fonts[path] = fontBytes(path).buffer as SharedArrayBuffer;
    } catch {
      // Reported where the font is used.
    }
  }
  return fonts;
}
