import { AlignmentType, Document, Footer, Header, PageNumber, Paragraph, ShadingType, TextRun, type FileChild, type PageNumberEstimator } from 'docx';
import type { RootContent } from 'mdast';
import { subtitlesOf, type Publication } from '../../publish/parse-publication.js';
import type { Assets } from '../assets.js';
import { mmToTwip, pageStyleNamed, ptToTwip, type PageStyle } from '../page-style.js';
import { blockToDocx, type DocxContext } from './docx-blocks.js';
import { docxStyles, fontSlots } from './docx-styles.js';
import { DOCX_FAMILY, faceFor, lineHeightPt } from '../faces.js';
import { packDocx } from './pack-docx.js';
import { hasToc, isTocMarker } from '../contents.js';
import type { PatchSettings } from '../../patches/guard.js';
import type { PdfBreaks, TextPlace } from '../pdf/page-starts.js';

/**
 * The page starts by block. A page that starts with the block right after the contents is left
 * out: the contents end with a page break already.
 */
function pageStartsByBlock(publication: Publication, starts: Array<TextPlace | null>): Map<number, Array<{ offset: number; row?: number }>> {
  const byBlock = new Map<number, Array<{ offset: number; row?: number }>>();
  const nodes = publication.tree.children;
  for (const start of starts) {
    if (!start || (start.offset === 0 && start.block > 0 && isTocMarker(nodes[start.block - 1]))) continue;
    byBlock.set(start.block, [...(byBlock.get(start.block) ?? []), { offset: start.offset, row: start.row }]);
  }
  return byBlock;
}

export interface DocxOptions {
  /** Fixed document date, so two builds give the same bytes. */
  date: Date;
  file: string;
  /** Where the PDF's layout put the headings the contents list, in order: the contents' page numbers. */
  headingPages?: number[];
  /** Where the PDF's pages after the first start (null: a page the DOCX leaves to break itself), and its tables' column widths. */
  pageStarts?: PdfBreaks;
  /** Which patches may be used (default all). */
  patches?: PatchSettings;
}

/** The names of the bookmarks docx puts on the headings its contents list (`_Toc…`), in order. */
function tocBookmarks(element: unknown, names: string[] = []): string[] {
  if (Array.isArray(element)) for (const child of element) tocBookmarks(child, names);
  else if (element && typeof element === 'object') {
    for (const [key, value] of Object.entries(element)) {
      if (key === 'w:bookmarkStart') {
        const name = (value as { _attr?: Record<string, unknown> })._attr?.['w:name'];
        if (typeof name === 'string' && name.startsWith('_Toc')) names.push(name);
      } else if (key !== '_attr') tocBookmarks(value, names);
    }
  }
  return names;
}

/**
 * The contents' page numbers, taken from the PDF's layout of the same publication with the same
 * fonts and page geometry, so the DOCX's contents say what the PDF's say and are written with
 * their numbers (Word need not be asked to update fields). When the headings do not pair up one
 * to one, the numbers are left for Word to fill in rather than guessed.
 */
function pagesFromPdf(headingPages: number[]): PageNumberEstimator {
  return (body) => {
    const names = tocBookmarks(body);
    const bookmarks = new Map<string, string>();
    if (names.length === headingPages.length) names.forEach((name, i) => bookmarks.set(name, String(headingPages[i])));
    return { bookmarks };
  };
}

/** Builds the docx Document for a publication tree. */
export function docxDocument(publication: Publication, assets: Assets, options: DocxOptions): Document {
  const style = pageStyleNamed(publication.meta.style, publication.meta.density);
  const m = style.marginsMm;
  const ctx: DocxContext = {
    style,
    assets,
    footnotes: new Map(),
    file: options.file,
    textWidthTwip: mmToTwip(style.pageWidthMm - m.left - m.right),
    pictures: 0,
    pageStarts: pageStartsByBlock(publication, options.pageStarts?.pages ?? []),
    tableColumns: options.pageStarts?.tableColumns ?? new Map(),
    block: 0,
  };
  const children: FileChild[] = [];
  const { meta } = publication;
  // `band: true` sets the title block white on the accent colour, as the PDF does.
  const banded = Boolean(meta.band) && !style.fixedGrid;
  const band = banded ? { shading: { type: ShadingType.CLEAR, fill: style.colours.accent.replace('#', ''), color: 'auto' } } : {};
  const onBand = banded ? { color: 'FFFFFF' } : {};
  if (meta.title) children.push(new Paragraph({ style: 'Title', ...band, children: [new TextRun({ text: String(meta.title), ...onBand })] }));
  for (const line of subtitlesOf(meta)) {
    // The official subtitle is in Kai; a line it cannot set in full (· ¶) is set in the body face.
    const face = style.fixedGrid && faceFor(line, 'kai') !== 'kai' ? { font: fontSlots(DOCX_FAMILY[style.bodyFace]) } : {};
    children.push(new Paragraph({ style: 'Subtitle', ...band, children: [new TextRun({ text: line, ...onBand, ...face })] }));
  }
  if (children.length && !banded) children.push(new Paragraph({ children: [] }));
  if (children.length && banded) children.push(new Paragraph({ spacing: { after: 0 }, children: [] }));

  const nodes = publication.tree.children;
  nodes.forEach((node, index) => {
    ctx.block = index;
    children.push(...blockToDocx(node, ctx, true));
  });

  // Footnotes are numbered in order of first reference, as the PDF numbers them.
  const footnotes: Record<number, { children: Paragraph[] }> = {};
  for (const node of nodes) {
    if (node.type !== 'footnoteDefinition') continue;
    const n = ctx.footnotes.get(node.identifier);
    if (n === undefined) continue;
    footnotes[n] = { children: node.children.flatMap((c) => blockToDocx(c as RootContent, ctx)).filter((c): c is Paragraph => c instanceof Paragraph) };
  }

  const header = meta.header && style.runningHead ? String(meta.header) : '';
  const footerTwip = style.fixedGrid ? mmToTwip(m.bottom - 7) - ptToTwip(style.pageNumber.sizePt * 1.2) : mmToTwip(m.bottom * 0.45);
  const outside = style.pageNumber.placement === 'outside';
  const inset = ptToTwip(style.pageNumber.sizePt);
  return new Document({
    creator: 'briefs',
    lastModifiedBy: 'briefs',
    title: String(meta.title ?? ''),
    subject: String(meta.subject ?? ''),
    keywords: Array.isArray(meta.keywords) ? meta.keywords.join(', ') : '',
    description: header,
    revision: 1,
    styles: docxStyles(style),
    footnotes,
    // Official pages number odd pages on the right and even pages on the left.
    evenAndOddHeaderAndFooters: outside,
    pageNumbers: hasToc(publication) && options.headingPages ? pagesFromPdf(options.headingPages) : undefined,
    sections: [
      {
        properties: {
          titlePage: !outside,
          page: {
            size: { width: mmToTwip(style.pageWidthMm), height: mmToTwip(style.pageHeightMm) },
            margin: {
              top: mmToTwip(m.top),
              right: mmToTwip(m.right),
              bottom: mmToTwip(m.bottom) - (style.fixedGrid ? 0 : bottomSlackTwip(style, footerTwip)),
              left: mmToTwip(m.left),
              header: mmToTwip(m.top * 0.45),
              footer: footerTwip,
            },
          },
        },
        headers: {
          default: new Header({ children: [new Paragraph({ style: 'Header', children: header ? [new TextRun(header)] : [] })] }),
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          even: new Header({ children: [new Paragraph({ style: 'Header', children: header ? [new TextRun(header)] : [] })] }),
        },
        footers: outside
          ? { default: pageNumberFooter(AlignmentType.RIGHT, { right: inset }), even: pageNumberFooter(AlignmentType.LEFT, { left: inset }) }
          : { default: pageNumberFooter(AlignmentType.CENTER), first: pageNumberFooter(AlignmentType.CENTER) },
        children,
      },
    ],
  });
}

/**
 * How much lower than the PDF's the DOCX's text block may end, in twips: up to one body line,
 * above the page number. Each page holds what the PDF's does (it breaks where the PDF's pages
 * start), and a line that Word or LibreOffice wrap where the PDF did not then stays on its page.
 * The official page keeps the exact grid of GB/T 9704.
 */
function bottomSlackTwip(style: PageStyle, footerTwip: number): number {
  const room = mmToTwip(style.marginsMm.bottom) - footerTwip - ptToTwip(lineHeightPt(style.bodyFace, style.pageNumber.sizePt) + 2);
  return Math.max(0, Math.min(Math.floor(lineHeightPt(style.bodyFace, style.bodySizePt, style.lineHeight) * 20), room));
}

function pageNumberFooter(alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number } = {}): Footer {
  return new Footer({
    children: [new Paragraph({ style: 'Footer', alignment, indent, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })] })],
  });
}

/** Renders a publication to DOCX bytes. */
export async function writeDocx(publication: Publication, assets: Assets, options: DocxOptions): Promise<Buffer> {
  return packDocx(docxDocument(publication, assets, options), options.date, options.patches);
}
