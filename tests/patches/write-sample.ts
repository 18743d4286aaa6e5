// Run in a child process by the patch tests (patches are global to a thread): writes one
// publication's PDF twice and its HTML once, with the patches BRIEFS_PATCHES leaves on, and
// prints the outputs' hashes and counts of the work the patches exist to save.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { installPatches, patchesOff } from '../../pipeline/patches/index.js';
import { pdfkitSharesFonts } from '../../pipeline/patches/pdfkit-shared-fonts.js';
import { parsePublication } from '../../pipeline/publish/parse-publication.js';
import { openFont } from '../../pipeline/util/font-cache.js';
import { fontBytes } from '../../pipeline/util/font-bytes.js';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { REPO_ROOT } from '../../pipeline/util/repo.js';
import { assetsOf } from '../../pipeline/write/assets.js';
import { writeDocx } from '../../pipeline/write/docx/write-docx.js';
import { writeHtml } from '../../pipeline/write/html/write-html.js';
import { Packer } from 'docx';
import { writePdf } from '../../pipeline/write/pdf/write-pdf.js';

const require = createRequire(import.meta.url);
const patches = { off: patchesOff(process.env.BRIEFS_PATCHES), debug: false };
installPatches(patches);

// Counters, put on the stock entry points the patches are meant to call less.
const counts = { layouts: 0, glyphDecodes: 0, styleLookups: 0, docxZipped: 0 };
const count = (target: any, key: string, counter: keyof typeof counts) => {
  const original = target[key];
  target[key] = function (this: unknown, ...args: unknown[]) {
    counts[counter]++;
    return original.apply(this, args);
  };
};
const serif = openFont(FONT_FILES.serifRegular);
// fontkit's font classes (TTFFont and its glyphs), as pdfkit and the HTML subsetter use them.
count(Object.getPrototypeOf(serif), 'layout', 'layouts');
count(Object.getPrototypeOf(serif.getGlyph(serif.glyphForCodePoint(0x4e00).id)), '_decode', 'glyphDecodes');
count(Packer, 'toBuffer', 'docxZipped');
count((require('pdfmake/js/StyleContextStack') as { default: object }).default, 'getStyleProperty', 'styleLookups');

const markdown = readFileSync(join(REPO_ROOT, 'tests', 'patches', 'sample.md'), 'utf8');
const publication = parsePublication(markdown, 'sample.md');
const assets = assetsOf([]);
const date = new Date(Date.UTC(2018, 0, 1));
const sha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const first = await writePdf(publication, assets, { date, file: 'sample.md' });
const layoutsOfFirst = counts.layouts;
const second = await writePdf(publication, assets, { date, file: 'sample.md' });
const html = writeHtml(publication, assets);
const docx = await writeDocx(publication, assets, { date, file: 'sample.md', patches });
const PdfKit = require('pdfkit') as new (options: object) => { font(src: Buffer): { _font: { font: unknown } } };
const documentFont = new PdfKit({ autoFirstPage: false }).font(fontBytes(FONT_FILES.serifRegular))._font.font;
console.log(
  JSON.stringify({
    pdf: sha(first.pdf),
    samePdfTwice: sha(second.pdf) === sha(first.pdf),
    html: sha(html),
    docx: sha(docx),
    docxZipped: counts.docxZipped,
    pages: first.pages,
    layoutsOfFirst,
    layoutsOfSecond: counts.layouts - layoutsOfFirst,
    glyphDecodes: counts.glyphDecodes,
    styleLookups: counts.styleLookups,
    sharesFonts: pdfkitSharesFonts(),
    documentFontIsOurs: documentFont === serif,
  }),
);
