import type { Heading, List, RootContent, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { BriefsError } from '../../util/errors.js';
import type { Assets } from '../assets.js';
import { figureSize, labelSize, mmToPt, tocSizePt, type PageStyle } from '../page-style.js';
import { phrasingToRuns, type FootnoteNumbers } from '../phrasing.js';
import { runsToPdf } from './pdf-inline.js';
import { columnPlan, textEms } from '../table-columns.js';
import { FACE_FILE, faceFor, PDF_FONT } from '../faces.js';
import { entryLabel, isTocMarker, TOC_DEPTH } from '../contents.js';
import { openFont } from '../../util/font-cache.js';
import { isAddressLine } from '../address-line.js';
import { markRows } from './page-starts.js';

export interface PdfContext {
  style: PageStyle;
  assets: Assets;
  footnotes: FootnoteNumbers;
  /** Where the publication came from, for error messages. */
  file: string;
  /** Text width in points. */
  textWidthPt: number;
  /** Bookmarks so far, and the ids of the open ones by heading depth (bookmarks nest as headings do). */
  outline: { count: number; open: Array<string | undefined> };
}

function heading(node: Heading, ctx: PdfContext): object {
  // A bookmark for every heading, under the nearest heading of lesser depth.
  const label = node.depth <= TOC_DEPTH ? entryLabel(toString(node)) : '';
  const tocFont = openFont(FACE_FILE[ctx.style.bodyFace]());
  const hang = label ? (tocFont.layout(label).advanceWidth / tocFont.unitsPerEm) * tocSizePt(ctx.style, node.depth) : 0;
  const id = `heading-${++ctx.outline.count}`;
  const open = ctx.outline.open;
  const parent = open.slice(0, node.depth - 1).reverse().find((p) => p !== undefined);
  open.length = node.depth - 1;
  open[node.depth - 1] = id;
  return {
    id,
    outline: true,
    outlineText: toString(node),
    outlineParentId: parent,
    text: runsToPdf(phrasingToRuns(node.children, ctx.footnotes), ctx.style),
    style: `h${node.depth}`,
    font: PDF_FONT[faceFor(toString(node), ctx.style.headingFaces[node.depth - 1])],
    // Headings of depth 1–2 go in the table of contents; all are kept with what follows (pageBreakBefore).
    tocItem: node.depth <= TOC_DEPTH,
    // An entry that wraps goes on under its text, its enumerator hanging (first line drawn `hang` to the left).
    tocStyle: hang ? [`toc${node.depth}`, { leadingIndent: -hang }] : `toc${node.depth}`,
    // The page number in the entry's own style: in the contents' default (toc1) it made every
    // row as high as a level-1 row, and the contents ran onto a second page where the DOCX's fit one.
    tocNumberStyle: `toc${node.depth}`,
    tocMargin: [(node.depth - 1) * 14 + hang, 0, 0, 0],
    headlineLevel: node.depth,
  };
}

function list(node: List, ctx: PdfContext): object {
  const items = node.children.map((item) => {
    const blocks = item.children.flatMap((child) => blockToPdf(child as RootContent, ctx, true));
    return blocks.length === 1 ? blocks[0] : { stack: blocks };
  });
  return node.ordered ? { ol: items, start: node.start ?? 1, style: 'list' } : { ul: items, style: 'list' };
}

function table(node: Table, ctx: PdfContext): object {
  const [head, ...rows] = node.children;
  const columns = head?.children.length ?? 0;
  const plan = columnPlan(node);
  const align = (i: number) => node.align?.[i] ?? 'left';
  const cell = (c: Table['children'][number]['children'][number], i: number, isHead: boolean) => ({
    text: runsToPdf(phrasingToRuns(c.children, ctx.footnotes), ctx.style),
    style: isHead ? 'tableHead' : 'tableCell',
    // A figure never wraps: 下降 / 3.5% on two lines reads as two things. Longer text may.
    noWrap: i !== plan.flexible && textEms(toString(c)) <= 12,
    alignment: align(i) === 'right' ? 'right' : align(i) === 'center' ? 'center' : 'left',
  });
  const body = [head.children.map((c, i) => cell(c, i, true)), ...rows.map((r) => r.children.map((c, i) => cell(c, i, false)))];
  // Which row each piece of text is in: a page of the DOCX starts at the row the PDF's page starts with.
  markRows(body);
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      // The column with the most text wraps and takes the rest of the line; the others fit their content.
      widths: Array.from({ length: columns }, (_, i) => (i === plan.flexible ? '*' : 'auto')),
      body,
    },
    layout: {
      hLineWidth: (i: number, n: { table: { body: unknown[] } }) => (i === 0 || i === 1 || i === n.table.body.length ? 0.8 : 0.3),
      vLineWidth: () => 0,
      hLineColor: () => ctx.style.colours.rule,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    margin: [0, 4, 0, 8],
  };
}

/** A chart, with its Markdown title (the source line) as a caption below; the two stay on one page. */
function image(url: string, alt: string, title: string | null | undefined, ctx: PdfContext): object {
  const chart = ctx.assets.get(url);
  if (!chart) throw new BriefsError(ctx.file, `image “${url}” is not a chart of this build`);
  const width = Math.min(mmToPt(chart.spec.widthMm), ctx.textWidthPt);
  const picture = { image: `data:image/png;base64,${chart.png.toString('base64')}`, width, alignment: 'center', margin: [0, 6, 0, 2], alt };
  return { stack: title ? [picture, { text: title, style: 'caption' }] : [picture], unbreakable: true };
}

/**
 * A quote is a shaded box. A table in it is a strip of key figures: the header row's figures large
 * in the accent colour, the row below naming them.
 */
function callout(node: Extract<RootContent, { type: 'blockquote' }>, ctx: PdfContext): object {
  const inner = node.children.flatMap((child) => (child.type === 'table' ? [figureStrip(child, ctx)] : blockToPdf(child, ctx, true)));
  return {
    table: { widths: ['*'], body: [[{ stack: inner, fillColor: '#f3ece6', margin: [6, 5, 6, 3] }]] },
    layout: 'noBorders',
    margin: [0, 2, 0, 8],
    unbreakable: true,
  };
}


function figureStrip(node: Table, ctx: PdfContext): object {
  const [head, ...rows] = node.children;
  const columns = head.children.length;
  return {
    table: {
      widths: Array.from({ length: columns }, () => '*'),
      body: [
        head.children.map((c) => ({ text: runsToPdf(phrasingToRuns(c.children, ctx.footnotes), ctx.style), alignment: 'center', font: 'Sans', bold: true, fontSize: figureSize(ctx.style), color: ctx.style.colours.accent, lineHeight: 1.0, noWrap: true })),
        ...rows.map((r) => r.children.map((c) => ({ text: runsToPdf(phrasingToRuns(c.children, ctx.footnotes), ctx.style), alignment: 'center', fontSize: labelSize(ctx.style), lineHeight: 1.0 }))),
      ],
    },
    layout: 'noBorders',
  };
}

/** One Markdown block → pdfmake content. */
export function blockToPdf(node: RootContent, ctx: PdfContext, inList = false): object[] {
  switch (node.type) {
    case 'heading':
      return [heading(node, ctx)];
    case 'paragraph': {
      if (isTocMarker(node)) return [];
      const only = node.children.length === 1 ? node.children[0] : null;
      if (only?.type === 'image') return [image(only.url, only.alt ?? '', only.title, ctx)];
      const flushLeft = ctx.style.fixedGrid && isAddressLine(node) ? { leadingIndent: 0 } : {};
      return [{ text: runsToPdf(phrasingToRuns(node.children, ctx.footnotes), ctx.style), style: inList ? 'listItem' : 'body', ...flushLeft }];
    }
    case 'list':
      return [list(node, ctx)];
    case 'table':
      return [table(node, ctx)];
    case 'blockquote':
      return [callout(node, ctx)];
    case 'thematicBreak':
      return [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: ctx.textWidthPt, y2: 0, lineWidth: 0.5, lineColor: ctx.style.colours.rule }], margin: [0, 6, 0, 6] }];
    case 'code':
      return [{ text: node.value, font: 'Sans', fontSize: ctx.style.bodySizePt * 0.85, margin: [0, 4, 0, 4] }];
    case 'footnoteDefinition':
    case 'definition':
    case 'html':
    case 'yaml':
      return [];
    default:
      return [];
  }
}
