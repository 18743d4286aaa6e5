import { createRequire } from 'node:module';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: PdfJs | null = null;
let createCanvas: ((w: number, h: number) => any) | null = null;

/**
 * A PNG of a PDF's first page, drawn by pdf.js on a server-side canvas (the @napi-rs/canvas
 * that pdf.js itself depends on: its paths must come from the same canvas build).
 */
export async function thumbnailOf(pdf: Uint8Array, widthPx = 300): Promise<Buffer> {
  pdfjs ??= await import('pdfjs-dist/legacy/build/pdf.mjs');
  if (!createCanvas) {
    const fromPdfjs = createRequire(import.meta.resolve('pdfjs-dist/package.json'));
    createCanvas = fromPdfjs('@napi-rs/canvas').createCanvas;
  }
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: widthPx / unscaled.width });
    const canvas = createCanvas!(Math.ceil(viewport.width), Math.ceil(viewport.height));
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvasContext: context, viewport, canvas } as any).promise;
    return canvas.toBuffer('image/png');
  } finally {
    await doc.destroy();
  }
}
