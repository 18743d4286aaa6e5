import { execFileSync } from 'node:child_process';

export interface LineBox {
  page: number;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  text: string;
  /** Index of the block (paragraph, as pdftotext groups it) on its page. */
  block: number;
  /** Last line of its block. */
  last: boolean;
}

export interface PageBox {
  width: number;
  height: number;
  lines: LineBox[];
}

/** Reads a PDF's lines with their boxes, in points, with `pdftotext -bbox-layout`. */
export function readLayout(pdf: string): PageBox[] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const pages: PageBox[] = [];
  for (const pageMatch of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const page: PageBox = { width: Number(pageMatch[1]), height: Number(pageMatch[2]), lines: [] };
    let block = 0;
    for (const blockMatch of pageMatch[3].matchAll(/<block[^>]*>([\s\S]*?)<\/block>/g)) {
      const lines = [...blockMatch[1].matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)];
      lines.forEach((l, i) => {
        const text = [...l[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('');
        page.lines.push({ page: pages.length + 1, xMin: Number(l[1]), yMin: Number(l[2]), xMax: Number(l[3]), yMax: Number(l[4]), text, block, last: i === lines.length - 1 });
      });
      block++;
    }
    pages.push(page);
  }
  return pages;
}

export const ptToMm = (pt: number) => (pt / 72) * 25.4;
