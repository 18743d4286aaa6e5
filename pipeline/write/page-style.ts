/**
 * Page and type settings shared by the DOCX and PDF writers, so both routes print alike.
 * A face is named by role; each writer maps it to its font (PDF) or family name (DOCX).
 */
export type Face = 'serif' | 'serifLight' | 'sans' | 'kai';

export interface PageStyle {
  name: string;
  /** A4 portrait. */
  pageWidthMm: number;
  pageHeightMm: number;
  marginsMm: { top: number; right: number; bottom: number; left: number };
  bodyFace: Face;
  bodySizePt: number;
  /** Line pitch as a multiple of the font's own line height (pdfmake's measure). */
  lineHeight: number;
  /** The same pitch in points, for Word's exact line spacing; null: Word's auto spacing × lineHeight. */
  linePitchPt: number | null;
  titleFace: Face;
  titleSizePt: number;
  /** Heading faces and sizes for Markdown depths 1–6. */
  headingFaces: [Face, Face, Face, Face, Face, Face];
  headingSizesPt: [number, number, number, number, number, number];
  headingBold: boolean;
  /** Space before and after headings, in points (0 keeps the official line grid). */
  headingSpacingPt: [number, number];
  /** Body paragraphs start two characters in, as Chinese text does. */
  firstLineIndentChars: number;
  /** Space after a body paragraph, in points. */
  paragraphSpacingPt: number;
  /** A running head (the report's title) above the text block. */
  runningHead: boolean;
  headerSizePt: number;
  /** Page numbers: centred, or on the outside (odd right, even left) one character in. */
  pageNumber: { sizePt: number; placement: 'centre' | 'outside' };
  colours: { accent: string; muted: string; rule: string; title: string };
  /** Density settings do not change it: the official page is a fixed grid. */
  fixedGrid: boolean;
}

export const MODERN: PageStyle = {
  name: 'modern',
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginsMm: { top: 25, right: 22, bottom: 25, left: 22 },
  bodyFace: 'serif',
  bodySizePt: 11,
  lineHeight: 1.1,
  linePitchPt: null,
  titleFace: 'sans',
  titleSizePt: 20,
  headingFaces: ['sans', 'sans', 'sans', 'sans', 'sans', 'sans'],
  headingSizesPt: [17, 15, 13, 12, 11, 11],
  headingBold: true,
  headingSpacingPt: [12, 6],
  firstLineIndentChars: 2,
  paragraphSpacingPt: 5,
  runningHead: true,
  headerSizePt: 8.5,
  pageNumber: { sizePt: 10, placement: 'centre' },
  colours: { accent: '#8b1a1a', muted: '#6b6b6b', rule: '#b0b0b0', title: '#8b1a1a' },
  fixedGrid: false,
};

/**
 * GB/T 9704-2012 党政机关公文格式: A4, text block 156 × 225 mm (margins 37/26/35/28 mm), 22 lines
 * of 28 characters in 3号; title 2号 Song; body 3号 FangSong; 一、 in Hei, （一） in Kai; page
 * numbers 4号 “— 1 —”, outside, one character in. Open faces from npm stand in: Noto Serif SC
 * Bold (小标宋), Noto Serif SC Light (仿宋: thin-stroked Song; npm offers no FangSong), Noto Sans
 * SC (黑体), LXGW WenKai (楷体). Noto at 15.75 pt sets 28 characters in 156 mm (28 × 15.75 = 441 of 442 pt); pitch 29 pt gives 22 lines in 225 mm.
 */
export const OFFICIAL: PageStyle = {
  name: 'official',
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginsMm: { top: 37, right: 26, bottom: 35, left: 28 },
  bodyFace: 'serifLight',
  bodySizePt: 15.75,
  lineHeight: 1.27,
  linePitchPt: 28.95,
  titleFace: 'serif',
  titleSizePt: 22,
  headingFaces: ['sans', 'kai', 'serifLight', 'serifLight', 'serifLight', 'serifLight'],
  headingSizesPt: [15.75, 15.75, 15.75, 15.75, 15.75, 15.75],
  headingBold: false,
  headingSpacingPt: [0, 0],
  firstLineIndentChars: 2,
  paragraphSpacingPt: 0,
  runningHead: false,
  headerSizePt: 10,
  pageNumber: { sizePt: 14, placement: 'outside' },
  colours: { accent: '#b0171f', muted: '#6b6b6b', rule: '#b0b0b0', title: '#000000' },
  fixedGrid: true,
};

export const PAGE_STYLES: Record<string, PageStyle> = { modern: MODERN, official: OFFICIAL };

/** A one-page sheet: narrower margins and tighter spacing, never type below 10.5 pt. */
function compact(style: PageStyle): PageStyle {
  if (style.fixedGrid) return style;
  return {
    ...style,
    marginsMm: { top: 16, right: 17, bottom: 17, left: 17 },
    bodySizePt: Math.max(10.5, style.bodySizePt - 0.5),
    lineHeight: Math.min(style.lineHeight, 1.0),
    headingSizesPt: [12.5, 12, 11, 10.5, 10.5, 10.5],
    headingSpacingPt: [6, 3],
    paragraphSpacingPt: 2,
    firstLineIndentChars: 0,
  };
}

/** The page style a publication's front matter asks for: `style: modern|official`, `density: compact`. */
export function pageStyleNamed(name: unknown, density?: unknown): PageStyle {
  const style = PAGE_STYLES[typeof name === 'string' ? name : 'modern'] ?? MODERN;
  return density === 'compact' ? compact(style) : style;
}

/** The size of a contents entry of a heading of this depth (1 or 2), in both writers. */
export const tocSizePt = (style: PageStyle, depth: number) => Math.min(style.bodySizePt, 13) * (depth <= 1 ? 1 : 0.92);

/** Key figures are set large, but never so large that 7363.9亿元 breaks; their labels small. */
export const figureSize = (style: PageStyle) => Math.min(style.bodySizePt * 1.45, 16);
export const labelSize = (style: PageStyle) => Math.min(style.bodySizePt * 0.85, 10);

export const mmToPt = (mm: number) => (mm / 25.4) * 72;
export const ptToTwip = (pt: number) => Math.round(pt * 20);
/**
 * A type size as Word stores it, in half points. A size between two (the official 15.75 pt) is
 * set at the smaller: rounded up to 16 pt, 28 characters no longer fit the official line, Word
 * and LibreOffice set 27, and the DOCX ran a page longer than the PDF whose page numbers its
 * contents give.
 */
export const halfPoints = (pt: number) => Math.floor(pt * 2 + 1e-9);
export const mmToTwip = (mm: number) => ptToTwip(mmToPt(mm));
