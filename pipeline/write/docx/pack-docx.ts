import { Packer, type Document } from 'docx';
import { zipFiles } from '../../util/zip.js';

/** A table style every table of ours refers to, so Word lists it as a table style. */
const TABLE_STYLE = `<w:style w:type="table" w:styleId="BriefsTable"><w:name w:val="Briefs Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B0B0B0"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr></w:tblStylePr></w:style>`;

/** The docx package's compiler: a document's parts by path, in the order they are zipped. */
interface Compiler {
  compile(document: Document, prettify?: unknown, overrides?: unknown[]): Map<string, string | Uint8Array>;
}

/** Where docx keeps the ids of the bookmarks it puts on the headings the contents list. */
interface WithHeadingBookmarks {
  Document: { View: { Body: { headingBookmarkIds: { get(index: number): number } } } };
}

/**
 * docx numbers the contents' bookmarks (`_Toc<n>`) with one counter for the whole thread, so a
 * document's bytes depended on what the thread had built before it (and threads share a batch's
 * work in no fixed order). Numbered within the document instead: the n-th heading's is n.
 */
function numberContentsBookmarksFromOne(document: Document): void {
  (document as unknown as WithHeadingBookmarks).Document.View.Body.headingBookmarkIds = { get: (index) => index + 1 };
}

/**
 * Packs a document into DOCX bytes, reproducible and complete: the package's dates (zip entries
 * and document properties) become the given date, so two builds give the same bytes; the
 * language of the document is recorded (zh-CN); and the table style our tables name is defined.
 * The parts come from the docx package's own compiler (what `Packer.toBuffer` zips), so they are
 * changed as text and deflated once.
 */
export function packDocx(document: Document, date: Date): Buffer {
  numberContentsBookmarksFromOne(document);
  const parts = (Packer as unknown as { compiler: Compiler }).compiler.compile(document, undefined, []);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = parts.get('docProps/core.xml');
  if (typeof core === 'string') {
    let xml = core
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
    if (!xml.includes('<dc:language>')) xml = xml.replace('</cp:coreProperties>', '<dc:language>zh-CN</dc:language></cp:coreProperties>');
    parts.set('docProps/core.xml', xml);
  }
  const styles = parts.get('word/styles.xml');
  if (typeof styles === 'string' && !styles.includes('w:styleId="BriefsTable"')) parts.set('word/styles.xml', styles.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`));
  return zipFiles([...parts].map(([path, data]) => [path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data]), date);
}
