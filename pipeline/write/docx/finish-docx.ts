import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/** A table style every table of ours refers to, so Word lists it as a table style. */
const TABLE_STYLE = `<w:style w:type="table" w:styleId="BriefsTable"><w:name w:val="Briefs Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:bottom w:val="single" w:sz="8" w:space="0" w:color="8B8B8B"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="B0B0B0"/></w:tblBorders><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblStylePr w:type="firstRow"><w:rPr><w:b/></w:rPr><w:tblPr/><w:trPr><w:tblHeader/></w:trPr></w:tblStylePr></w:style>`;

/**
 * Makes a DOCX reproducible and complete: the package's dates (zip entries and document
 * properties) become the given date, so two builds give the same bytes; the language of the
 * document is recorded (zh-CN); and the table style our tables name is defined.
 */
export function finishDocx(docx: Uint8Array, date: Date): Buffer {
  const files = unzipSync(docx);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const core = files['docProps/core.xml'];
  if (core) {
    let xml = strFromU8(core)
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${iso}$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${iso}$2`);
    if (!xml.includes('<dc:language>')) xml = xml.replace('</cp:coreProperties>', '<dc:language>zh-CN</dc:language></cp:coreProperties>');
    files['docProps/core.xml'] = strToU8(xml);
  }
  const styles = files['word/styles.xml'];
  if (styles) {
    const xml = strFromU8(styles);
    if (!xml.includes('w:styleId="BriefsTable"')) files['word/styles.xml'] = strToU8(xml.replace('</w:styles>', `${TABLE_STYLE}</w:styles>`));
  }
  const zippable: Zippable = {};
  for (const [name, data] of Object.entries(files)) zippable[name] = [data, { mtime: date, level: 6 }];
  return Buffer.from(zipSync(zippable, { mtime: date }));
}
