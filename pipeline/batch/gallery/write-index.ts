import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { readManifest } from '../incremental.js';
import { escapeHtml } from '../../util/escape-html.js';
import { FONT_FILES } from '../../util/fonts.js';
import { fontFace } from '../../write/html/font-subset.js';
import { corpusSectionHtml, GALLERY_FILTER_SCRIPT, readCorpusEntries } from '../../corpus/gallery-corpus.js';

/** How publications are named in the gallery, and in which order they come. */
const LABELS: Array<[RegExp, (m: RegExpMatchArray) => string]> = [
  [/^summary$/, () => '执行摘要'],
  [/^brief-(.+)$/, (m) => `简报：${m[1]}`],
  [/^indicators$/, () => '主要指标'],
  [/^targets-review$/, () => '目标完成情况'],
  [/^fulltext$/, () => '全文（阅读版）'],
];

/**
 * A publication's name in the gallery and its place. A brief is named by its audience's title
 * (the audience file's `title:`), the briefs in the audiences' order.
 */
function label(name: string, briefTitles: ReadonlyMap<string, string>): { text: string; order: number } {
  for (const [i, [pattern, make]] of LABELS.entries()) {
    const m = name.match(pattern);
    if (!m) continue;
    const audience = [...briefTitles.keys()].indexOf(name);
    return { text: briefTitles.get(name) ?? make(m), order: i + (audience >= 0 ? audience / briefTitles.size : 0.99) };
  }
  return { text: name, order: LABELS.length };
}

/** A link to a file of OUT, each part URL-encoded (a report named a#b.txt), then escaped for the attribute. */
const href = (...parts: string[]) => escapeHtml(parts.map(encodeURIComponent).join('/'));

/** The formats a publication is written in, in the order the gallery links them. */
const GALLERY_FORMATS = ['pdf', 'docx', 'html'];

interface ReportEntry {
  slug: string;
  title: string;
  year: number | null;
  issuer: string | null;
  warnings: string[];
  /** Each publication, with the formats written and those not (FORMATS chose fewer; none: PUBLICATIONS left it out). */
  publications: Array<{ name: string; label: string; order: number; files: string[]; missing: string[]; failed: string | null }>;
  data: string[];
}

async function readEntries(outDir: string, briefTitles: ReadonlyMap<string, string>): Promise<ReportEntry[]> {
  const entries: ReportEntry[] = [];
  // Why a publication could not be made (its template failed), as the build recorded it.
  const manifest = await readManifest(outDir);
  for (const slug of (await readdir(outDir).catch(() => [])).sort()) {
    const folder = join(outDir, slug);
    const meta = join(folder, 'indicators.json');
    if (!existsSync(meta)) continue;
    let report: any = {};
    try {
      report = JSON.parse(await readFile(meta, 'utf8')).report ?? {};
    } catch {
      // A report folder without readable metadata is still listed, by its name.
    }
    const files = await readdir(folder);
    // The publications written in any format, and those every report has that are not there.
    const written = files.map((f) => f.match(/^(.+)\.(pdf|docx|html)$/)?.[1]).filter((name): name is string => Boolean(name));
    const expected = ['fulltext', 'summary', 'indicators', ...briefTitles.keys(), ...(files.includes('targets-review.json') ? ['targets-review'] : [])];
    const publications = [...new Set([...written, ...expected])]
      .map((name) => {
        const { text, order } = label(name, briefTitles);
        const formats = GALLERY_FORMATS.filter((ext) => files.includes(`${name}.${ext}`));
        return { name, label: text, order, files: formats, missing: GALLERY_FORMATS.filter((ext) => !formats.includes(ext)), failed: manifest.reports[slug]?.outputs[name]?.error ?? null };
      })
      .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name));
    entries.push({
      slug,
      title: report.displayTitle ?? report.title ?? slug,
      year: report.year ?? null,
      issuer: report.issuer ?? null,
      warnings: Array.isArray(report.warnings) ? report.warnings : [],
      publications,
      data: ['indicators.csv', 'indicators.json', 'targets-review.json'].filter((f) => files.includes(f)),
    });
  }
  return entries;
}

/**
 * OUT/index.html: the comparisons and series first, then every report grouped by issuer and
 * year, each publication with the thumbnail of its first page (loaded as it scrolls into view)
 * and links to its PDF, DOCX and HTML; the report's data files; and the warnings the reader
 * gave. Filters by issuer, year and publication and a title search run in the page. Plain HTML
 * with relative links: it works from file:// and offline. Briefs are named by `briefTitles`
 * (publication → its audience's title).
 */
export async function writeGalleryIndex(outDir: string, briefTitles: ReadonlyMap<string, string> = new Map()): Promise<string> {
  const entries = await readEntries(outDir, briefTitles);
  const corpus = await readCorpusEntries(outDir);
  const reportHtml = (r: ReportEntry) => `<section class="report" id="${escapeHtml(r.slug)}">
<h3>${escapeHtml(r.title)}</h3>
<p class="meta">${[r.year ? `${r.year}年` : '', r.issuer ?? '', r.slug].filter(Boolean).map(escapeHtml).join(' · ')}${r.data.length ? ' · ' : ''}${r.data.map((f) => `<a href="${href(r.slug, f)}">${escapeHtml(f)}</a>`).join(' ')}</p>
<ul class="publications">
${r.publications
  .map(
    (p) => {
      const attributes = `data-pub="${escapeHtml(p.name)}" data-issuers="${escapeHtml(r.issuer ?? '')}" data-years="${r.year ?? ''}" data-title="${escapeHtml(`${r.title} ${p.label}`)}"`;
      if (p.failed) {
        return `<li class="pub failed" ${attributes} title="${escapeHtml(p.failed)}"><span class="thumb">生成失败</span>
<span class="name">${escapeHtml(p.label)}</span>
<span class="links">${escapeHtml(p.failed)}</span></li>`;
      }
      if (p.files.length === 0) {
        return `<li class="pub not-built" ${attributes} title="not built: PUBLICATIONS left it out"><span class="thumb">未生成</span>
<span class="name">${escapeHtml(p.label)}</span></li>`;
      }
      return `<li class="pub" ${attributes}><a class="thumb" href="${href(r.slug, `${p.name}.${p.files[0]}`)}"><img src="${href(r.slug, 'thumbs', `${p.name}.png`)}" alt="${escapeHtml(p.label)}：第一页" loading="lazy" width="150"></a>
<span class="name">${escapeHtml(p.label)}</span>
<span class="links">${p.files.map((ext) => `<a href="${href(r.slug, `${p.name}.${ext}`)}">${ext.toUpperCase()}</a>`).join(' ')}${p.missing.map((ext) => ` <span class="not-built" title="not built: FORMATS left it out">${ext.toUpperCase()} 未生成</span>`).join('')}</span></li>`;
    },
  )
  .join('\n')}
</ul>
${r.warnings.length ? `<details class="warnings"><summary>读取时的提示（${r.warnings.length}）</summary><ul>${r.warnings.map((w) => `<li>${escapeHtml(w)}</li>`).join('')}</ul></details>` : ''}
</section>`;
  // Grouped by issuer (those with most reports first), then by year, newest first.
  const groups = new Map<string, ReportEntry[]>();
  for (const entry of entries) groups.set(entry.issuer ?? '', [...(groups.get(entry.issuer ?? '') ?? []), entry]);
  const grouped = [...groups].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
  const reports = grouped
    .map(([issuer, group]) => `<section class="issuer">
<h2>${escapeHtml(issuer || '发文机关不详')}<span class="count">${group.length} 份报告</span></h2>
${[...group].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || a.slug.localeCompare(b.slug)).map(reportHtml).join('\n')}
</section>`)
    .join('\n');
  const issuers = grouped.map(([issuer]) => issuer).filter(Boolean);
  const years = [...new Set([...entries.map((e) => e.year), ...corpus.flatMap((c) => c.years)].filter((y): y is number => y !== null))].sort((a, b) => b - a);
  const kinds = [...new Map([...(corpus.some((c) => c.kind === 'compare') ? [['compare', '各地比较']] : []), ...(corpus.some((c) => c.kind === 'series') ? [['series', '历年序列']] : []), ...entries.flatMap((e) => e.publications.map((p) => [p.name, p.label]))] as Array<[string, string]>)];
  const option = (value: string, text: string) => `<option value="${escapeHtml(value)}">${escapeHtml(text)}</option>`;
  const controls = entries.length + corpus.length === 0 ? '' : `<div class="filters" role="search">
<select id="f-issuer" aria-label="发文机关">${option('', '全部发文机关')}${issuers.map((i) => option(i, i)).join('')}</select>
<select id="f-year" aria-label="年份">${option('', '全部年份')}${years.map((y) => option(String(y), `${y}年`)).join('')}</select>
<select id="f-pub" aria-label="出版物">${option('', '全部出版物')}${kinds.map(([value, text]) => option(value, text)).join('')}</select>
<input id="f-q" type="search" placeholder="按标题搜索" aria-label="按标题搜索">
<span id="f-count"></span>
</div>`;
  // The page's Chinese is set in Noto Sans SC from the npm package, subset and inlined: a
  // machine without CJK fonts would show boxes.
  const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('');
  const text = `${ascii}全部出版物未生成生成失败读取时的提示OUT中还没有出版物：运行年发文机关不详份报告比较与历年序列各地比较历年序列全部发文机关全部年份按标题搜索${entries.map((e) => JSON.stringify(e)).join('')}${corpus.map((c) => JSON.stringify(c)).join('')}${LABELS.map(([, make]) => make(['', ''] as unknown as RegExpMatchArray)).join('')}`;
  const sansFace = fontFace('briefs-sans', FONT_FILES.sansRegular, text);
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>briefs · 全部出版物</title>
<style>
${sansFace}
body { font-family: "briefs-sans", sans-serif; margin: 0; background: #f4f1ee; color: #1b1b1b; }
header { background: #8b1a1a; color: #fff; padding: 1em 2em; } header h1 { margin: 0; font-size: 1.4em; }
main { padding: 1em 2em; } .report { background: #fff; margin: 0 0 1.5em; padding: 1em 1.5em; }
.report h2, .report h3 { margin: 0; color: #8b1a1a; } .issuer > h2 { margin: .6em 0 .5em; font-size: 1.25em; }
.count { font-size: .7em; color: #6b6b6b; margin-left: .8em; font-weight: normal; }
.filters { display: flex; flex-wrap: wrap; gap: .6em; margin-top: .6em; } .filters select, .filters input { font: inherit; padding: .2em .4em; }
#f-count { align-self: center; } [hidden] { display: none !important; } .meta { color: #6b6b6b; margin: .3em 0 1em; font-size: .9em; }
.publications { list-style: none; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 1.2em; }
.publications li { width: 152px; display: flex; flex-direction: column; gap: .2em; font-size: .85em; }
.thumb img { width: 150px; border: 1px solid #ccc; background: #fff; display: block; }
.links a { margin-right: .4em; } .not-built { color: #9b9b9b; white-space: nowrap; } li.failed { color: #8b1a1a; } li.failed .links { font-size: .8em; word-break: break-all; }
li.not-built .thumb, li.failed .thumb { width: 150px; height: 212px; border: 1px dashed #ccc; display: flex; align-items: center; justify-content: center; } .warnings { margin-top: 1em; font-size: .85em; color: #6b6b6b; }
</style>
</head>
<body>
<header><h1>全部出版物</h1>
${controls}
</header>
<main>
${corpusSectionHtml(corpus)}
${reports || '<p>OUT 中还没有出版物：运行 <code>make briefs</code>。</p>'}
</main>
${controls ? `<script>${GALLERY_FILTER_SCRIPT}</script>` : ''}
</body>
</html>
`;
  const path = join(outDir, 'index.html');
  await writeFileAtomic(path, html);
  return path;
}
