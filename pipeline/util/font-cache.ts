import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import type { Font } from 'fontkit';
import { fontBytes } from './font-bytes.js';

const require = createRequire(import.meta.url);

/**
 * The fontkit pdfkit uses (its CommonJS build, as pdfkit requires it): every writer parses fonts
 * with this one copy, so that a font parsed for one is the font the others use.
 */
export const fontkitPath = require.resolve('fontkit', { paths: [dirname(require.resolve('pdfkit'))] });
const fontkit = require(fontkitPath) as { create(data: Uint8Array, postscriptName?: string): Font };

/** Cache: fonts parsed by fontkit, by their bytes and name. A parsed font is only read from. */
const parsedFonts = new WeakMap<Uint8Array, Map<string, Font>>();

/** fontkit.create, once per font's bytes: the PDF writer, the HTML subsetter, faces and thumbnails share it. */
export function parseFont(data: Uint8Array, postscriptName?: string): Font {
  let byName = parsedFonts.get(data);
  if (!byName) parsedFonts.set(data, (byName = new Map()));
  const key = postscriptName ?? '';
  let font = byName.get(key);
  if (!font) byName.set(key, (font = fontkit.create(data, postscriptName)));
  return font;
}

/** A font file parsed with fontkit, once per process. */
export function openFont(path: string): Font {
  return parseFont(fontBytes(path));
}
