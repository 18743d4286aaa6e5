import {
  AlignmentType, BorderStyle, ExternalHyperlink, LineRuleType, ShadingType, FootnoteReferenceRun, HeadingLevel, ImageRun, PageBreak, Paragraph, Table, TableCell,
  TableOfContents, TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import type { Heading, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { BriefsError } from '../../util/errors.js';
import { SANS_FAMILY } from '../../util/fonts.js';
import type { Assets } from '../assets.js';
import { figureSize, halfPoints, labelSize, mmToTwip, ptToTwip, type PageStyle } from '../page-style.js';
import { phrasingToRuns, type FootnoteNumbers } from '../phrasing.js';
import type { TextRun as Run } from '../text-runs.js';
import { fontSlots, pdfLine } from './docx-styles.js';
import { isTocMarker, TOC_DEPTH } from '../contents.js';
import { isAddressLine } from '../address-line.js';
import { columnPlan } from '../table-columns.js';
import { DOCX_FAMILY, faceFor } from '../faces.js';
import { toString } from 'mdast-util-to-string';

export interface DocxContext {
  style: PageStyle;
  assets: Assets;
  footnotes: FootnoteNumbers;
  file: string;
  /** Text width in twips (absolute widths for tables: LibreOffice and Google Docs ignore relative ones). */
  textWidthTwip: number;
  /**
   * Pictures numbered so far. Each needs an id unique in its document; docx's own counter runs
   * across every document of a thread, and made a DOCX differ with what the thread built before.
   */
  pictures: number;
  /**
   * Where the PDF's pages start, by top-level block: the characters of the block before each
   * page (0: before the block), and in a table the row that starts the page. The DOCX breaks its
   * pages there, so Word and LibreOffice print the PDF's pages (their own line breaking differs a
   * little: punctuation hung in the margin, narrower figures) and the contents' page numbers hold.
   */
  pageStarts: Map<number, Array<{ offset: number; row?: number }>>;
  /** The widths of the PDF's top-level tables' columns, in points by block (absent: planned here). */
  tableColumns: Map<number, number[]>;
  /** The top-level block being written. */
  block: number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** A paragraph that only breaks the page, a twentieth of a point high (one of normal height would be an empty line at the head of the next page). */
export const pageBreakParagraph = () => new Paragraph({ children: [], pageBreakBefore: true, spacing: { before: 0, after: 0, line: 1, lineRule: LineRuleType.EXACT } });

/** The offsets inside the current top-level block at which a page starts (not its start). */
const breaksInside = (ctx: DocxContext, top: boolean) => (top ? (ctx.pageStarts.get(ctx.block) ?? []).map((s) => s.offset).filter((offset) => offset > 0) : []);
/** Whether a page starts with the current top-level block. */
const breaksBefore = (ctx: DocxContext, top: boolean) => top && (ctx.pageStarts.get(ctx.block) ?? []).some((s) => s.offset === 0);
/** The rows of the current top-level table that start a page. */
const rowsStartingPages = (ctx: DocxContext, top: boolean) => (top ? (ctx.pageStarts.get(ctx.block) ?? []).flatMap((s) => (s.offset > 0 && s.row ? [s.row] : [])) : []);

/** Runs with a page break after the given numbers of characters (a run is cut where one falls; a footnote mark is not). */
function withPageBreaks(runs: Run[], offsets: number[]): Array<Run | 'break'> {
  const pending = [...offsets].sort((a, b) => a - b);
  const out: Array<Run | 'break'> = [];
  let at = 0;
  for (const run of runs) {
    let text = run.text;
    while (pending.length && pending[0] - at < text.length && !run.superscript) {
      const cut = Math.max(0, pending.shift()! - at);
      if (cut > 0) out.push({ ...run, text: text.slice(0, cut) });
      out.push('break');
      text = text.slice(cut);
      at += cut;
    }
    if (text) out.push({ ...run, text });
    at += text.length;
  }
  // A page that starts after the last character (nothing of the block on it) breaks at its end.
  for (const _ of pending) out.push('break');
  return out;
}

function runsToDocx(runs: Array<Run | 'break'>, ctx: DocxContext): ParagraphChild[] {
  return runs.map((run) => {
    if (run === 'break') return new PageBreak();
    if (run.superscript && /^\d+$/.test(run.text)) return new FootnoteReferenceRun(Number(run.text));
    const options = {
      text: run.text,
      bold: run.bold,
      font: run.emphasis || run.code || run.paragraphRef ? fontSlots(SANS_FAMILY) : undefined,
      size: run.paragraphRef ? halfPoints(ctx.style.bodySizePt * 0.68) : undefined,
      color: run.paragraphRef ? ctx.style.colours.muted.replace('#', '') : undefined,
    };
    const text = new TextRun(options);
    if (run.link && /^https?:/.test(run.link)) return new ExternalHyperlink({ link: run.link, children: [text] });
    return text;
  });
}

/** A paragraph's runs, broken where the PDF's pages break when it is a top-level block. */
function inline(nodes: PhrasingContent[], ctx: DocxContext, top = false): ParagraphChild[] {
  return runsToDocx(withPageBreaks(phrasingToRuns(nodes, ctx.footnotes), breaksInside(ctx, top)), ctx);
}

/** A chart, with its Markdown title (the source line) as a Caption paragraph below it. */
function image(url: string, alt: string, title: string | null | undefined, ctx: DocxContext): Paragraph[] {
  const chart = ctx.assets.get(url);
  if (!chart) throw new BriefsError(ctx.file, `image “${url}” is not a chart of this build`);
  // docx sizes pictures in CSS pixels (96 per inch); the PNG itself holds 300 dpi.
  const toPx = (mm: number) => Math.round((mm / 25.4) * 96);
  const picture = new Paragraph({
    alignment: AlignmentType.CENTER,
    keepNext: true,
    // Lines elsewhere are exactly as high as the PDF's: this one must be as high as its picture.
    spacing: { before: ptToTwip(3), after: 0, line: 240, lineRule: LineRuleType.AUTO },
    children: [
      new ImageRun({
        type: 'png',
        data: chart.png,
        transformation: { width: toPx(chart.spec.widthMm), height: toPx(chart.spec.heightMm) },
        altText: { id: String(++ctx.pictures), name: chart.spec.name, title: chart.spec.title, description: alt || chart.spec.title },
      }),
    ],
  });
  return title ? [picture, new Paragraph({ style: 'Caption', children: [new TextRun(title)] })] : [picture];
}

function heading(node: Heading, top: boolean): (ctx: DocxContext) => Paragraph {
  return (ctx) => {
    const face = ctx.style.headingFaces[node.depth - 1];
    const runs = inline(node.children, ctx, top);
    const pageBreakBefore = breaksBefore(ctx, top) || undefined;
    // A heading the Kai face cannot set in full is set in the serif face, as in the PDF.
    if (faceFor(toString(node), face) === face) return new Paragraph({ heading: HEADINGS[node.depth - 1], pageBreakBefore, children: runs });
    const text = phrasingToRuns(node.children, ctx.footnotes).map((r) => r.text).join('');
    return new Paragraph({ heading: HEADINGS[node.depth - 1], pageBreakBefore, children: [new TextRun({ text, font: fontSlots(DOCX_FAMILY.serif) })] });
  };
}

/**
 * A list's paragraphs. `breaks` holds the characters of the list before each page start and
 * `at` counts those written so far: an item's paragraph starts a page, or breaks one inside, where
 * the PDF's does (its markers are not text of the list).
 */
function list(node: List, ctx: DocxContext, depth = 0, breaks: number[] = [], at = { chars: 0 }): Paragraph[] {
  const out: Paragraph[] = [];
  node.children.forEach((item, index) => {
    const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• ';
    item.children.forEach((child, childIndex) => {
      if (child.type === 'paragraph') {
        const runs = phrasingToRuns(child.children, ctx.footnotes);
        const length = runs.reduce((n, run) => n + run.text.length, 0);
        const start = at.chars;
        at.chars += length;
        const inside = breaks.filter((offset) => offset > start && offset < start + length).map((offset) => offset - start);
        out.push(
          new Paragraph({
            style: 'ListParagraph',
            pageBreakBefore: breaks.includes(start) || undefined,
            indent: { left: Math.round(mmToTwip(6) * (depth + 1)), hanging: childIndex === 0 ? mmToTwip(6) : 0 },
            children: [...(childIndex === 0 ? [new TextRun({ text: marker })] : []), ...runsToDocx(withPageBreaks(runs, inside), ctx)],
          }),
        );
      } else if (child.type === 'list') out.push(...list(child, ctx, depth + 1, breaks, at));
      else out.push(...(blockToDocx(child as RootContent, ctx) as Paragraph[]));
    });
  });
  return out;
}

/**
 * Absolute widths in twips: the PDF's, so that a cell wraps where it does there; else each column
 * fits its longest cell, and the column with the most text takes the rest.
 */
function columnWidths(node: MdTable, ctx: DocxContext, top: boolean): number[] {
  const pdf = top ? ctx.tableColumns.get(ctx.block) : undefined;
  if (pdf && pdf.length === node.children[0]?.children.length) {
    const twips = pdf.map((pt) => Math.floor(pt * 20));
    const total = twips.reduce((a, b) => a + b, 0);
    return total > ctx.textWidthTwip ? twips.map((w) => Math.floor((w * ctx.textWidthTwip) / total)) : twips;
  }
  const { ems, flexible } = columnPlan(node);
  const emTwip = ctx.style.bodySizePt * 0.9 * 20;
  const padding = CELL_MARGINS.left + CELL_MARGINS.right;
  const widths = ems.map((e, i) => (i === flexible ? 0 : Math.round(Math.min(ctx.textWidthTwip * 0.35, (e + 1) * emTwip + padding))));
  const rest = ctx.textWidthTwip - widths.reduce((a, b) => a + b, 0);
  widths[flexible] = Math.max(Math.round(ctx.textWidthTwip * 0.2), rest);
  const total = widths.reduce((a, b) => a + b, 0);
  return total > ctx.textWidthTwip ? widths.map((w) => Math.floor((w * ctx.textWidthTwip) / total)) : widths;
}

/**
 * A table, cut into one table per page where the PDF's pages start inside it (`pageRows`: the
 * rows that start a page), each after the first starting a page with the header row repeated, as
 * the PDF repeats it. Word and LibreOffice then break it where the PDF does whatever their row heights.
 */
function tables(node: MdTable, ctx: DocxContext, top: boolean): Array<Table | Paragraph> {
  const pageRows = rowsStartingPages(ctx, top);
  // Widths are planned on the whole table, so that its pages line up.
  const widths = columnWidths(node, ctx, top);
  const [head, ...rows] = node.children;
  const cuts = [...new Set(pageRows)].filter((r) => r > 0 && r <= rows.length).sort((a, b) => a - b);
  const bounds = [1, ...cuts, rows.length + 1];
  const out: Array<Table | Paragraph> = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    if (i > 0) out.push(pageBreakParagraph());
    out.push(table({ ...node, children: [head, ...rows.slice(bounds[i] - 1, bounds[i + 1] - 1)] }, ctx, widths));
  }
  return out;
}

/**
 * A cell's margins in twips: less than the PDF's padding (3 pt above and below, 4 pt at the sides),
 * so that a row is never taller than the PDF's, and a cell's text has 4 pt more than in the PDF:
 * Word and LibreOffice put a little space between Chinese and figures (下降 3%), and a figure the
 * PDF fits on one line must not wrap.
 */
const CELL_MARGINS = { top: 50, bottom: 50, left: 40, right: 40 };

function table(node: MdTable, ctx: DocxContext, widths: number[]): Table {
  const rule = { style: BorderStyle.SINGLE, size: 4, color: ctx.style.colours.rule.replace('#', '') };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const alignment = (i: number) => (node.align?.[i] === 'right' ? AlignmentType.RIGHT : node.align?.[i] === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  return new Table({
    style: 'BriefsTable',
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: rule, insideVertical: none },
    rows: node.children.map(
      (row, r) =>
        new TableRow({
          tableHeader: r === 0,
          cantSplit: true,
          children: row.children.map(
            (cell, i) =>
              new TableCell({
                width: { size: widths[i], type: WidthType.DXA },
                margins: CELL_MARGINS,
                children: [
                  new Paragraph({
                    style: 'TableText',
                    alignment: alignment(i),
                    // The header row in bold sans, as the PDF sets it (emphasis is set in the sans face).
                    children: runsToDocx(phrasingToRuns(cell.children, ctx.footnotes, r === 0 ? { bold: true, emphasis: true } : {}), ctx),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

/** The space after a table, as the PDF's (8 pt): an empty paragraph of that height (it also keeps the next table apart). */
const tableEnd = (ctx: DocxContext) =>
  new Paragraph({ spacing: { before: 0, after: 0, line: ptToTwip(ctx.style.fixedGrid ? ctx.style.linePitchPt ?? 8 : 8), lineRule: LineRuleType.EXACT }, children: [] });

const CALLOUT_FILL = 'F3ECE6';

/** A quote is a shaded box; a table in it is a strip of key figures (as in the PDF). */
function callout(node: Extract<RootContent, { type: 'blockquote' }>, ctx: DocxContext): Array<Paragraph | Table> {
  return node.children.flatMap((child): Array<Paragraph | Table> => {
    if (child.type === 'table') return [figureStrip(child, ctx)];
    return (blockToDocx(child, ctx) as Array<Paragraph | Table>).map((p) => p);
  });
}

function figureStrip(node: MdTable, ctx: DocxContext): Table {
  const [head, ...rows] = node.children;
  const columns = head.children.length;
  const width = Math.floor(ctx.textWidthTwip / columns);
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const cell = (c: MdTable['children'][number]['children'][number], big: boolean) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: { type: ShadingType.CLEAR, fill: CALLOUT_FILL, color: 'auto' },
      margins: { top: big ? 100 : 0, bottom: big ? 0 : 100, left: 60, right: 60 },
      children: [
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { ...(big ? pdfLine('sans', figureSize(ctx.style)) : pdfLine(ctx.style.bodyFace, labelSize(ctx.style))), before: 0, after: 0 },
          children: phrasingToRuns(c.children, ctx.footnotes).map(
            (run) =>
              new TextRun({
                text: run.text,
                bold: big,
                font: big ? fontSlots(SANS_FAMILY) : undefined,
                size: halfPoints(big ? figureSize(ctx.style) : labelSize(ctx.style)),
                color: big ? ctx.style.colours.accent.replace('#', '') : run.paragraphRef ? ctx.style.colours.muted.replace('#', '') : undefined,
              }),
          ),
        }),
      ],
    });
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ cantSplit: true, children: head.children.map((c) => cell(c, true)) }), ...rows.map((r) => new TableRow({ cantSplit: true, children: r.children.map((c) => cell(c, false)) }))],
  });
}

/**
 * One Markdown block → docx paragraphs and tables. A top-level block (`top`) starts a page, or
 * breaks one inside, where the PDF's pages start (ctx.pageStarts).
 */
export function blockToDocx(node: RootContent, ctx: DocxContext, top = false): Array<Paragraph | Table | TableOfContents> {
  // A block that starts a page of the PDF starts one in the DOCX too.
  const withBreakBefore = <T,>(blocks: T[]): Array<T | Paragraph> => (breaksBefore(ctx, top) ? [pageBreakParagraph(), ...blocks] : blocks);
  switch (node.type) {
    case 'heading':
      return [heading(node, top)(ctx)];
    case 'paragraph': {
      if (isTocMarker(node)) {
        return [
          // Not a heading style: the contents must not list itself.
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 160 },
            children: [new TextRun({ text: '目　录', bold: true, font: fontSlots(SANS_FAMILY), size: halfPoints(ctx.style.headingSizesPt[0]) })],
          }),
          new TableOfContents('目录', { hyperlink: true, headingStyleRange: `1-${TOC_DEPTH}` }),
          // The body then starts on a page of its own, as in the PDF.
          pageBreakParagraph(),
        ];
      }
      const only = node.children.length === 1 ? node.children[0] : null;
      if (only?.type === 'image') return withBreakBefore(image(only.url, only.alt ?? '', only.title, ctx));
      const flushLeft = ctx.style.fixedGrid && isAddressLine(node) ? { indent: { firstLine: 0 } } : {};
      return [new Paragraph({ style: 'BodyText', pageBreakBefore: breaksBefore(ctx, top) || undefined, ...flushLeft, children: inline(node.children, ctx, top) })];
    }
    case 'list':
      return list(node, ctx, 0, top ? (ctx.pageStarts.get(ctx.block) ?? []).map((s) => s.offset) : []);
    case 'table':
      return withBreakBefore([...tables(node, ctx, top), tableEnd(ctx)]);
    case 'blockquote':
      return withBreakBefore(callout(node, ctx));
    case 'thematicBreak':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'B0B0B0', space: 1 } }, children: [] })];
    case 'code':
      return [new Paragraph({ children: [new TextRun({ text: node.value, font: fontSlots(SANS_FAMILY) })] })];
    default:
      return [];
  }
}
