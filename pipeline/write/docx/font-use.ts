// Which faces a DOCX's text is set in, and which characters each sets: read from the parts' XML
// as Word resolves a run's font (the run's own, its character style, its paragraph style, the
// document defaults), so that the DOCX can embed exactly the glyphs it prints.

/** A run's font properties, where they are given. */
interface RunFont {
  family?: string;
  bold?: boolean;
}

interface StyleDef extends RunFont {
  basedOn?: string;
}

/** The characters set in each face, by family and weight (`Noto Serif SC` → regular/bold). */
export type FontUse = Map<string, { regular: Set<string>; bold: Set<string> }>;

const attr = (xml: string, name: string) => xml.match(new RegExp(`\\b${name}="([^"]*)"`))?.[1];

/** The font properties an rPr (or a run's XML) gives. */
function runFont(xml: string): RunFont {
  const rPr = xml.match(/<w:rPr>([\s\S]*?)<\/w:rPr>/)?.[1] ?? '';
  const fonts = rPr.match(/<w:rFonts\b[^>]*>/)?.[0];
  const bold = rPr.match(/<w:b(?:\s[^>]*)?\/>/)?.[0];
  return {
    family: fonts ? (attr(fonts, 'w:eastAsia') ?? attr(fonts, 'w:ascii')) : undefined,
    bold: bold === undefined ? undefined : !/w:val="(false|0|off)"/.test(bold),
  };
}

function styleDefs(styles: string): Map<string, StyleDef> {
  const defs = new Map<string, StyleDef>();
  for (const [, open, body] of styles.matchAll(/<w:style\b([^>]*)>([\s\S]*?)<\/w:style>/g)) {
    const id = attr(open, 'w:styleId');
    if (id) defs.set(id, { ...runFont(body), basedOn: body.match(/<w:basedOn w:val="([^"]*)"/)?.[1] });
  }
  return defs;
}

/** A property of a style, or of the style it is based on, and so on up. */
function inherited<K extends keyof RunFont>(defs: Map<string, StyleDef>, id: string | undefined, key: K): RunFont[K] {
  for (let seen = 0; id && seen < 20; seen++) {
    const def = defs.get(id);
    if (!def) return undefined;
    if (def[key] !== undefined) return def[key];
    id = def.basedOn;
  }
  return undefined;
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The text parts of a DOCX: body, notes, headers and footers. */
export const isTextPart = (path: string) => /^word\/(document|footnotes|endnotes|header\d*|footer\d*)\.xml$/.test(path);

/** Every face the text of a DOCX's parts is set in, with the characters it sets. */
export function fontUse(parts: Map<string, string | Uint8Array>): FontUse {
  const styles = parts.get('word/styles.xml');
  const styleXml = typeof styles === 'string' ? styles : '';
  const defs = styleDefs(styleXml);
  const defaults = runFont(styleXml.match(/<w:rPrDefault>([\s\S]*?)<\/w:rPrDefault>/)?.[1] ?? '');
  const use: FontUse = new Map();
  for (const [path, xml] of parts) {
    if (!isTextPart(path) || typeof xml !== 'string') continue;
    for (const [paragraph] of xml.matchAll(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g)) {
      const pStyle = paragraph.match(/<w:pStyle w:val="([^"]*)"/)?.[1];
      for (const [run] of paragraph.matchAll(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g)) {
        const text = [...run.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => unescapeXml(t[1])).join('');
        if (!text) continue;
        const own = runFont(run);
        const rStyle = run.match(/<w:rStyle w:val="([^"]*)"/)?.[1];
        const pick = <K extends keyof RunFont>(key: K) => own[key] ?? inherited(defs, rStyle, key) ?? inherited(defs, pStyle, key) ?? defaults[key];
        const family = pick('family');
        if (!family) continue;
        let faces = use.get(family);
        if (!faces) use.set(family, (faces = { regular: new Set(), bold: new Set() }));
        const set = pick('bold') ? faces.bold : faces.regular;
        for (const ch of text) set.add(ch);
      }
    }
  }
  return use;
}
