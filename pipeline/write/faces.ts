import { openFont } from '../util/font-cache.js';
import { FONT_FILES, KAI_FAMILY, SANS_FAMILY, SERIF_FAMILY, SERIF_LIGHT_FAMILY } from '../util/fonts.js';
import type { Face } from './page-style.js';

/** pdfmake font names, as write-pdf registers them. */
export const PDF_FONT: Record<Face, string> = { serif: 'Serif', serifLight: 'SerifLight', sans: 'Sans', kai: 'Kai' };
/** The font file of each face's regular weight. */
export const FACE_FILE: Record<Face, () => string> = { serif: () => FONT_FILES.serifRegular, serifLight: () => FONT_FILES.serifLight, sans: () => FONT_FILES.sansRegular, kai: () => FONT_FILES.kai };
/** Family names for DOCX (and for LibreOffice through fontconfig). */
export const DOCX_FAMILY: Record<Face, string> = { serif: SERIF_FAMILY, serifLight: SERIF_LIGHT_FAMILY, sans: SANS_FAMILY, kai: KAI_FAMILY };

/**
 * The height pdfmake gives a line of this face and size at `multiple`, in points: pdfkit's
 * ascent − descent, without the line gap. The DOCX sets its lines exactly this high, so that
 * Word and LibreOffice (whose own single spacing differs) print a page's lines in the PDF's room.
 */
export function lineHeightPt(face: Face, sizePt: number, multiple = 1): number {
  const font = openFont(FACE_FILE[face]());
  return ((font.ascent - font.descent) / font.unitsPerEm) * sizePt * multiple;
}

/**
 * The Kai face lacks some characters the serif face has; a heading with one it lacks is set in the serif face
 * instead, so no glyph ever prints as a box.
 */
export function faceFor(text: string, face: Face): Face {
  if (face !== 'kai') return face;
  const kaiFont = openFont(FONT_FILES.kai);
  for (const ch of text.replace(/\s/g, '')) if (!kaiFont.hasGlyphForCodePoint(ch.codePointAt(0)!)) return 'serif';
  return face;
}

/** The font files of each DOCX family, regular and bold, as the PDF sets them (a DOCX embeds subsets of them). */
export const DOCX_FONT_FILES: Record<string, { regular: () => string; bold: () => string }> = {
  [SERIF_FAMILY]: { regular: () => FONT_FILES.serifRegular, bold: () => FONT_FILES.serifBold },
  [SERIF_LIGHT_FAMILY]: { regular: () => FONT_FILES.serifLight, bold: () => FONT_FILES.serifBold },
  [SANS_FAMILY]: { regular: () => FONT_FILES.sansRegular, bold: () => FONT_FILES.sansBold },
  [KAI_FAMILY]: { regular: () => FONT_FILES.kai, bold: () => FONT_FILES.kai },
};
