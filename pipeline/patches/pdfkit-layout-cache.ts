/**
 * Patch pdfkit-layout-cache — pdfkit 0.19.1, its EmbeddedFont (layoutCache, layoutCached).
 * Changes: pdfkit lays out each distinct piece of text once per document and font, and every
 * new document starts with an empty cache (a brief is laid out several times while it is fitted
 * to its page). The cache is shared by the documents that use the same parsed font (see
 * pdfkit-shared-fonts): a run is laid out and scaled alike in each, and pdfkit never changes one.
 * Gains (make bench's runs, this patch alone off): fresh build +12 % CPU, batch +9 %.
 * Checked by: tests/patches/pdfkit-layout-cache.test.ts (runs laid out by fontkit, counted; the
 * PDF's bytes against stock pdfkit's). Upstream: specific to how we use pdfkit; not offered.
 */
import { createRequire } from 'node:module';
import { patchFits, type PatchSettings } from './guard.js';

const require = createRequire(import.meta.url);
const STOCK = Symbol.for('briefs.patch.pdfkit-layout-cache');
/** Laid-out runs a font's shared cache holds before documents begin a new one: more than a long report's. */
export const MAX_SHARED_RUNS = 20_000;

/** What of pdfkit's EmbeddedFont (not exported) the patch uses. */
interface EmbeddedFont {
  font: object;
  layoutCache?: Record<string, unknown>;
  sharesLayouts?: boolean;
  layoutCached(text: string): unknown;
  [STOCK]?: (text: string) => unknown;
}

/** pdfkit's EmbeddedFont prototype (not exported), reached through a document given one of our fonts. */
export function embeddedFontPrototype(fontBytes: Buffer): EmbeddedFont {
  const PdfKit = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: object } };
  return Object.getPrototypeOf(new PdfKit({ autoFirstPage: false }).font(fontBytes)._font) as EmbeddedFont;
}

export function patchPdfkitLayoutCache(settings: PatchSettings, fontBytes: Buffer): void {
  if (!patchFits('pdfkit-layout-cache', 'pdfkit', '0.19.1', settings)) return;
  const prototype = embeddedFontPrototype(fontBytes);
  if (prototype[STOCK]) return;
  const layoutCached = (prototype[STOCK] = prototype.layoutCached);
  // Cache: laid-out runs, by parsed font, for every document that uses it.
  const sharedLayouts = new WeakMap<object, Record<string, unknown>>();
  prototype.layoutCached = function (this: EmbeddedFont, text: string) {
    if (this.layoutCache && !this.sharesLayouts) {
      let cache = sharedLayouts.get(this.font);
      // A thread builds report after report: a cache that kept every run would grow with the
      // batch. Runs are shared within a report's documents; past a report's worth, start afresh.
      if (!cache || Object.keys(cache).length > MAX_SHARED_RUNS) sharedLayouts.set(this.font, (cache = Object.create(null) as Record<string, unknown>));
      this.layoutCache = cache;
      this.sharesLayouts = true;
    }
    return layoutCached.call(this, text);
  };
}
