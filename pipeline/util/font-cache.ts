import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Font } from 'fontkit';

const require = createRequire(import.meta.url);

/**
 * pdfkit's own copy of fontkit (the CommonJS build it requires). Every writer parses fonts with
 * this one copy, so a font is read and parsed once per process, whoever asks: the PDF writer
 * (through pdfkit), the HTML subsetter, the face chooser and the thumbnails.
 */
const fontkitPath = require.resolve('fontkit', { paths: [dirname(require.resolve('pdfkit'))] });
const fontkit = require(fontkitPath) as { create(data: Uint8Array, postscriptName?: string): Font };

const bytesByPath = new Map<string, Buffer>();
const parsed = new WeakMap<Uint8Array, Map<string, Font>>();

/** A font file's bytes, read once (15 MB a face: they must not be held twice). */
export function fontBytes(path: string): Buffer {
  let bytes = bytesByPath.get(path);
  if (!bytes) bytesByPath.set(path, (bytes = readFileSync(path)));
  return bytes;
}

/** fontkit.create, once per font's bytes: a parsed font is only read from, never changed. */
export function parseFont(data: Uint8Array, postscriptName?: string): Font {
  let byName = parsed.get(data);
  if (!byName) parsed.set(data, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (!font) byName.set(key, (font = fontkit.create(data, postscriptName)));
  return font;
}

/** A font file parsed with fontkit, once per process. */
export function openFont(path: string): Font {
  return parseFont(fontBytes(path));
}

/**
 * Makes pdfkit parse fonts with `parseFont`: pdfkit takes fontkit by require() when it loads, so
 * a copy of fontkit's exports with `create` memoised is put in the module cache first (fontkit's
 * own exports are read-only getters). Given our font bytes (pdfmake hands pdfkit the very Buffers
 * `fontBytes` read), pdfkit then reuses the fonts parsed already.
 */
export function shareFontsWithPdfKit(): void {
  const cached = require.cache[fontkitPath]!;
  if ((cached.exports as { __briefsShared?: boolean }).__briefsShared) return;
  cached.exports = { ...(cached.exports as object), create: parseFont, __briefsShared: true };
}
