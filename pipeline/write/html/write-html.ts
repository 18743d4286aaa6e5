import type { Element, ElementContent, Root as HastRoot, Text as HastText } from 'hast';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { subtitlesOf, type Publication } from '../../publish/parse-publication.js';
import { FONT_FILES } from '../../util/fonts.js';
import type { Assets } from '../assets.js';
import { pageStyleNamed, type PageStyle } from '../page-style.js';
import { escapeHtml } from '../../util/escape-html.js';
import { splitParagraphRefs } from '../text-runs.js';
import { fontFace } from './font-subset.js';
import { TOC_DEPTH } from '../contents.js';
import { isAddressText } from '../address-line.js';

/** ¶12 in any text becomes <span class="para-ref">¶12</span>, split as the other writers split it. */
function markParagraphRefs(tree: HastRoot): void {
  visit(tree, 'text', (node: HastText, index, parent) => {
    if (!parent || index === undefined) return;
    const runs = splitParagraphRefs({ text: node.value });
    if (!runs.some((r) => r.paragraphRef)) return;
    const pieces: ElementContent[] = runs.map((r) =>
      r.paragraphRef ? { type: 'element', tagName: 'span', properties: { className: ['para-ref'] }, children: [{ type: 'text', value: r.text }] } : { type: 'text', value: r.text },
    );
    parent.children.splice(index, 1, ...pieces);
    return index + pieces.length;
  });
}

/** An address line (各位代表：) is set flush left on the official page, as the PDF and DOCX set it. */
function markAddressLines(tree: HastRoot): void {
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'p' && isAddressText(hastText(node))) node.properties.className = ['address'];
  });
}

/** Charts are embedded (data: URLs), with their source line as a caption, so the page stands alone. */
function embedCharts(tree: HastRoot, assets: Assets): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'img' || !parent || index === undefined) return;
    const src = String(node.properties.src ?? '');
    const chart = assets.get(src);
    if (!chart) return;
    node.properties.src = `data:image/png;base64,${chart.png.toString('base64')}`;
    node.properties.width = Math.round((chart.spec.widthMm / 25.4) * 96);
    const caption = node.properties.title ? String(node.properties.title) : null;
    delete node.properties.title;
    const figure: Element = {
      type: 'element',
      tagName: 'figure',
      properties: {},
      children: [{ ...node }, ...(caption ? [{ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] } as Element] : [])],
    };
    // A paragraph holding only the image becomes the figure.
    parent.children.splice(index, 1, figure);
  });
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'p' && node.children.length === 1 && (node.children[0] as Element).tagName === 'figure' && parent && index !== undefined) {
      parent.children.splice(index, 1, node.children[0]);
    }
  });
}

/** [TOC] becomes a list of links to the headings the contents list (depths 1 to TOC_DEPTH), which get ids. */
function tableOfContents(tree: HastRoot): void {
  const entries: Array<{ id: string; depth: number; text: string }> = [];
  let n = 0;
  visit(tree, 'element', (node: Element) => {
    if (/^h\d$/.test(node.tagName) && Number(node.tagName[1]) <= TOC_DEPTH) {
      const id = `s${++n}`;
      node.properties.id = id;
      entries.push({ id, depth: Number(node.tagName[1]), text: hastText(node) });
    }
  });
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'p' || hastText(node).trim() !== '[TOC]' || !parent || index === undefined) return;
    const nav: Element = {
      type: 'element',
      tagName: 'nav',
      properties: { className: ['toc'] },
      children: [
        { type: 'element', tagName: 'h2', properties: {}, children: [{ type: 'text', value: '目　录' }] },
        {
          type: 'element',
          tagName: 'ol',
          properties: {},
          children: entries.map((e) => ({ type: 'element', tagName: 'li', properties: { className: [`toc${e.depth}`] }, children: [{ type: 'element', tagName: 'a', properties: { href: `#${e.id}` }, children: [{ type: 'text', value: e.text }] }] }) as Element),
        },
      ],
    };
    parent.children.splice(index, 1, nav);
  });
}

function hastText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((c) => hastText(c as ElementContent)).join('');
  return '';
}

function stylesheet(style: PageStyle, fonts: string): string {
  const m = style.marginsMm;
  const body = style.fixedGrid ? 'briefs-body' : 'briefs-serif';
  return `${fonts}
:root { --accent: ${style.colours.accent}; --muted: ${style.colours.muted}; --rule: ${style.colours.rule}; }
html { background: #f4f1ee; }
body { font-family: "${body}", "Noto Serif SC", serif; font-size: ${Math.min(style.bodySizePt, 13) * (96 / 72)}px; line-height: 1.75; color: #1b1b1b; margin: 0; }
main, header.title { max-width: 46em; margin: 0 auto; background: #fff; padding: 1.5em 2.5em; }
header.title { padding-top: 2.5em; text-align: center; }
header.title h1 { font-family: "briefs-sans", sans-serif; color: var(--accent); font-size: 1.8em; margin: 0 0 .3em; }
header.title p { color: var(--muted); margin: .1em 0; text-align: center; text-indent: 0; }
h1, h2, h3, h4, h5, h6 { font-family: "briefs-sans", sans-serif; line-height: 1.4; }
h1 { color: var(--accent); font-size: 1.35em; } h2 { font-size: 1.15em; } h3, h4 { font-size: 1em; }
p { text-align: justify; text-indent: ${style.firstLineIndentChars}em; margin: 0 0 .4em; }
li p, td p, figcaption, blockquote p, p.address { text-indent: 0; }
.para-ref { font-family: "briefs-sans", sans-serif; font-size: .68em; color: var(--muted); margin-right: .3em; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1em; font-size: .9em; }
th, td { border-top: 1px solid var(--rule); padding: .3em .5em; vertical-align: top; }
thead th { font-family: "briefs-sans", sans-serif; border-top: 2px solid #8b8b8b; border-bottom: 2px solid #8b8b8b; text-align: left; }
blockquote { background: #f3ece6; margin: .5em 0 1em; padding: .6em 1em; }
blockquote table td, blockquote table th { border: 0; text-align: center; }
blockquote thead th { color: var(--accent); font-size: 1.35em; border: 0; text-align: center; }
figure { margin: 1em 0; text-align: center; } figure img { max-width: 100%; height: auto; }
figcaption { font-family: "briefs-sans", sans-serif; color: var(--muted); font-size: .8em; }
nav.toc ol { list-style: none; padding: 0; } nav.toc li.toc2 { padding-left: 1.5em; } nav.toc a { color: inherit; text-decoration: none; }
hr { border: 0; border-top: 1px solid var(--rule); }
${style.fixedGrid ? 'h2, header.title p { font-family: "briefs-kai", "briefs-body", serif; }\n' : ''}@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
@media print { html { background: #fff; } main, header.title { max-width: none; padding: 0; } h1, h2, h3 { break-after: avoid; } tr, figure, blockquote { break-inside: avoid; } thead { display: table-header-group; } nav.toc { break-after: page; } }
`;
}

/**
 * The HTML edition of a publication, from the same publication tree as the DOCX and PDF:
 * the same text, tables, charts and ¶ references; print CSS for A4; the CJK fonts from the same
 * packages, subset to the page's characters and inlined, so it works offline and from file://.
 * Nothing active: no scripts, and the Markdown's raw HTML is not carried over.
 */
export function writeHtml(publication: Publication, assets: Assets): string {
  const style = pageStyleNamed(publication.meta.style, publication.meta.density);
  const hast = unified().use(remarkRehype, { allowDangerousHtml: false, footnoteLabel: '注释', footnoteBackLabel: '返回正文' }).runSync(publication.tree as Root) as HastRoot;
  markParagraphRefs(hast);
  if (style.fixedGrid) markAddressLines(hast);
  embedCharts(hast, assets);
  tableOfContents(hast);
  const main = unified().use(rehypeStringify).stringify(hast);

  const { meta } = publication;
  const subtitles = subtitlesOf(meta);
  const title = String(meta.title ?? '');
  const allText = [title, ...subtitles, toString(publication.tree), '目　录注释返回正文'].join('');
  const fonts = [
    fontFace('briefs-serif', FONT_FILES.serifRegular, allText),
    fontFace('briefs-sans', FONT_FILES.sansRegular, allText),
    // The official page's FangSong-like body and its Kai (（一） headings, occasion line, byline), as the PDF sets them.
    ...(style.fixedGrid ? [fontFace('briefs-body', FONT_FILES.serifLight, allText), fontFace('briefs-kai', FONT_FILES.kai, allText)] : []),
  ].join('\n');

  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="briefs">
<title>${escapeHtml(title)}${meta.header ? ` · ${escapeHtml(String(meta.header))}` : ''}</title>
<style>
${stylesheet(style, fonts)}</style>
</head>
<body>
<header class="title"><h1>${escapeHtml(title)}</h1>${subtitles.map((s) => `<p>${escapeHtml(s)}</p>`).join('')}</header>
<main>
${main}
</main>
</body>
</html>
`;
}
