import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { SANS_FAMILY } from '../../util/fonts.js';
import { DOCX_FAMILY, lineHeightPt } from '../faces.js';
import { halfPoints, ptToTwip, tocSizePt, type Face, type PageStyle } from '../page-style.js';

const hex = (colour: string) => colour.replace('#', '');
/** A font in every slot, East Asian included: Word picks the eastAsia font for Chinese text. */
export const fontSlots = (family: string) => ({ ascii: family, eastAsia: family, hAnsi: family, cs: family });

/**
 * Body text may run this far (6 pt) into the right margin. LibreOffice puts a fifth of an em
 * between Chinese and figures or Latin letters (2017 年) and ignores the DOCX's word to not to
 * (autoSpaceDE): a line of the PDF with several figures then took two lines, and a page ran over
 * onto the next. 6 pt more holds four such gaps; it is less than a character, so a line still
 * holds 28 characters on the official page.
 */
const RIGHT_SLACK_TWIP = 120;

/** Line pitch as Word stores it: `auto` counts 240ths of a line. */
const lineSpacing = (multiple: number) => ({ line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO });

/**
 * A line exactly as high as the PDF's line of this face, size and multiple (rounded down to a
 * twip): Word's and LibreOffice's own single spacing is not pdfmake's, and a page of the PDF must
 * hold in the DOCX's page whose breaks are the PDF's.
 */
export const pdfLine = (face: Face, sizePt: number, multiple = 1) => ({ line: Math.floor(lineHeightPt(face, sizePt, multiple) * 20), lineRule: LineRuleType.EXACT });

/**
 * The document's styles, defined once and referenced by id: Word's own Title, Heading 1–3,
 * Caption and TOC styles (so Word, LibreOffice and python-docx see real styles), and Body Text.
 */
export function docxStyles(style: PageStyle): IStylesOptions {
  // The official page keeps every line on the 29 pt grid; others have the PDF's lines.
  const spacing = (face: Face, sizePt: number, multiple: number) =>
    style.linePitchPt ? { line: ptToTwip(style.linePitchPt), lineRule: LineRuleType.EXACT } : pdfLine(face, sizePt, multiple);
  // As the PDF spaces them: headings below depth 2 have 0.7 of the space around them.
  const headingSpace = (depth: number) => (depth <= 2 ? 1 : 0.7);
  const heading = (depth: number) => ({
    run: {
      font: fontSlots(DOCX_FAMILY[style.headingFaces[depth - 1]]),
      size: halfPoints(style.headingSizesPt[depth - 1]),
      bold: style.headingBold && depth <= 3,
      color: style.fixedGrid ? '000000' : depth <= 2 ? hex(style.colours.accent) : '222222',
    },
    paragraph: {
      spacing: {
        before: Math.floor(style.headingSpacingPt[0] * headingSpace(depth) * 20),
        after: Math.floor(style.headingSpacingPt[1] * headingSpace(depth) * 20),
        ...spacing(style.headingFaces[depth - 1], style.headingSizesPt[depth - 1], style.fixedGrid ? style.lineHeight : 0.95),
      },
      keepNext: true,
      keepLines: true,
    },
  });
  return {
    default: {
      document: {
        // Chinese text is zh-CN; digits and Latin letters are tagged en-US, as Word does for Chinese
        // documents: LibreOffice otherwise breaks lines inside numbers (65 / 7.7亿元).
        run: { font: fontSlots(DOCX_FAMILY[style.bodyFace]), size: halfPoints(style.bodySizePt), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: spacing(style.bodyFace, style.bodySizePt, style.lineHeight) },
      },
      title: {
        run: { font: fontSlots(DOCX_FAMILY[style.titleFace]), size: halfPoints(style.titleSizePt), bold: true, color: hex(style.colours.title) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: style.fixedGrid ? ptToTwip(style.linePitchPt ?? 0) : ptToTwip(6), ...(style.fixedGrid ? { line: ptToTwip(38), lineRule: LineRuleType.EXACT } : pdfLine(style.titleFace, style.titleSizePt, 0.95)) } },
      },
      heading1: heading(1),
      heading2: heading(2),
      heading3: heading(3),
      heading4: heading(4),
    },
    paragraphStyles: [
      {
        id: 'BodyText',
        name: 'Body Text',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: ptToTwip(style.bodySizePt * style.firstLineIndentChars), right: -RIGHT_SLACK_TWIP },
          spacing: { after: ptToTwip(style.paragraphSpacingPt), ...spacing(style.bodyFace, style.bodySizePt, style.lineHeight) },
        },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        run: { font: fontSlots(DOCX_FAMILY[style.fixedGrid ? 'kai' : style.bodyFace]), color: style.fixedGrid ? '000000' : hex(style.colours.muted), size: halfPoints(style.fixedGrid ? style.bodySizePt : style.bodySizePt * 0.95) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(2), ...spacing(style.fixedGrid ? 'kai' : style.bodyFace, style.fixedGrid ? style.bodySizePt : style.bodySizePt * 0.95, style.lineHeight) } },
      },
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        run: { font: fontSlots(SANS_FAMILY), size: halfPoints(Math.min(style.bodySizePt, 12) * 0.8), color: hex(style.colours.muted) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(8), ...pdfLine('sans', Math.min(style.bodySizePt, 12) * 0.8) } },
      },
      {
        id: 'ListParagraph',
        name: 'List Paragraph',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.JUSTIFIED, indent: { right: -RIGHT_SLACK_TWIP }, spacing: { after: ptToTwip(style.fixedGrid ? 0 : 3) } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: halfPoints(Math.min(style.bodySizePt, 12) * 0.9) },
        paragraph: { spacing: pdfLine(style.bodyFace, Math.min(style.bodySizePt, 12) * 0.9) },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { font: fontSlots(SANS_FAMILY), size: halfPoints(style.headerSizePt), color: hex(style.colours.muted) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: lineSpacing(1) },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { font: fontSlots(DOCX_FAMILY[style.bodyFace]), size: halfPoints(style.pageNumber.sizePt) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: lineSpacing(1) },
      },
      // An entry that wraps goes on under its text: the enumerator hangs, 2 characters for 一、 and 3 for （一）.
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', run: { size: halfPoints(tocSizePt(style, 1)) }, paragraph: { indent: { left: ptToTwip(2 * tocSizePt(style, 1)), hanging: ptToTwip(2 * tocSizePt(style, 1)) }, spacing: { before: ptToTwip(2), after: ptToTwip(2), ...lineSpacing(1.1) } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { size: halfPoints(tocSizePt(style, 2)) }, paragraph: { indent: { left: ptToTwip(14 + 3 * tocSizePt(style, 2)), hanging: ptToTwip(3 * tocSizePt(style, 2)) }, spacing: lineSpacing(1.1) } },
    ],
  };
}
