import { openFont } from '../util/font-cache.js';
import { fontBytes } from '../util/font-bytes.js';
import { FONT_FILES } from '../util/fonts.js';
import { patchFontkitSubset } from './fontkit-subset.js';
import type { PatchSettings } from './guard.js';
import { patchPdfkitCharRuns } from './pdfkit-char-runs.js';
import { patchPdfkitLayoutCache } from './pdfkit-layout-cache.js';
import { patchPdfkitSharedFonts } from './pdfkit-shared-fonts.js';
import { patchPdfkitToUnicode } from './pdfkit-tounicode.js';
import { patchPdfmakeMeasure } from './pdfmake-measure.js';
export { ALL_PATCHES, patchesOff, type PatchSettings } from './guard.js';

/**
 * Installs the patches of the writers' packages (each checks its package's version), before
 * a build of this thread loads pdfkit: the shared fonts go in only then. Installing twice does
 * nothing more. Node's code cache is installed apart, before the bundle loads (cli/start.ts).
 */
export function installPatches(settings: PatchSettings): void {
  patchPdfkitSharedFonts(settings);
  patchFontkitSubset(openFont(FONT_FILES.kai), settings);
  patchPdfkitLayoutCache(settings, fontBytes(FONT_FILES.kai));
  patchPdfkitCharRuns(settings, fontBytes(FONT_FILES.kai));
  patchPdfkitToUnicode(settings, fontBytes(FONT_FILES.kai));
  patchPdfmakeMeasure(settings);
}
