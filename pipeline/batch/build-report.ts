import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { readSettingsText } from '../util/yaml-file.js';
import { join } from 'node:path';
import { growthChart, reviewChart, targetsChart } from '../charts/indicator-charts.js';
import { chartedItems, reviewTemplateView, targetsReview, targetsReviewJson, type TargetsReview } from '../review/review-view.js';
import { industryStructureChart } from '../charts/industry-structure-chart.js';
import type { ChartSpec } from '../charts/render-chart.js';
import type { ReportModel } from '../model/report-model.js';
import { parsePublication } from '../publish/parse-publication.js';
import { compileTemplate } from '../publish/template.js';
import { writeFileAtomic, writeFilesAtomic } from '../util/atomic-write.js';
import { BriefsError, describeError } from '../util/errors.js';
import { assetsOf, chartPath } from '../write/assets.js';
import { writeDocx } from '../write/docx/write-docx.js';
import { indicatorsCsv, indicatorsJson } from './exports.js';
import { corpusRecordJson } from '../corpus/corpus-record.js';
import { countPages, writePdf } from '../write/pdf/write-pdf.js';
import { thumbnailOfPage } from './gallery/page-thumbnail.js';
import { writeHtml } from '../write/html/write-html.js';
import type { Audience } from '../audiences/audience.js';
import type { Topics } from '../audiences/topics.js';
import { ALL_PATCHES, installPatches, type PatchSettings } from '../patches/index.js';
import { briefAt, briefCandidates, type Take } from '../model/brief-view.js';
import { fitContent } from './fit-to-pages.js';
import { publicationsFor, templateContext } from './publications.js';
import { prepareReport, slugOf, type PreparedReport } from '../model/prepare-report.js';
import { MAX_PRINTED_INDICATORS } from '../model/indicator-view.js';
import { FORMATS, type Format } from './selection.js';

export interface BuildOptions {
  outDir: string;
  templatesDir: string;
  /** The audiences whose briefs to build (all of templates/audiences/, or the one AUDIENCE names). */
  audiences: Audience[];
  topics: Topics;
  /** SOURCE_DATE_EPOCH, the date written into documents, in seconds. */
  sourceDateEpoch?: number;
  /** Print stack traces with errors. */
  debug?: boolean;
  /** Which patches of the writers' packages go in (default all). */
  patches?: PatchSettings;
  /** The same issuer's report of the year before, whose targets this report's results judge. */
  earlier?: ReportModel;
  /** The report, read already (by the batch's pairing pass). */
  prepared?: PreparedReport;
  /** Only these publications (the stale ones); all when absent. */
  only?: string[];
  /** FORMATS: the files of each publication to write (default all). */
  formats?: readonly Format[];
  /** Whether to write charts and exports (false when they are up to date). */
  writeData?: boolean;
  /** Called for each stage, for progress lines. */
  onStage?: (stage: string) => void;
}

export interface BuildResult {
  slug: string;
  /** Milliseconds spent per stage: read, extract, charts, exports, templates, docx, pdf. */
  timings: Record<string, number>;
  written: string[];
  warnings: string[];
  /** Publications that could not be made (template errors); the others were written. */
  errors: string[];
  /** Per publication that could not be made, why: its files of an earlier build are removed. */
  failed: Record<string, string>;
  /** Files written per output ('data' for charts and exports, else the publication's name). */
  outputs: Record<string, string[]>;
}

/** The date written into documents: SOURCE_DATE_EPOCH when set, else a fixed day of the report's year. */
export function documentDate(model: ReportModel, sourceDateEpoch?: number): Date {
  if (sourceDateEpoch !== undefined) return new Date(sourceDateEpoch * 1000);
  return new Date(Date.UTC(model.year ?? 2000, 0, 1));
}

/** The charts of a report (and of its targets review, when there is one). */
function chartSpecs(model: ReportModel, review: TargetsReview | null): ChartSpec[] {
  const specs: ChartSpec[] = [];
  if (model.industryStructure) specs.push(industryStructureChart(model.industryStructure, model.displayTitle));
  for (const spec of [growthChart(model.headline, model.displayTitle), targetsChart(model.headline, model.displayTitle)]) if (spec) specs.push(spec);
  if (review) {
    const spec = reviewChart(chartedItems(review), review.year, `资料来源：${review.earlier.title}；${review.later.title}`);
    if (spec) specs.push(spec);
  }
  return specs;
}

/** The files of one publication in a report's folder: its three editions and its gallery thumbnail. */
export function publicationFiles(folder: string, name: string) {
  return {
    docx: join(folder, `${name}.docx`),
    pdf: join(folder, `${name}.pdf`),
    html: join(folder, `${name}.html`),
    thumbnail: join(folder, 'thumbs', `${name}.png`),
  };
}

/** Reads one report and writes its publications into outDir/<slug>/. */
export async function buildReport(sourcePath: string, options: BuildOptions): Promise<BuildResult> {
  installPatches(options.patches ?? ALL_PATCHES);
  const slug = slugOf(sourcePath);
  const folder = join(options.outDir, slug);
  const timings: Record<string, number> = {};
  let current: { name: string; started: number } | null = null;
  const stage = (name: string) => {
    const now = performance.now();
    if (current) timings[current.name] = (timings[current.name] ?? 0) + now - current.started;
    current = { name: name.split(' ')[0], started: now };
    options.onStage?.(name);
  };

  stage('read');
  const model: ReportModel = (options.prepared ?? (await prepareReport(sourcePath))).model;
  const review = options.earlier ? targetsReview(options.earlier, model) : null;

  stage('charts');
  const specs = chartSpecs(model, review);
  const assets = assetsOf(specs);
  const written: string[] = [];
  const outputs: Record<string, string[]> = {};
  const writeData = options.writeData ?? true;
  const data: string[] = [];
  if (writeData) {
    for (const spec of specs) {
      const chart = chartPath(spec.name);
      await writeFileAtomic(join(folder, chart), assets.get(chart)!.png);
      data.push(join(folder, chart));
    }
  }

  stage('exports');
  const exports: Array<[string, string]> = [['indicators.json', indicatorsJson(model)], ['indicators.csv', indicatorsCsv(model)]];
  if (review) exports.push(['targets-review.json', targetsReviewJson(review)]);
  // What the corpus publications (comparisons, series) need of this report, read back from OUT.
  exports.push(['corpus.json', corpusRecordJson(model, review?.items ?? null)]);
  if (writeData) {
    for (const [name, content] of exports) {
      const path = join(folder, name);
      await writeFileAtomic(path, content);
      data.push(path);
    }
    outputs.data = data;
    written.push(...data);
  }

  const context = { ...templateContext(model, specs), ...(review ? { review: reviewTemplateView(review) } : {}) };
  const date = documentDate(model, options.sourceDateEpoch);
  const errors: string[] = [];
  const failed: Record<string, string> = {};
  const formats = options.formats ?? FORMATS;
  for (const publication of publicationsFor(options.audiences, review !== null)) {
    if (options.only && !options.only.includes(publication.name)) continue;
    const templatePath = join(options.templatesDir, publication.template);
    try {
      stage(`template ${publication.name}`);
      if (!existsSync(templatePath)) {
        throw new BriefsError(templatePath, `template not found; copy ${publication.template} from the bundled templates/ into TEMPLATES${publication.audience && publication.audience.file !== '(built in)' ? `, or name another with template: in ${publication.audience.file}` : ''}`);
      }
      const source = await readSettingsText(templatePath, 'template');
      const render = compileTemplate(source, templatePath);
      const candidates = publication.audience ? briefCandidates(model, publication.audience, options.topics) : null;
      // Two takes often fill the template alike (a block has no more items to give): each text is
      // parsed once, and the chosen one is not parsed again to be written.
      const parsedByText = new Map<string, ReturnType<typeof parsePublication>>();
      const publicationAt = (take: Take) => {
        stage(`template ${publication.name}`);
        const markdown = render(candidates ? { ...context, audience: publication.audience, brief: briefAt(candidates, take) } : context);
        let parsed = parsedByText.get(markdown);
        if (!parsed) parsedByText.set(markdown, (parsed = parsePublication(markdown, templatePath)));
        return parsed;
      };
      // Fit by choosing content, never by shrinking type: the most items per block that lay out
      // within the page budget, measured by laying them out. While fitting, two lines at the foot
      // of the page are kept free: Word and LibreOffice break lines a little differently, and the
      // DOCX must fit the same page.
      let take: Take = 0;
      if (publication.pages && candidates) {
        const slack = 2 * 28;
        const pagesAt = async (attempt: Take) => {
          const parsed = publicationAt(attempt);
          stage(`pdf ${publication.name}`);
          return { take: attempt, pages: await countPages(parsed, assets, { date, file: templatePath, reserveBottomPt: slack }) };
        };
        take = (await fitContent(pagesAt, publication.pages, candidates)).take;
      }
      const parsed = publicationAt(take);
      stage(`pdf ${publication.name}`);
      const pdf = await writePdf(parsed, assets, { date, file: templatePath });
      if (publication.pages && pdf.pages > publication.pages) {
        const fix = publication.audience && publication.audience.file !== '(built in)' ? `raise pages: or take a block out of blocks: in ${publication.audience.file}` : 'take a section out of the template';
        throw new BriefsError(templatePath, `${publication.name} needs ${pdf.pages} pages even with one item per section; its budget is ${publication.pages}: ${fix}`);
      }
      // The thumbnail's PNG is encoded off this thread while the DOCX and HTML are written (a
      // failure is awaited below; until then it must not count as unhandled).
      const thumbnail = thumbnailOfPage(pdf.firstPage);
      thumbnail.catch(() => {});
      // The PDF is laid out whatever FORMATS says: its layout fits the page budget, gives the
      // DOCX its table of contents' page numbers and draws the gallery's thumbnail.
      const paths = publicationFiles(folder, publication.name);
      const files: Array<{ path: string; data: string | Uint8Array }> = [];
      if (formats.includes('docx')) {
        stage(`docx ${publication.name}`);
        files.push({ path: paths.docx, data: await writeDocx(parsed, assets, { date, file: templatePath, headingPages: pdf.headingPages, pageStarts: pdf.pageStarts, patches: options.patches }) });
      }
      if (formats.includes('pdf')) files.push({ path: paths.pdf, data: pdf.pdf });
      if (formats.includes('html')) {
        stage(`html ${publication.name}`);
        files.push({ path: paths.html, data: writeHtml(parsed, assets) });
      }
      files.push({ path: paths.thumbnail, data: await thumbnail });
      await writeFilesAtomic(files);
      written.push(...files.map((f) => f.path));
      outputs[publication.name] = files.map((f) => f.path);
    } catch (error) {
      if (options.debug) console.error(error);
      const line = describeError(error, templatePath);
      errors.push(line);
      failed[publication.name] = line;
      // What an earlier build wrote is not this template's output: a reader must not take it for it.
      await Promise.all(Object.values(publicationFiles(folder, publication.name)).map((path) => rm(path, { force: true })));
    }
  }
  stage('done');
  delete timings.done;
  const warnings = [...model.warnings];
  if (model.indicators.length > MAX_PRINTED_INDICATORS) {
    warnings.push(`${sourcePath}: ${model.indicators.length} figures, more than a report holds: the indicators publication lists the first ${MAX_PRINTED_INDICATORS}; indicators.csv and .json hold them all`);
  }
  return { slug, timings, written, warnings, errors, failed, outputs };
}
