import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { FONT_FILES } from './fonts.js';

const bytesByPath = new Map<string, Buffer>();

// A worker thread is handed the fonts its parent read, in shared memory (see workerThread).
let fromParent: Record<string, SharedArrayBuffer> = {};

/** Takes the fonts the parent thread read (a worker thread's first message): no second copy. */
export function useSharedFonts(fonts: Record<string, SharedArrayBuffer>): void {
  fromParent = fonts;
}

/** A font file's bytes, read once per process (15 MB a face: they must not be held twice). */
export function fontBytes(path: string): Buffer {
  let bytes = bytesByPath.get(path);
  if (!bytes) {
    const shared = fromParent[path];
    if (shared) bytes = Buffer.from(shared);
    else {
      // Read straight into shared memory, so that worker threads can be handed the same bytes.
      const fd = openSync(path, 'r');
      try {
        bytes = Buffer.from(new SharedArrayBuffer(fstatSync(fd).size));
        for (let at = 0; at < bytes.length; ) at += readSync(fd, bytes, at, bytes.length - at, at);
      } finally {
        closeSync(fd);
      }
    }
    bytesByPath.set(path, bytes);
  }
  return bytes;
}

/** Every font file, as shared memory for worker threads (read now if not read yet). */
export function sharedFonts(): Record<string, SharedArrayBuffer> {
  return Object.fromEntries(Object.values(FONT_FILES).map((path) => [path, fontBytes(path).buffer as SharedArrayBuffer]));
}
