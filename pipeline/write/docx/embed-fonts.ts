// Fonts inside the DOCX (WordprocessingML's embedded fonts, as Word writes them with "Embed fonts
// in the file" and "Embed only the characters used"): each face the text is set in, subset to
// the characters it sets, obfuscated as word/fonts/font<N>.odttf and named in fontTable.xml. A
// machine without the Noto fonts or WenKai then sets the document as we do.
import { createHash } from 'node:crypto';
import { DOCX_FONT_FILES } from '../faces.js';
import { subsetFont } from '../html/font-subset.js';
import { fontUse } from './font-use.js';

type Parts = Map<string, string | Uint8Array>;

/**
 * Characters every embedded face carries besides those of its runs: the page number's dashes,
 * and the printable ASCII letters, figures and signs — fields' figures (page numbers, the contents'
 * numbers Word may update), and LibreOffice takes a font for Latin text only if fontconfig finds it
 * covers English (without them it drew the GDP of 单位GDP能耗 in another font).
 */
const FIELD_CHARACTERS = `—${String.fromCharCode(...Array.from({ length: 95 }, (_, i) => 32 + i))}`;

/** A GUID from the font's bytes (the same font, the same key: builds stay reproducible). */
function fontKey(font: Uint8Array): string {
  const hex = createHash('sha256').update(font).digest('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * ECMA-376 Part 1, 17.8.1: the font's first 32 bytes XORed with the key's 16 bytes, taken from
 * the last of the GUID's hex pairs to the first.
 */
export function obfuscateFont(font: Uint8Array, key: string): Buffer {
  const bytes = Buffer.from(key.replace(/-/g, ''), 'hex').reverse();
  const out = Buffer.from(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= bytes[i % 16];
  return out;
}

const FONT_RELATIONSHIP = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/font';

/** Adds the faces a DOCX's text uses, subset, to its parts (fontTable, its relationships, content types, settings). */
export function embedFonts(parts: Parts): void {
  const entries: string[] = [];
  const relationships: string[] = [];
  let n = 0;
  for (const [family, use] of [...fontUse(parts)].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const files = DOCX_FONT_FILES[family];
    if (!files) continue;
    const embeds: string[] = [];
    for (const weight of ['regular', 'bold'] as const) {
      if (!use[weight].size) continue;
      const path = weight === 'bold' ? files.bold() : files.regular();
      const subset = subsetFont(path, [...use[weight]].join('') + FIELD_CHARACTERS, { family, bold: weight === 'bold' });
      const key = fontKey(subset);
      n++;
      parts.set(`word/fonts/font${n}.odttf`, obfuscateFont(subset, key));
      relationships.push(`<Relationship Id="rIdFont${n}" Type="${FONT_RELATIONSHIP}" Target="fonts/font${n}.odttf"/>`);
      embeds.push(`<w:${weight === 'bold' ? 'embedBold' : 'embedRegular'} r:id="rIdFont${n}" w:fontKey="{${key}}" w:subsetted="1"/>`);
    }
    if (embeds.length) entries.push(`<w:font w:name="${family}"><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/>${embeds.join('')}</w:font>`);
  }
  if (!entries.length) return;
  edit(parts, 'word/fontTable.xml', (xml) => {
    // Our families replace any entry of the same name docx wrote.
    for (const family of entries.map((e) => e.match(/w:name="([^"]*)"/)![1])) xml = xml.replace(new RegExp(`<w:font w:name="${family}"[\\s\\S]*?</w:font>`), '');
    return /<w:fonts\b[^>]*\/>/.test(xml) ? xml.replace(/(<w:fonts\b[^>]*?)\s*\/>/, `$1>${entries.join('')}</w:fonts>`) : xml.replace('</w:fonts>', `${entries.join('')}</w:fonts>`);
  });
  if (!parts.has('word/_rels/fontTable.xml.rels')) parts.set('word/_rels/fontTable.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>');
  edit(parts, 'word/_rels/fontTable.xml.rels', (xml) =>
    /<Relationships\b[^>]*\/>/.test(xml) ? xml.replace(/(<Relationships\b[^>]*?)\s*\/>/, `$1>${relationships.join('')}</Relationships>`) : xml.replace('</Relationships>', `${relationships.join('')}</Relationships>`),
  );
  edit(parts, '[Content_Types].xml', (xml) =>
    xml.includes('Extension="odttf"') ? xml : xml.replace(/(<Types\b[^>]*>)/, '$1<Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>'),
  );
  // Word's "Embed fonts in the file" and "Embed only the characters used", in the schema's order
  // (after displayBackgroundShape, before everything docx writes after it).
  edit(parts, 'word/settings.xml', (xml) => {
    if (xml.includes('<w:embedTrueTypeFonts')) return xml;
    const flags = '<w:embedTrueTypeFonts/><w:saveSubsetFonts/>';
    return xml.includes('<w:displayBackgroundShape/>') ? xml.replace('<w:displayBackgroundShape/>', `<w:displayBackgroundShape/>${flags}`) : xml.replace(/(<w:settings\b[^>]*>)/, `$1${flags}`);
  });
}

function edit(parts: Parts, path: string, change: (xml: string) => string): void {
  const xml = parts.get(path);
  const text = typeof xml === 'string' ? xml : xml ? Buffer.from(xml).toString('utf8') : null;
  if (text !== null) parts.set(path, change(text));
}
