import * as fontkit from 'fontkit';

const opened = new Map<string, fontkit.Font>();

/** A font file parsed with fontkit, once per process however many writers ask for it. */
export function openFont(path: string): fontkit.Font {
  let font = opened.get(path);
  if (!font) opened.set(path, (font = fontkit.openSync(path) as fontkit.Font));
  return font;
}
