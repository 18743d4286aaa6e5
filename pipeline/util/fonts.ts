import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BriefsError } from './errors.js';

const require = createRequire(import.meta.url);

/** Folder of an installed npm package, or an error telling the user how to get it. */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new BriefsError(name, `font package is not installed; run \`npm ci\` (or \`make briefs\`, which does)`);
  }
}

export function fontFile(pkg: string, weight: string, file: string): string {
  const path = join(packageDir(pkg), weight, file);
  if (!existsSync(path)) throw new BriefsError(path, 'font file is missing; reinstall with `npm ci`');
  return path;
}

const SERIF = '@expo-google-fonts/noto-serif-sc';
const SANS = '@expo-google-fonts/noto-sans-sc';
const KAI = '@fontsource/lxgw-wenkai';

/**
 * The CJK fonts the writers use: Noto Serif SC (body, titles; Light for the official 仿宋-like
 * body), Noto Sans SC (headings, charts; 黑体), LXGW WenKai (the official 楷体: （一） headings,
 * occasion line, byline). Fontsource names its WenKai files `latin`, but each holds the whole
 * font (30,000 characters); `500` is its Regular (weight 400).
 */
export const FONT_FILES = {
  get serifRegular() { return fontFile(SERIF, '400Regular', 'NotoSerifSC_400Regular.ttf'); },
  get serifBold() { return fontFile(SERIF, '700Bold', 'NotoSerifSC_700Bold.ttf'); },
  get serifLight() { return fontFile(SERIF, '300Light', 'NotoSerifSC_300Light.ttf'); },
  get sansRegular() { return fontFile(SANS, '400Regular', 'NotoSansSC_400Regular.ttf'); },
  get sansBold() { return fontFile(SANS, '700Bold', 'NotoSansSC_700Bold.ttf'); },
  get kai() { return fontFile(KAI, 'files', 'lxgw-wenkai-latin-500-normal.woff'); },
};

/** Family names as written inside the font files (DOCX names fonts by these). */
export const SERIF_FAMILY = 'Noto Serif SC';
export const SERIF_LIGHT_FAMILY = 'Noto Serif SC Light';
export const SANS_FAMILY = 'Noto Sans SC';
export const KAI_FAMILY = 'LXGW WenKai';
export const CHART_FONT_FAMILY = 'Noto Sans SC';
