import { crc32, deflateSync } from 'node:zlib';

/**
 * A PNG of an opaque picture, in RGB without alpha, with its resolution recorded (pHYs).
 *
 * Why not the canvas's own PNG: it is RGBA, and pdfkit must then inflate it, split the alpha
 * channel off and deflate both again in JavaScript for every PDF that shows it (png-js: 0.7 s of
 * a Dalian build). An RGB PNG goes into a PDF as it is: its compressed rows are the image stream.
 *
 * `premultiplied` is the canvas's raw RGBA, alpha premultiplied; any pixel not fully opaque is
 * set on white, as it would print.
 */
export function opaquePng(premultiplied: Uint8Array, width: number, height: number, dpi: number): Buffer {
  const rowBytes = width * 3;
  const rgb = new Uint8Array(rowBytes * height);
  for (let from = 0, to = 0; from < premultiplied.length; from += 4, to += 3) {
    const white = 255 - premultiplied[from + 3];
    rgb[to] = premultiplied[from] + white;
    rgb[to + 1] = premultiplied[from + 1] + white;
    rgb[to + 2] = premultiplied[from + 2] + white;
  }
  // Filter “Up” (2) on every row: each byte minus the one above it. Charts are mostly flat
  // colour, so the differences are mostly zero and deflate well.
  const rows = Buffer.alloc((rowBytes + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (rowBytes + 1);
    rows[row] = 2;
    const here = y * rowBytes;
    if (y === 0) rows.set(rgb.subarray(0, rowBytes), row + 1);
    else for (let x = 0; x < rowBytes; x++) rows[row + 1 + x] = rgb[here + x] - rgb[here - rowBytes + x];
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // colour type: RGB
  const pixelsPerMetre = Math.round(dpi / 0.0254);
  const physical = Buffer.alloc(9);
  physical.writeUInt32BE(pixelsPerMetre, 0);
  physical.writeUInt32BE(pixelsPerMetre, 4);
  physical[8] = 1; // unit: metre
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('pHYs', physical),
    chunk('IDAT', deflateSync(rows, { level: 6 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  // The CRC covers the chunk's type and data.
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}
