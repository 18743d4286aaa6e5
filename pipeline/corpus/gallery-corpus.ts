import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { escapeHtml } from '../util/escape-html.js';

/** A comparison or series in OUT, as the gallery lists it. */
export interface CorpusEntry {
  base: string;
  kind: 'compare' | 'series';
  title: string;
  issuers: string[];
  years: number[];
  files: string[];
}

/** The comparisons and series OUT holds, comparisons first (by year), then series (by issuer). */
export async function readCorpusEntries(outDir: string): Promise<CorpusEntry[]> {
  const names = (await readdir(outDir).catch(() => [])).filter((f) => /^(compare|series)-.+\.json$/.test(f)).sort();
  const entries: CorpusEntry[] = [];
  for (const name of names) {
    const base = name.replace(/\.json$/, '');
    if (!existsSync(join(outDir, `${base}.pdf`))) continue;
    let data: any;
    try {
      data = JSON.parse(await readFile(join(outDir, name), 'utf8'));
    } catch {
      continue;
    }
    const files = ['pdf', 'docx', 'html', 'json', 'csv'].filter((ext) => existsSync(join(outDir, `${base}.${ext}`)));
    if (base.startsWith('compare-')) {
      const issuers: string[] = (data.issuers ?? []).map((i: any) => String(i.issuer));
      entries.push({ base, kind: 'compare', title: `${data.year}年各地主要预期目标一览（${issuers.length}地）`, issuers, years: [Number(data.year)], files });
    } else {
      const years: number[] = (data.years ?? []).map((y: any) => Number(y.year));
      entries.push({ base, kind: 'series', title: `${data.issuer}历年目标与实绩（${years[0]}—${years[years.length - 1]}）`, issuers: [String(data.issuer)], years, files });
    }
  }
  return entries.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'compare' ? -1 : 1));
}

/** The gallery's first section: each comparison and series with its thumbnail and files. */
export function corpusSectionHtml(entries: CorpusEntry[]): string {
  if (entries.length === 0) return '';
  const items = entries
    .map(
      (e) => `<li class="pub" data-pub="${e.kind}" data-issuers="${escapeHtml(e.issuers.join('|'))}" data-years="${e.years.join('|')}" data-title="${escapeHtml(e.title)}"><a class="thumb" href="${escapeHtml(`${e.base}.pdf`)}"><img src="${escapeHtml(`thumbs/${e.base}.png`)}" alt="${escapeHtml(e.title)}：第一页" loading="lazy" width="150"></a>
<span class="name">${escapeHtml(e.title)}</span>
<span class="links">${e.files.map((ext) => `<a href="${escapeHtml(`${e.base}.${ext}`)}">${ext.toUpperCase()}</a>`).join(' ')}</span></li>`,
    )
    .join('\n');
  return `<section class="corpus report" id="corpus">
<h2>比较与历年序列</h2>
<ul class="publications">
${items}
</ul>
</section>`;
}

/**
 * Filtering and search, in the page: by issuer, year and publication, and by words of a title.
 * Plain DOM over data- attributes, no network; a thousand reports filter at once.
 */
export const GALLERY_FILTER_SCRIPT = `
const controls = { issuer: document.getElementById('f-issuer'), year: document.getElementById('f-year'), pub: document.getElementById('f-pub'), q: document.getElementById('f-q') };
function applyFilters() {
  const issuer = controls.issuer.value, year = controls.year.value, pub = controls.pub.value, q = controls.q.value.trim().toLowerCase();
  let shown = 0;
  for (const report of document.querySelectorAll('section.report')) {
    let any = false;
    for (const item of report.querySelectorAll('li.pub')) {
      const ok = (!issuer || item.dataset.issuers.split('|').includes(issuer)) && (!year || item.dataset.years.split('|').includes(year)) && (!pub || item.dataset.pub === pub) && (!q || item.dataset.title.toLowerCase().includes(q));
      item.hidden = !ok;
      if (ok) { any = true; shown++; }
    }
    report.hidden = !any;
  }
  for (const group of document.querySelectorAll('section.issuer')) group.hidden = !group.querySelector('section.report:not([hidden])');
  document.getElementById('f-count').textContent = shown + ' 份';
}
for (const control of Object.values(controls)) control.addEventListener('input', applyFilters);
applyFilters();
`;
