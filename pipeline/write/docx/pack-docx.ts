import { Packer, type Document } from 'docx';
import { docxParts } from '../../patches/docx-parts.js';
import { ALL_PATCHES, type PatchSettings } from '../../patches/guard.js';
import { unzipFiles, zipFiles } from '../../util/zip.js';
import { embedFonts } from './embed-fonts.js';

/** A table style every table of ours refers to, so Word lists it as a table style. */
const TABLE_STYLE = `<w:style w:type="table" w:styleId="BriefsTable"><w:name w:val="Briefs Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B0B0B0"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr></w:tblStylePr></w:style>`;

/**
 * docx numbers the contents' bookmarks (`_Toc<n>`, and their ids) with one counter for the whole
 * thread, so a document's bytes depended on what the thread had built before it (and threads
 * share a batch's work in no fixed order). Renumbered within the document, in order of appearance.
 */
function numberBookmarksFromOne(xml: string): string {
  const renumber = (pattern: RegExp) => {
    const numbers = new Map<string, number>();
    xml = xml.replace(pattern, (_, before: string, n: string) => {
      if (!numbers.has(n)) numbers.set(n, numbers.size + 1);
      return `${before}${numbers.get(n)}`;
    });
  };
  renumber(/(_Toc)(\d+)/g);
  renumber(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)/g);
  return xml;
}

/**
 * The paragraph defaults docx cannot write, set as the PDF sets text: no widow or orphan control
 * (Word and LibreOffice would move a paragraph's last line on by themselves), and no extra space
 * between Chinese and Latin letters or figures (both add a quarter em around 2017 in 2017年:
 * lines then held fewer characters than the PDF's, and pages ran over).
 */
const PARAGRAPH_DEFAULTS = '<w:widowControl w:val="0"/><w:autoSpaceDE w:val="0"/><w:autoSpaceDN w:val="0"/>';

/** The styles docx cannot write: the table style our tables name, and the paragraph defaults above. */
function completeStyles(styles: string): string {
  let xml = styles.includes('w:styleId="BriefsTable"') ? styles : styles.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`);
  if (!xml.includes('<w:widowControl')) xml = xml.replace('<w:pPrDefault><w:pPr>', `<w:pPrDefault><w:pPr>${PARAGRAPH_DEFAULTS}`);
  return xml;
}

/**
 * Packs a document into DOCX bytes, reproducible and complete: the package's dates (zip entries
 * and document properties) become the given date, so two builds give the same bytes; the
 * language of the document is recorded (zh-CN); the table style our tables name is defined; and
 * the faces the text is set in are embedded, subset (see embed-fonts.ts).
 * The parts are those `Packer.toBuffer` zips (from docx's compiler with the patch docx-parts),
 * changed as text.
 */
export async function packDocx(document: Document, date: Date, patches: PatchSettings = ALL_PATCHES): Promise<Buffer> {
  const parts = docxParts(document, patches) ?? new Map(unzipFiles(await Packer.toBuffer(document)).map(([path, data]) => [path, path.endsWith('.xml') ? data.toString('utf8') : data]));
  const body = parts.get('word/document.xml');
  if (typeof body === 'string') parts.set('word/document.xml', numberBookmarksFromOne(body));
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
  if (typeof styles === 'string') parts.set('word/styles.xml', completeStyles(styles));
  embedFonts(parts);
  return zipFiles([...parts].map(([path, data]) => [path, typeof data === 'string' ? Buffer.from(data, 'utf8') : data]), date);
}
