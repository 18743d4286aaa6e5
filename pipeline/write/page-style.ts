/** Page and type settings shared by the DOCX and PDF writers, so both routes print alike. */
export interface PageStyle {
  name: string;
  /** A4 portrait. */
  pageWidthMm: number;
  pageHeightMm: number;
  marginsMm: { top: number; right: number; bottom: number; left: number };
  bodySizePt: number;
  /** Line pitch as a multiple of the body size. */
  lineHeight: number;
  titleSizePt: number;
  /** Heading sizes for Markdown depths 1–6 (depth 1 is the publication's own title level). */
  headingSizesPt: [number, number, number, number, number, number];
  /** Body paragraphs start two characters in, as Chinese text does. */
  firstLineIndentChars: number;
  /** Space after a body paragraph, in points. */
  paragraphSpacingPt: number;
  headerSizePt: number;
  colours: { accent: string; muted: string; rule: string };
}

export const MODERN: PageStyle = {
  name: 'modern',
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginsMm: { top: 25, right: 22, bottom: 25, left: 22 },
  bodySizePt: 11,
  lineHeight: 1.55,
  titleSizePt: 20,
  headingSizesPt: [17, 15, 13, 12, 11, 11],
  firstLineIndentChars: 2,
  paragraphSpacingPt: 5,
  headerSizePt: 8.5,
  colours: { accent: '#8b1a1a', muted: '#6b6b6b', rule: '#b0b0b0' },
};

export const PAGE_STYLES: Record<string, PageStyle> = { modern: MODERN };

/** A one-page sheet: narrower margins and tighter spacing, never type below 10.5 pt. */
function compact(style: PageStyle): PageStyle {
  return {
    ...style,
    marginsMm: { top: 16, right: 17, bottom: 17, left: 17 },
    bodySizePt: Math.max(10.5, style.bodySizePt - 0.5),
    lineHeight: Math.min(style.lineHeight, 1.42),
    titleSizePt: style.titleSizePt,
    headingSizesPt: [12.5, 12, 11, 10.5, 10.5, 10.5],
    paragraphSpacingPt: 2,
    firstLineIndentChars: 0,
  };
}

/** The page style a publication's front matter asks for: `style: modern|official`, `density: compact`. */
export function pageStyleNamed(name: unknown, density?: unknown): PageStyle {
  const style = PAGE_STYLES[typeof name === 'string' ? name : 'modern'] ?? MODERN;
  return density === 'compact' ? compact(style) : style;
}

export const mmToPt = (mm: number) => (mm / 25.4) * 72;
export const ptToTwip = (pt: number) => Math.round(pt * 20);
export const mmToTwip = (mm: number) => ptToTwip(mmToPt(mm));
