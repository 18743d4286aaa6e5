import { openFont } from '../../util/font-cache.js';

/** A CSS @font-face carrying the font inline, subset to `text`'s characters (see subsetFont). */
export function fontFace(family: string, path: string, text: string): string {
  return `@font-face { font-family: "${family}"; src: url(data:font/ttf;base64,${subsetFont(path, text).toString('base64')}) format("truetype"); font-display: block; }`;
}

/** The names a subset is given instead of the font's own: the family a DOCX names it by, and whether it is the bold face. */
export interface SubsetName {
  family: string;
  bold: boolean;
}

/**
 * A font with only the characters a page uses, as TTF bytes: an HTML edition carries its fonts
 * inline (it works offline and from file://), and a DOCX embeds them, without carrying 15 MB per
 * face. `name` renames it (a DOCX's bold face of a family must be named that family).
 */
export function subsetFont(path: string, text: string, name?: SubsetName): Buffer {
  const font = openFont(path);
  const subset = font.createSubset();
  const mapping = new Map<number, number>();
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (mapping.has(code) || code > 0xffff) continue;
    const glyph = font.glyphForCodePoint(code);
    if (glyph && glyph.id !== 0) mapping.set(code, (subset as unknown as { includeGlyph(g: unknown): number }).includeGlyph(glyph));
  }
  // fontkit's subset is made for PDF embedding: it has no cmap, OS/2, name or post table, which a
  // browser needs to map characters to glyphs. They are added from the original font.
  const raw = (tag: string) => {
    const entry = (font as any).directory.tables[tag] as { offset: number; length: number } | undefined;
    return entry ? Buffer.from((font as any).stream.buffer.subarray(entry.offset, entry.offset + entry.length)) : null;
  };
  const post = raw('post');
  const extra: Record<string, Buffer> = { cmap: cmapFormat4(mapping) };
  const os2 = raw('OS/2');
  const names = name ? nameTable(name) : raw('name');
  if (os2) extra['OS/2'] = os2;
  if (names) extra.name = names;
  if (post) {
    const v3 = Buffer.from(post.subarray(0, 32));
    v3.writeUInt32BE(0x00030000, 0);
    extra.post = v3;
  }
  return alignedSfnt(Buffer.from(subset.encode()), extra);
}

/** A name table (format 0, Windows Unicode, US English) naming the family, style, full and PostScript names. */
function nameTable({ family, bold }: SubsetName): Buffer {
  const style = bold ? 'Bold' : 'Regular';
  const strings: Array<[id: number, text: string]> = [
    [1, family],
    [2, style],
    [4, bold ? `${family} Bold` : family],
    [6, `${family.replace(/[^A-Za-z0-9]/g, '')}-${style}`],
  ];
  const encoded = strings.map(([id, text]) => [id, Buffer.from(text, 'utf16le').swap16()] as const);
  const header = 6 + encoded.length * 12;
  const table = Buffer.alloc(header + encoded.reduce((sum, [, b]) => sum + b.length, 0));
  table.writeUInt16BE(0, 0);
  table.writeUInt16BE(encoded.length, 2);
  table.writeUInt16BE(header, 4);
  let offset = 0;
  encoded.forEach(([id, bytes], i) => {
    const at = 6 + i * 12;
    table.writeUInt16BE(3, at); // Windows
    table.writeUInt16BE(1, at + 2); // Unicode BMP
    table.writeUInt16BE(0x409, at + 4); // en-US
    table.writeUInt16BE(id, at + 6);
    table.writeUInt16BE(bytes.length, at + 8);
    table.writeUInt16BE(offset, at + 10);
    bytes.copy(table, header + offset);
    offset += bytes.length;
  });
  return table;
}

/** A format-4 cmap (Windows, Unicode BMP) with one segment per character. */
function cmapFormat4(mapping: Map<number, number>): Buffer {
  const codes = [...mapping.keys()].sort((a, b) => a - b);
  const segments = [...codes.map((c) => ({ start: c, end: c, delta: (mapping.get(c)! - c) & 0xffff })), { start: 0xffff, end: 0xffff, delta: 1 }];
  const segCount = segments.length;
  const length = 16 + segCount * 8;
  const table = Buffer.alloc(12 + length);
  table.writeUInt16BE(0, 0); // version
  table.writeUInt16BE(1, 2); // one subtable
  table.writeUInt16BE(3, 4); // platform Windows
  table.writeUInt16BE(1, 6); // encoding Unicode BMP
  table.writeUInt32BE(12, 8);
  const sub = table.subarray(12);
  const search = 2 * 2 ** Math.floor(Math.log2(segCount));
  sub.writeUInt16BE(4, 0);
  sub.writeUInt16BE(length, 2);
  sub.writeUInt16BE(0, 4);
  sub.writeUInt16BE(segCount * 2, 6);
  sub.writeUInt16BE(search, 8);
  sub.writeUInt16BE(Math.log2(search / 2), 10);
  sub.writeUInt16BE(segCount * 2 - search, 12);
  segments.forEach((seg, i) => {
    sub.writeUInt16BE(seg.end, 14 + i * 2);
    sub.writeUInt16BE(seg.start, 16 + segCount * 2 + i * 2);
    sub.writeUInt16BE(seg.delta, 16 + segCount * 4 + i * 2);
    sub.writeUInt16BE(0, 16 + segCount * 6 + i * 2);
  });
  return table;
}

/** The sum of a table's big-endian 32-bit words, modulo 2³² (its length is a multiple of 4). */
function tableChecksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) sum = (sum + ((data[i] << 24) | (data[i + 1] << 16) | (data[i + 2] << 8) | data[i + 3])) >>> 0;
  return sum;
}

/**
 * Repacks a TrueType file so browsers accept it: fontkit writes subsets for PDF embedding, with
 * tables at unaligned offsets and the sfnt version 'true', which browsers' font sanitisers
 * (OTS) refuse. Tables go at 4-byte boundaries with fresh checksums, as the format asks.
 */
function alignedSfnt(font: Buffer, extra: Record<string, Buffer> = {}): Buffer {
  const own = Array.from({ length: font.readUInt16BE(4) }, (_, i) => {
    const at = 12 + i * 16;
    const tag = font.toString('latin1', at, at + 4);
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    return { tag, data: font.subarray(offset, offset + length) };
  }).filter((t) => !(t.tag in extra));
  const tables = [...own, ...Object.entries(extra).map(([tag, data]) => ({ tag, data }))].sort((a, b) => (a.tag < b.tag ? -1 : 1));
  const count = tables.length;
  const headerLength = 12 + count * 16;
  const padded = (n: number) => (n + 3) & ~3;
  const total = headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0);
  const out = Buffer.alloc(total);
  const search = 2 ** Math.floor(Math.log2(count));
  out.writeUInt32BE(0x00010000, 0);
  out.writeUInt16BE(count, 4);
  out.writeUInt16BE(search * 16, 6);
  out.writeUInt16BE(Math.log2(search), 8);
  out.writeUInt16BE(count * 16 - search * 16, 10);
  let offset = headerLength;
  let headOffset = -1;
  tables.forEach((table, i) => {
    // Written in place: the output is zeroed, so each table is padded with zeros already.
    table.data.copy(out, offset);
    const data = out.subarray(offset, offset + padded(table.data.length));
    if (table.tag === 'head') {
      data.writeUInt32BE(0, 8);
      headOffset = offset;
    }
    const record = 12 + i * 16;
    out.write(table.tag, record, 'latin1');
    out.writeUInt32BE(tableChecksum(data), record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.data.length, record + 12);
    offset += data.length;
  });
  if (headOffset >= 0) out.writeUInt32BE((0xb1b0afba - tableChecksum(out)) >>> 0, headOffset + 8);
  return out;
}
