import type { TextRun } from '../text-runs.js';
import type { PageStyle } from '../page-style.js';

/** pdfmake text pieces for styled runs. */
export function runsToPdf(runs: TextRun[], style: PageStyle): object[] {
  return runs.map((run) => {
    const piece: Record<string, unknown> = { text: run.text };
    if (run.bold) piece.bold = true;
    if (run.emphasis || run.code) piece.font = 'Sans';
    if (run.paragraphRef) Object.assign(piece, { font: 'Sans', fontSize: style.bodySizePt * 0.68, color: style.colours.muted });
    if (run.superscript) piece.sup = true;
    if (run.link && /^https?:/.test(run.link)) Object.assign(piece, { link: run.link, color: style.colours.accent });
    return piece;
  });
}
