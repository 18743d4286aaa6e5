import { readFileSync } from 'node:fs';

/** A PDF literal string's bytes, its escapes undone (PDF 32000-1, 7.3.4.2). */
function literalBytes(body: string): Buffer {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = body[++i];
    const octal = body.slice(i).match(/^[0-7]{1,3}/)?.[0];
    if (octal) {
      bytes.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else bytes.push(({ n: 10, r: 13, t: 9, b: 8, f: 12 } as Record<string, number>)[next] ?? next.charCodeAt(0));
  }
  return Buffer.from(bytes);
}

/** A PDF text string: UTF-16BE after a byte order mark, else PDFDocEncoding (read as Latin-1). */
const textString = (bytes: Buffer) => (bytes[0] === 0xfe && bytes[1] === 0xff ? Buffer.from(bytes.subarray(2)).swap16().toString('utf16le') : bytes.toString('latin1'));

/**
 * The titles of a PDF's bookmarks (outline items: the dictionaries with a /Title and a /Parent),
 * in file order, and the document's /Lang and /DisplayDocTitle, read from an uncompressed PDF's
 * objects as pdfkit writes them.
 */
export function pdfNavigation(path: string): { bookmarks: string[]; lang: string | null; displayDocTitle: boolean } {
  const pdf = readFileSync(path).toString('latin1');
  const bookmarks: string[] = [];
  for (const [, body] of pdf.matchAll(/\d+ 0 obj\s*<<([\s\S]*?)>>\s*endobj/g)) {
    if (!body.includes('/Parent')) continue;
    const title = body.match(/\/Title \(((?:\\[\s\S]|[^\\)])*)\)/);
    if (title) bookmarks.push(textString(literalBytes(title[1])));
  }
  const lang = pdf.match(/\/Lang \(((?:\\[\s\S]|[^\\)])*)\)/);
  return { bookmarks, lang: lang ? textString(literalBytes(lang[1])) : null, displayDocTitle: /\/DisplayDocTitle true/.test(pdf) };
}
