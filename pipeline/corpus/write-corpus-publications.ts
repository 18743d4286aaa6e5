import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pruneCorpusPublications } from '../batch/prune-outputs.js';
import { thumbnailOfPage } from '../batch/gallery/page-thumbnail.js';
import type { ChartSpec } from '../charts/render-chart.js';
import { parsePublication } from '../publish/parse-publication.js';
import { compileTemplate } from '../publish/template.js';
import { writeFilesAtomic } from '../util/atomic-write.js';
import { BriefsError, describeError } from '../util/errors.js';
import { assetsOf, chartPath } from '../write/assets.js';
import { writeDocx } from '../write/docx/write-docx.js';
import { writeHtml } from '../write/html/write-html.js';
import { writePdf } from '../write/pdf/write-pdf.js';
import { comparisonJson, comparisons, type Comparison } from './compare-view.js';
import { compareGdpChart, phrasesChart, seriesChart } from './corpus-charts.js';
import type { CorpusRecord } from './corpus-record.js';
import { csvOf } from './csv.js';
import { comparisonTemplateView, seriesKinds, seriesTemplateView, STATUS_LABEL } from './publication-views.js';
import { seriesJson, seriesOf, type Series } from './series-view.js';

/** The corpus records every report's build wrote (OUT/<slug>/corpus.json), in slug order. */
export async function readCorpusRecords(outDir: string): Promise<CorpusRecord[]> {
  const records: CorpusRecord[] = [];
  for (const slug of (await readdir(outDir).catch(() => [])).sort()) {
    const path = join(outDir, slug, 'corpus.json');
    const text = await readFile(path, 'utf8').catch(() => null);
    if (text === null) continue;
    try {
      records.push(JSON.parse(text));
    } catch {
      throw new BriefsError(path, 'not readable JSON; build the report again');
    }
  }
  return records;
}

interface PublicationFiles {
  base: string;
  template: string;
  context: object;
  charts: ChartSpec[];
  data: Array<[string, string]>;
  date: Date;
}

/** Writes one corpus publication through the same path as a report's: template → Markdown → DOCX, PDF, HTML. */
async function writePublication(outDir: string, templatesDir: string, p: PublicationFiles): Promise<string[]> {
  const templatePath = join(templatesDir, p.template);
  const source = await readFile(templatePath, 'utf8').catch(() => {
    throw new BriefsError(templatePath, 'template not found');
  });
  const parsed = parsePublication(compileTemplate(source, templatePath)(p.context), templatePath);
  const assets = assetsOf(p.charts);
  const pdf = await writePdf(parsed, assets, { date: p.date, file: templatePath });
  const docx = await writeDocx(parsed, assets, { date: p.date, file: templatePath, headingPages: pdf.headingPages, pageStarts: pdf.pageStarts });
  const html = writeHtml(parsed, assets);
  const files = [
    ...p.data.map(([ext, data]) => ({ path: join(outDir, `${p.base}.${ext}`), data })),
    ...p.charts.map((spec) => ({ path: join(outDir, chartPath(spec.name)), data: assets.get(chartPath(spec.name))!.png })),
    { path: join(outDir, `${p.base}.docx`), data: docx },
    { path: join(outDir, `${p.base}.pdf`), data: pdf.pdf },
    { path: join(outDir, `${p.base}.html`), data: html },
    { path: join(outDir, 'thumbs', `${p.base}.png`), data: await thumbnailOfPage(pdf.firstPage) },
  ];
  await writeFilesAtomic(files);
  return files.map((f) => f.path);
}

function comparisonCsv(comparison: Comparison): string {
  return csvOf(
    ['issuer', 'slug', 'target', 'written', 'value', 'upper', 'unit', 'qualifier', 'line', 'paragraph'],
    comparison.issuers.flatMap((i) => comparison.kinds.filter((k) => i.targets[k.key]).map((k) => {
      const f = i.targets[k.key];
      return [i.issuer, i.slug, k.label, f.written, f.value, f.upper ?? '', f.unit, f.qualifier ?? '', f.line, f.paragraph];
    })),
  );
}

function seriesCsv(series: Series): string {
  const kinds = seriesKinds(series);
  return csvOf(
    ['year', 'target', 'written', 'value', 'upper', 'unit', 'line', 'paragraph', 'result', 'result_line', 'status'],
    series.years.flatMap((y) => y.items.filter((i) => kinds.includes(i.kind.key)).map((i) => [
      y.year, i.kind.label, i.target?.written ?? '', i.target?.value ?? '', i.target?.upper ?? '', i.target?.unit ?? '', i.target?.line ?? '', i.target?.paragraph ?? '',
      i.result?.value ?? '', i.result?.line ?? '', STATUS_LABEL[i.status],
    ])),
  );
}

const dateOf = (year: number, sourceDateEpoch?: number) => (sourceDateEpoch !== undefined ? new Date(sourceDateEpoch * 1000) : new Date(Date.UTC(year, 0, 1)));

/**
 * OUT/compare-<year>.* for each year three or more issuers share, and OUT/series-<issuer>.* for
 * each issuer with three or more years, from the records in OUT. Returns the problems, one line each.
 */
export async function writeCorpusPublications(outDir: string, templatesDir: string, options: { sourceDateEpoch?: number; debug?: boolean } = {}): Promise<{ written: string[]; removed: string[]; errors: string[] }> {
  const records = await readCorpusRecords(outDir);
  const made = new Set<string>();
  const written: string[] = [];
  const errors: string[] = [];
  const attempt = async (template: string, make: () => Promise<string[]>) => {
    try {
      written.push(...(await make()));
    } catch (error) {
      if (options.debug) console.error(error);
      errors.push(describeError(error, join(templatesDir, template)));
    }
  };
  for (const comparison of comparisons(records)) {
    made.add(`compare-${comparison.year}`);
    const chart = compareGdpChart(comparison);
    await attempt('compare.md.hbs', () =>
      writePublication(outDir, templatesDir, {
        base: `compare-${comparison.year}`,
        template: 'compare.md.hbs',
        context: comparisonTemplateView(comparison, chart),
        charts: chart ? [chart] : [],
        data: [['json', comparisonJson(comparison)], ['csv', comparisonCsv(comparison)]],
        date: dateOf(comparison.year, options.sourceDateEpoch),
      }),
    );
  }
  for (const series of seriesOf(records)) {
    made.add(`series-${series.slug}`);
    const charts = ['gdp', 'cpi', 'jobs', series.years.some((y) => y.items.some((i) => i.kind.key === 'surveyed' && i.target)) ? 'surveyed' : 'registered']
      .map((key) => seriesChart(series, key))
      .filter((c): c is ChartSpec => c !== null);
    const phrases = phrasesChart(series);
    await attempt('series.md.hbs', () =>
      writePublication(outDir, templatesDir, {
        base: `series-${series.slug}`,
        template: 'series.md.hbs',
        context: seriesTemplateView(series, charts, phrases),
        charts: [...charts, ...(phrases ? [phrases] : [])],
        data: [['json', seriesJson(series)], ['csv', seriesCsv(series)]],
        date: dateOf(series.years[series.years.length - 1].year, options.sourceDateEpoch),
      }),
    );
  }
  // Those of a year or an issuer that no longer has three reports go, and so leave the gallery.
  const removed = await pruneCorpusPublications(outDir, made);
  return { written, removed, errors };
}
