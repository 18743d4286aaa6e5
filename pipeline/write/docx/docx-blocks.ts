import {
  AlignmentType, BorderStyle, ExternalHyperlink, LineRuleType, ShadingType, FootnoteReferenceRun, HeadingLevel, ImageRun, PageBreak, Paragraph, Table, TableCell,
  TableOfContents, TableRow, TextRun, WidthType, type ParagraphChild,
} from 'docx';
import type { Heading, List, PhrasingContent, RootContent, Table as MdTable } from 'mdast';
import { BriefsError } from '../../util/errors.js';
import { SANS_FAMILY } from '../../util/fonts.js';
import type { Assets } from '../assets.js';
import { halfPoints, mmToTwip, type PageStyle } from '../page-style.js';
import { phrasingToRuns, type FootnoteNumbers } from '../phrasing.js';
import type { TextRun as Run } from '../text-runs.js';
import { fontSlots } from './docx-styles.js';
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
   * page (0: before the block). The DOCX breaks its pages there, so Word and LibreOffice print
   * the PDF's pages (their own line breaking differs a little: punctuation hung in the margin,
   * narrower figures) and the contents' page numbers hold.
   */
  pageStarts: Map<number, number[]>;
  /** The top-level block being written. */
  block: number;
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** A paragraph that only breaks the page, a twentieth of a point high (one of normal height would be an empty line at the head of the next page). */
export const pageBreakParagraph = () => new Paragraph({ children: [], pageBreakBefore: true, spacing: { before: 0, after: 0, line: 1, lineRule: LineRuleType.EXACT } });

/** The offsets inside the current top-level block at which a page starts (not its start). */
const breaksInside = (ctx: DocxContext, top: boolean) => (top ? (ctx.pageStarts.get(ctx.block) ?? []).filter((offset) => offset > 0) : []);
/** Whether a page starts with the current top-level block. */
const breaksBefore = (ctx: DocxContext, top: boolean) => top && (ctx.pageStarts.get(ctx.block) ?? []).includes(0);

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

function list(node: List, ctx: DocxContext, depth = 0): Paragraph[] {
  const out: Paragraph[] = [];
  node.children.forEach((item, index) => {
    const marker = node.ordered ? `${(node.start ?? 1) + index}. ` : '• ';
    item.children.forEach((child, childIndex) => {
      if (child.type === 'paragraph') {
        out.push(
          new Paragraph({
            style: 'ListParagraph',
            indent: { left: Math.round(mmToTwip(6) * (depth + 1)), hanging: childIndex === 0 ? mmToTwip(6) : 0 },
            children: [...(childIndex === 0 ? [new TextRun({ text: marker })] : []), ...inline(child.children, ctx)],
          }),
        );
      } else if (child.type === 'list') out.push(...list(child, ctx, depth + 1));
      else out.push(...(blockToDocx(child as RootContent, ctx) as Paragraph[]));
    });
  });
  return out;
}

/** Absolute widths in twips: each column fits its longest cell, and the column with the most text takes the rest. */
function columnWidths(node: MdTable, ctx: DocxContext): number[] {
  const { ems, flexible } = columnPlan(node);
  const emTwip = ctx.style.bodySizePt * 0.9 * 20;
  const padding = 2 * 80;
  const widths = ems.map((e, i) => (i === flexible ? 0 : Math.round(Math.min(ctx.textWidthTwip * 0.35, (e + 1) * emTwip + padding))));
  const rest = ctx.textWidthTwip - widths.reduce((a, b) => a + b, 0);
  widths[flexible] = Math.max(Math.round(ctx.textWidthTwip * 0.2), rest);
  const total = widths.reduce((a, b) => a + b, 0);
  return total > ctx.textWidthTwip ? widths.map((w) => Math.floor((w * ctx.textWidthTwip) / total)) : widths;
}

function table(node: MdTable, ctx: DocxContext): Table {
  const widths = columnWidths(node, ctx);
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
                margins: { top: 50, bottom: 50, left: 80, right: 80 },
                children: [
                  new Paragraph({
                    style: 'TableText',
                    alignment: alignment(i),
                    children: runsToDocx(phrasingToRuns(cell.children, ctx.footnotes, r === 0 ? { bold: true } : {}), ctx),
                  }),
                ],
              }),
          ),
        }),
    ),
  });
}

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
          spacing: { line: 250, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: phrasingToRuns(c.children, ctx.footnotes).map(
            (run) =>
              new TextRun({
                text: run.text,
                bold: big,
                font: big ? fontSlots(SANS_FAMILY) : undefined,
                size: halfPoints(big ? Math.min(ctx.style.bodySizePt * 1.45, 16) : Math.min(ctx.style.bodySizePt * 0.85, 10)),
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
      return withBreakBefore(list(node, ctx));
    case 'table':
      return withBreakBefore([table(node, ctx), new Paragraph({ children: [] })]);
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
