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
  // Filter “Up” (2) on every row: each byte minus the one above it (none above the first).
  // Charts are mostly flat colour, so the differences are mostly zero and deflate well. One pass
  // over the pixels (a 300-dpi chart has millions), keeping only the row above as RGB.
  const rows = Buffer.allocUnsafe((rowBytes + 1) * height);
  let above = new Uint8Array(rowBytes);
  let here = new Uint8Array(rowBytes);
  for (let y = 0, from = 0, to = 0; y < height; y++) {
    rows[to++] = 2;
    for (let x = 0; x < rowBytes; x += 3, from += 4) {
      const white = 255 - premultiplied[from + 3];
      const red = premultiplied[from] + white;
      const green = premultiplied[from + 1] + white;
      const blue = premultiplied[from + 2] + white;
      here[x] = red;
      here[x + 1] = green;
      here[x + 2] = blue;
      // Stored modulo 256, as the filter wants.
      rows[to++] = red - above[x];
      rows[to++] = green - above[x + 1];
      rows[to++] = blue - above[x + 2];
    }
    [above, here] = [here, above];
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
