import { createRequire } from 'node:module';
import type { RootContent } from 'mdast';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { subtitlesOf, type Publication } from '../../publish/parse-publication.js';
import { FONT_FILES } from '../../util/fonts.js';
import { fontBytes } from '../../util/font-bytes.js';
import type { Assets } from '../assets.js';
import { faceFor, PDF_FONT } from '../faces.js';
import { mmToPt, pageStyleNamed, tocSizePt, type Face, type PageStyle } from '../page-style.js';
import { isTocMarker, TOC_DEPTH } from '../contents.js';
import { blockToPdf, type PdfContext } from './pdf-blocks.js';
import { markBlock, pageStarts, tableColumns, type PdfBreaks } from './page-starts.js';

const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: object): void;
  setLocalAccessPolicy(policy: (path: string) => boolean): void;
  setUrlAccessPolicy(policy: (url: string) => boolean): void;
  createPdf(doc: TDocumentDefinitions): { getStream(): Promise<PdfKitDocument> };
}

/** Cache: pdfmake, set up for our fonts (a singleton module, set up once per thread). */
let configuredPdfmake: PdfMake | null = null;

/** pdfmake is a singleton module; it is set up once per process: fonts, and no file or URL access but the fonts. */
function pdfmake(): PdfMake {
  if (configuredPdfmake) return configuredPdfmake;
  const instance = require('pdfmake') as PdfMake & { virtualfs: { writeFileSync(name: string, data: Buffer): void } };
  // pdfmake reads fonts from its virtual file system: it is given the bytes every writer shares
  // (which pdfkit then parses once, with the patch pdfkit-shared-fonts).
  const files = { serif: FONT_FILES.serifRegular, serifBold: FONT_FILES.serifBold, serifLight: FONT_FILES.serifLight, sans: FONT_FILES.sansRegular, sansBold: FONT_FILES.sansBold, kai: FONT_FILES.kai };
  for (const [name, path] of Object.entries(files)) instance.virtualfs.writeFileSync(`briefs-fonts/${name}.ttf`, fontBytes(path));
  const v = (name: keyof typeof files) => `briefs-fonts/${name}.ttf`;
  const fonts = {
    Serif: { normal: v('serif'), bold: v('serifBold'), italics: v('serif'), bolditalics: v('serifBold') },
    SerifLight: { normal: v('serifLight'), bold: v('serifBold'), italics: v('serifLight'), bolditalics: v('serifBold') },
    Sans: { normal: v('sans'), bold: v('sansBold'), italics: v('sans'), bolditalics: v('sansBold') },
    Kai: { normal: v('kai'), bold: v('kai'), italics: v('kai'), bolditalics: v('kai') },
  };
  instance.setFonts(fonts);
  instance.setLocalAccessPolicy(() => false);
  instance.setUrlAccessPolicy(() => false);
  configuredPdfmake = instance;
  return instance;
}

function styles(style: PageStyle): TDocumentDefinitions['styles'] {
  const body = style.bodySizePt;
  const indent = body * style.firstLineIndentChars;
  // On the official grid a heading takes one body line; elsewhere it is set a little tighter.
  const headingLineHeight = style.fixedGrid ? style.lineHeight : 0.95;
  const heading = (depth: number) => ({
    font: PDF_FONT[style.headingFaces[depth - 1]],
    bold: style.headingBold && depth <= 3,
    fontSize: style.headingSizesPt[depth - 1],
    lineHeight: headingLineHeight,
    margin: [0, style.headingSpacingPt[0] * (depth <= 2 ? 1 : 0.7), 0, style.headingSpacingPt[1] * (depth <= 2 ? 1 : 0.7)] as [number, number, number, number],
    color: style.fixedGrid ? '#000000' : depth <= 2 ? style.colours.accent : '#222222',
  });
  return {
    title: { font: PDF_FONT[style.titleFace], bold: true, fontSize: style.titleSizePt, alignment: 'center', lineHeight: style.fixedGrid ? 1.0 : 0.95, margin: [0, 0, 0, style.fixedGrid ? style.linePitchPt ?? 0 : 6], color: style.colours.title },
    subtitle: { font: PDF_FONT[style.fixedGrid ? 'kai' : style.bodyFace], fontSize: style.fixedGrid ? body : body * 0.95, alignment: 'center', color: style.fixedGrid ? '#000000' : style.colours.muted, margin: [0, 0, 0, 2] },
    h1: heading(1), h2: heading(2), h3: heading(3), h4: heading(4), h5: heading(5), h6: heading(6),
    body: { alignment: 'justify', leadingIndent: indent, margin: [0, 0, 0, style.paragraphSpacingPt] },
    listItem: { alignment: 'justify', margin: [0, 0, 0, style.fixedGrid ? 0 : 3] },
    list: { margin: [0, 0, 0, style.paragraphSpacingPt] },
    quote: { margin: [indent, 2, 0, style.paragraphSpacingPt], color: '#333333' },
    tableHead: { font: 'Sans', bold: true, fontSize: Math.min(body, 12) * 0.9, lineHeight: 1.0 },
    tableCell: { fontSize: Math.min(body, 12) * 0.9, lineHeight: 1.0 },
    caption: { font: 'Sans', fontSize: Math.min(body, 12) * 0.8, color: style.colours.muted, alignment: 'center', margin: [0, 0, 0, 8], lineHeight: 1.0 },
    tocTitle: { font: 'Sans', bold: true, fontSize: style.headingSizesPt[1], alignment: 'center', margin: [0, 0, 0, 8] },
    // As high as the DOCX's TOC 1–2 entries (line spacing 1.1; 2 pt above and below level 1, which
    // pdfmake's contents table pads every row with), so the contents take as many pages in both.
    toc1: { font: PDF_FONT[style.bodyFace], fontSize: tocSizePt(style, 1), margin: [0, 2, 0, 2], lineHeight: 1.1 },
    toc2: { font: PDF_FONT[style.bodyFace], fontSize: tocSizePt(style, 2), color: '#333333', lineHeight: 1.0 },
    notes: { fontSize: body * 0.85 },
  };
}

/** Title block from front matter: title and subtitle lines; `band: true` sets them on a coloured band. */
function titleBlock(publication: Publication, style: PageStyle, textWidthPt: number): object[] {
  const { meta } = publication;
  const lines: object[] = [];
  if (meta.title) lines.push({ text: meta.title, style: 'title' });
  const subtitleFace: Face = style.fixedGrid ? 'kai' : style.bodyFace;
  for (const line of subtitlesOf(meta)) lines.push({ text: line, style: 'subtitle', font: PDF_FONT[faceFor(line, subtitleFace)] });
  if (!lines.length) return [];
  // The official page has no band: its title is set in black on the grid (a red 版头 is a letterhead's, not ours).
  if (!meta.band || style.fixedGrid) return [...lines, { text: '', margin: [0, 0, 0, style.fixedGrid ? 0 : 10] }];
  return [
    {
      table: { widths: [textWidthPt - 16], body: [[{ stack: lines.map((l) => ({ ...l, color: '#ffffff' })), fillColor: style.colours.accent, margin: [8, 8, 8, 6] }]] },
      layout: 'noBorders',
      margin: [0, 0, 0, 8],
    },
  ];
}

export interface PdfOptions {
  /** Fixed document date, so two builds give the same bytes. */
  date: Date;
  file: string;
  /** Room kept free at the foot of every page, in points: fitting leaves Word this much slack. */
  reserveBottomPt?: number;
}

/** Builds the pdfmake document definition for a publication tree. Pure. */
export function pdfDocument(publication: Publication, assets: Assets, options: PdfOptions): TDocumentDefinitions {
  const style = pageStyleNamed(publication.meta.style, publication.meta.density);
  const m = style.marginsMm;
  const textWidthPt = mmToPt(style.pageWidthMm - m.left - m.right);
  const ctx: PdfContext = { style, assets, footnotes: new Map(), file: options.file, textWidthPt, outline: { count: 0, open: [] } };
  const content: object[] = [...titleBlock(publication, style, textWidthPt)];
  const children = publication.tree.children;
  children.forEach((node, index) => {
    if (isTocMarker(node)) {
      content.push({ toc: { title: { text: '目　录', style: 'tocTitle' }, numberStyle: 'toc1' }, margin: [0, 0, 0, 0] });
      content.push({ text: '', pageBreak: 'after' });
      return;
    }
    const blocks = blockToPdf(node, ctx);
    markBlock(blocks, index);
    content.push(...blocks);
  });
  const definitions = children.filter((n): n is Extract<RootContent, { type: 'footnoteDefinition' }> => n.type === 'footnoteDefinition');
  if (definitions.length) {
    const numbered = definitions
      .map((d) => ({ n: ctx.footnotes.get(d.identifier) ?? Number.MAX_SAFE_INTEGER, d }))
      .sort((a, b) => a.n - b.n);
    content.push({ text: '注　释', style: 'h3', margin: [0, 12, 0, 4] });
    content.push({
      ol: numbered.map(({ d }) => ({ stack: d.children.flatMap((c) => blockToPdf(c, ctx, true)) })),
      style: 'notes',
    });
  }

  const header = publication.meta.header && style.runningHead ? String(publication.meta.header) : '';
  const numberGap = mmToPt(7);
  return {
    // The window shows the title, not the file name; readers and screen readers read Chinese.
    language: 'zh-CN',
    displayTitle: true,
    pageSize: 'A4',
    pageMargins: [mmToPt(m.left), mmToPt(m.top), mmToPt(m.right), mmToPt(m.bottom) + (options.reserveBottomPt ?? 0)],
    defaultStyle: { font: PDF_FONT[style.bodyFace], fontSize: style.bodySizePt, lineHeight: style.lineHeight },
    styles: styles(style),
    content: content as TDocumentDefinitions['content'],
    header: (page: number) =>
      header && page > 1
        ? {
            stack: [
              { text: header, font: 'Sans', fontSize: style.headerSizePt, color: style.colours.muted, alignment: 'center' },
              { canvas: [{ type: 'line', x1: 0, y1: 3, x2: textWidthPt, y2: 3, lineWidth: 0.4, lineColor: style.colours.rule }] },
            ],
            margin: [mmToPt(m.left), mmToPt(m.top) * 0.45, mmToPt(m.right), 0],
          }
        : { text: '' },
    // GB/T 9704: “— 1 —” in 4号 below the text block, odd pages right and even pages left, one
    // character in from the block's edge. Modern pages centre it.
    footer: (page: number, pages: number) => {
      const outside = style.pageNumber.placement === 'outside';
      const inset = style.pageNumber.sizePt;
      return {
        text: `— ${page} —`,
        font: PDF_FONT[style.bodyFace],
        fontSize: style.pageNumber.sizePt,
        lineHeight: 1,
        alignment: outside ? (page % 2 === 1 ? 'right' : 'left') : 'center',
        margin: [mmToPt(m.left) + (outside ? inset : 0), style.fixedGrid ? numberGap : mmToPt(m.bottom) * 0.35, mmToPt(m.right) + (outside ? inset : 0), 0],
      };
    },
    // A heading never ends a page: when nothing follows it on its page, it moves to the next.
    pageBreakBefore: (node: any, queries: any) => Boolean(node.headlineLevel) && queries.getFollowingNodesOnPage().length === 0,
    info: {
      title: String(publication.meta.title ?? ''),
      subject: String(publication.meta.subject ?? ''),
      keywords: Array.isArray(publication.meta.keywords) ? publication.meta.keywords.join(', ') : '',
      creator: 'briefs',
      producer: 'briefs (pdfmake)',
      creationDate: options.date,
      modDate: options.date,
    } as TDocumentDefinitions['info'],
  };
}

/** A page as pdfmake laid it out: positioned lines, vectors and images (what its renderer draws). */
export interface LaidOutPage {
  pageSize: { width: number; height: number };
  items: unknown[];
}

/** A laid-out page, and the images (data: URLs) of its document by the names its items give them. */
export interface PageLayout {
  page: LaidOutPage;
  images: Record<string, string>;
}

interface PdfKitDocument {
  /** The pages pdfmake laid out and drew (its renderer keeps them here). */
  _pdfMakePages: LaidOutPage[];
  /** The images it was given, by the names pdfmake gave them. */
  images: Record<string, string>;
  end(): void;
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
}

/**
 * Lays a publication out with pdfmake. `render: false` stops after the layout: nothing is drawn,
 * no font is subset and no stream is compressed, which is all a fitting attempt needs.
 */
async function layOut(publication: Publication, assets: Assets, options: PdfOptions, render: boolean): Promise<{ document: PdfKitDocument; pages: number; headingPages: number[]; content: unknown[] }> {
  const doc = pdfDocument(publication, assets, options) as TDocumentDefinitions & { maxPagesNumber?: number };
  let pages = 0;
  // The footer is called for every page with the page count: the one place pdfmake tells it.
  const footer = doc.footer as (page: number, count: number) => object;
  doc.footer = ((page: number, count: number) => {
    pages = count;
    return footer(page, count);
  }) as TDocumentDefinitions['footer'];
  // pdfmake asks whether to break before each node once it is laid out, its page known (the last
  // time it asks is the final layout): the pages of the headings the table of contents lists.
  const headingPage = new Map<object, number>();
  const breakBefore = doc.pageBreakBefore as (node: any, queries: any) => boolean;
  doc.pageBreakBefore = ((node: any, queries: any) => {
    const breaks = breakBefore(node, queries);
    if (node.headlineLevel && node.headlineLevel <= TOC_DEPTH) headingPage.set(node.text, breaks ? node.startPosition.pageNumber + 1 : node.startPosition.pageNumber);
    return breaks;
  }) as TDocumentDefinitions['pageBreakBefore'];
  // pdfmake draws the pages `pages.slice(0, maxPagesNumber)`, none when only the layout is wanted.
  // It reads 0 as no limit (`maxPagesNumber || -1`), and drew every page of every fitting
  // attempt: a half is a limit, and slices to no page at all.
  if (!render) doc.maxPagesNumber = 0.5;
  const document = await pdfmake().createPdf(doc).getStream();
  return { document, pages, headingPages: [...headingPage.values()], content: doc.content as unknown[] };
}

/** The number of pages a publication lays out on, kept `reserveBottomPt` from the foot: a fitting attempt. */
export async function countPages(publication: Publication, assets: Assets, options: PdfOptions): Promise<number> {
  return (await layOut(publication, assets, options, false)).pages;
}

export interface WrittenPdf {
  pdf: Buffer;
  pages: number;
  /** The page of each heading the table of contents lists, in order (the DOCX's contents take them). */
  headingPages: number[];
  /** The first page as laid out, for its thumbnail. */
  firstPage: PageLayout;
  /** Where each page after the first starts, and how wide its tables' columns are (the DOCX breaks its pages and lines there). */
  pageStarts: PdfBreaks;
}

/** Renders a publication to PDF bytes, and says how many pages it laid out and where its headings fell. */
export async function writePdf(publication: Publication, assets: Assets, options: PdfOptions): Promise<WrittenPdf> {
  const { document, pages, headingPages, content } = await layOut(publication, assets, options, true);
  const chunks: Buffer[] = [];
  const pdf = await new Promise<Buffer>((resolve) => {
    document.on('data', (chunk) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.end();
  });
  return { pdf, pages, headingPages, firstPage: { page: document._pdfMakePages[0], images: document.images }, pageStarts: { pages: pageStarts(document._pdfMakePages as never), tableColumns: tableColumns(content) } };
}
