import * as fontkit from 'fontkit';
import { FONT_FILES } from '../../pipeline/util/fonts.js';
import { readLayout, ptToMm, type LineBox } from './page-geometry.js';

/** A printed line: the pieces pdftotext reports on one baseline (a ¶ mark and its text), joined. */
interface PrintedLine {
  left: number;
  right: number;
  top: number;
  bottom: number;
  text: string;
}

export interface OfficialPageMeasures {
  leftMm: number[];
  rightMm: number[];
  linesPerPage: number[];
  charsPerFullLine: number[];
  /** Share of lines that continue on the next line and end at the right edge (±1 mm). */
  justifiedShare: number;
  /** Lines that start with closing punctuation or end with opening punctuation (避头尾). */
  kinsokuViolations: string[];
}

function printedLines(lines: LineBox[]): PrintedLine[] {
  const sorted = [...lines].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
  const out: PrintedLine[] = [];
  for (const line of sorted) {
    // Pieces whose boxes overlap vertically share a baseline: a small ¶ mark beside its text.
    const same = out.find((o) => line.yMin < o.bottom - 2 && line.yMax > o.top + 2);
    if (same) {
      if (line.xMin < same.left) same.text = line.text + same.text;
      else same.text += line.text;
      same.left = Math.min(same.left, line.xMin);
      same.right = Math.max(same.right, line.xMax);
      same.top = Math.min(same.top, line.yMin);
      same.bottom = Math.max(same.bottom, line.yMax);
    } else out.push({ left: line.xMin, right: line.xMax, top: line.yMin, bottom: line.yMax, text: line.text });
  }
  return out.sort((a, b) => a.top - b.top);
}

let bodyFont: fontkit.Font | null = null;
/** Width of a text in ems of the official body face, from the font's own advance widths. */
function ems(text: string): number {
  bodyFont ??= fontkit.openSync(FONT_FILES.serifLight) as fontkit.Font;
  const run = bodyFont.layout(text.replace(/¶\d+/g, ''));
  return run.advanceWidth / bodyFont.unitsPerEm;
}

/**
 * Measures the pages of a PDF in the official style: where the text block's edges are, how many
 * lines a full page holds, how many characters a full line, and how lines end.
 */
export function measureOfficialPages(pdf: string, options: { skipFirst: number; pageHeightPt?: number }): OfficialPageMeasures {
  const pages = readLayout(pdf);
  const measures: OfficialPageMeasures = { leftMm: [], rightMm: [], linesPerPage: [], charsPerFullLine: [], justifiedShare: 0, kinsokuViolations: [] };
  let continuing = 0;
  let justified = 0;
  // Only full pages: after the first skipFirst (title and contents), before the last page.
  for (const page of pages.slice(options.skipFirst, -1)) {
    const blockTop = (37 / 25.4) * 72 - 4;
    const blockBottom = page.height - (35 / 25.4) * 72 + 4;
    const lines = printedLines(page.lines.filter((l) => l.yMin >= blockTop && l.yMax <= blockBottom));
    measures.linesPerPage.push(lines.length);
    const left = Math.min(...lines.map((l) => l.left));
    const right = Math.max(...lines.map((l) => l.right));
    measures.leftMm.push(ptToMm(left));
    measures.rightMm.push(ptToMm(page.width - right));
    lines.forEach((line, i) => {
      const next = lines[i + 1];
      if (/^[，。、；：！？）》”’」』…%]/.test(line.text)) measures.kinsokuViolations.push(`p${page.lines[0]?.page} ${line.text.slice(0, 12)}`);
      if (/[（《“‘「『]$/.test(line.text)) measures.kinsokuViolations.push(`p${page.lines[0]?.page} …${line.text.slice(-12)}`);
      // A line continues when the next starts at the left edge (a new paragraph starts indented).
      if (next && Math.abs(next.left - left) < 2) {
        continuing++;
        if (Math.abs(line.right - right) <= (1 / 25.4) * 72) justified++;
        // A full line: from edge to edge, not a paragraph's indented first line nor its last.
        if (Math.abs(line.left - left) < 2 && Math.abs(line.right - right) <= 3) measures.charsPerFullLine.push(ems(line.text));
      }
    });
  }
  measures.justifiedShare = continuing ? justified / continuing : 0;
  return measures;
}
