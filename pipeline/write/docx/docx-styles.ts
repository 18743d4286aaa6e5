import { AlignmentType, LineRuleType, type IStylesOptions } from 'docx';
import { SANS_FAMILY, SERIF_FAMILY } from '../../util/fonts.js';
import { ptToTwip, type PageStyle } from '../page-style.js';

const hex = (colour: string) => colour.replace('#', '');
/** A font in every slot, East Asian included: Word picks the eastAsia font for Chinese text. */
export const fontSlots = (family: string) => ({ ascii: family, eastAsia: family, hAnsi: family, cs: family });

/** Line pitch as Word stores it: `auto` counts 240ths of a line. */
const lineSpacing = (multiple: number) => ({ line: Math.round(240 * multiple), lineRule: LineRuleType.AUTO });

/**
 * The document's styles, defined once and referenced by id: Word's own Title, Heading 1–3,
 * Caption and TOC styles (so Word, LibreOffice and python-docx see real styles), and Body Text.
 */
export function docxStyles(style: PageStyle): IStylesOptions {
  const half = (pt: number) => Math.round(pt * 2);
  const heading = (depth: number) => ({
    run: { font: fontSlots(SANS_FAMILY), size: half(style.headingSizesPt[depth - 1]), bold: depth <= 3, color: depth <= 1 ? hex(style.colours.accent) : '222222' },
    paragraph: { spacing: { before: ptToTwip(depth <= 1 ? 14 : 9), after: ptToTwip(depth <= 1 ? 7 : 4), ...lineSpacing(1.3) }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        // Chinese text is zh-CN; digits and Latin letters are tagged en-US, as Word does for Chinese
        // documents: LibreOffice otherwise breaks lines inside numbers (65 / 7.7亿元).
        run: { font: fontSlots(SERIF_FAMILY), size: half(style.bodySizePt), language: { value: 'en-US', eastAsia: 'zh-CN' } },
        paragraph: { spacing: lineSpacing(style.lineHeight) },
      },
      title: {
        run: { font: fontSlots(SANS_FAMILY), size: half(style.titleSizePt), bold: true, color: hex(style.colours.accent) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(6), ...lineSpacing(1.25) } },
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
          indent: { firstLine: ptToTwip(style.bodySizePt * style.firstLineIndentChars) },
          spacing: { after: ptToTwip(style.paragraphSpacingPt), ...lineSpacing(style.lineHeight) },
        },
      },
      {
        id: 'Subtitle',
        name: 'Subtitle',
        basedOn: 'Normal',
        run: { color: hex(style.colours.muted) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(2) } },
      },
      {
        id: 'Caption',
        name: 'caption',
        basedOn: 'Normal',
        run: { font: fontSlots(SANS_FAMILY), size: half(style.bodySizePt * 0.8), color: hex(style.colours.muted) },
        paragraph: { alignment: AlignmentType.CENTER, spacing: { after: ptToTwip(8) } },
      },
      {
        id: 'ListParagraph',
        name: 'List Paragraph',
        basedOn: 'Normal',
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: ptToTwip(3) } },
      },
      {
        id: 'TableText',
        name: 'Table Text',
        basedOn: 'Normal',
        run: { size: half(style.bodySizePt * 0.9) },
        paragraph: { spacing: lineSpacing(1.15) },
      },
      {
        id: 'Header',
        name: 'header',
        basedOn: 'Normal',
        run: { font: fontSlots(SANS_FAMILY), size: half(style.headerSizePt), color: hex(style.colours.muted) },
        paragraph: { alignment: AlignmentType.CENTER },
      },
      {
        id: 'Footer',
        name: 'footer',
        basedOn: 'Normal',
        run: { size: half(style.headerSizePt + 1.5) },
        paragraph: { alignment: AlignmentType.CENTER },
      },
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: ptToTwip(2), after: ptToTwip(2) } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', run: { size: half(style.bodySizePt * 0.92) }, paragraph: { indent: { left: ptToTwip(14) } } },
    ],
  };
}
