import { readFile, stat } from 'node:fs/promises';
import type { Root } from 'mdast';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { BriefsError } from '../util/errors.js';
import { parseYamlText } from '../util/yaml-file.js';
import { readYamlFrontMatter } from './cleaning/front-matter.js';
import { dropInvisibleCharacters } from './cleaning/invisible-characters.js';
import { readTableRows } from './cleaning/table-rows.js';
import { dropPageChrome } from './cleaning/page-chrome.js';
import { dropPageFooter } from './cleaning/page-footer.js';
import { dropPageHeader } from './cleaning/page-header.js';
import { decodeReport, MAX_REPORT_BYTES, tooLarge, type Encoding } from './decode.js';
import { identifyReport, identityFrom, sidecarName, type ReportIdentity } from './identity.js';
import { reportParse } from './parse-lines.js';
import { structureReport } from './structure.js';

export type { ReportIdentity } from './identity.js';

export interface ReadReport {
  /** The report tree: mdast, every node positioned in the original file. */
  tree: Root;
  /** The source as a vfile: path, decoded text, and the reader's warnings as messages with places. */
  file: VFile;
  encoding: Encoding;
  title: string;
  titleInferred: boolean;
  occasion: string | null;
  byline: string | null;
  identity: ReportIdentity;
}

export interface ReadOptions {
  /** What a sidecar `.yaml` says of the issuer and year; it overrides the text. */
  override?: Partial<ReportIdentity>;
  /** Stages to run on the tree after the reader's own (the model adds extraction). */
  then?: PluggableList;
}

/**
 * The reader, stage by stage: parse the text into positioned lines; clean them (front matter,
 * invisible characters, table rows, page chrome, the page's footer and header); build the report tree;
 * tell who issued it and when; then whatever stages the caller adds.
 */
export function reportReader({ override = {}, then = [] }: ReadOptions = {}) {
  return unified()
    .use(reportParse)
    .use(readYamlFrontMatter)
    .use(dropInvisibleCharacters)
    .use(readTableRows)
    .use(dropPageChrome)
    .use(dropPageFooter)
    .use(dropPageHeader)
    .use(structureReport)
    .use(identifyReport, { override })
    .use(then);
}

/** A sidecar holds two short lines; anything much larger is not one. */
const MAX_SIDECAR_BYTES = 64 * 1024;

const byPlace = (a: VFile['messages'][number], b: VFile['messages'][number]) =>
  (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);

/** Reads a report's bytes into its tree. Pure apart from the file read; never writes anything. */
export function readReportText(bytes: Uint8Array, path: string, options: ReadOptions = {}): ReadReport {
  const decoded = decodeReport(bytes, path);
  const file = new VFile({ path, value: decoded.text, data: { raw: decoded.raw } });
  const reader = reportReader(options);
  const tree = reader.runSync(reader.parse(file), file) as Root;
  if (!tree.children.some((n) => n.type === 'paragraph' && n.data?.n) && !tree.children.some((n) => n.type === 'list')) {
    throw new BriefsError(path, 'no report text found: nothing is left once page chrome and markup are dropped');
  }
  file.messages.sort(byPlace);
  const { identity, title, titleInferred, occasion, byline } = file.data as Required<typeof file.data>;
  return { tree, file, encoding: decoded.encoding, title, titleInferred, occasion, byline, identity };
}

/**
 * Who issued a report and when, as a `source/<slug>.yaml` beside it says (issuer: …, year: …):
 * it overrides what the text suggests, for reports that do not say it clearly.
 */
async function identityOverride(path: string): Promise<Partial<ReportIdentity>> {
  const sidecar = sidecarName(path);
  if (sidecar === path) return {};
  const info = await stat(sidecar).catch(() => null);
  if (!info) return {};
  if (!info.isFile()) throw new BriefsError(sidecar, 'is not a regular file; the .yaml beside a report says its issuer and year');
  if (info.size > MAX_SIDECAR_BYTES) throw new BriefsError(sidecar, `is ${info.size} bytes; the .yaml beside a report holds two lines (issuer: and year:)`);
  const text = await readFile(sidecar, 'utf8');
  const data = parseYamlText(text, sidecar).data;
  return identityFrom(data && typeof data === 'object' ? (data as Record<string, unknown>) : undefined, sidecar);
}

/** Refuses what is not a report file before reading a byte of it: a FIFO would hang the read, /dev/zero never end it. */
export async function checkReportFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch {
    return; // readFile says why
  }
  if (info.isDirectory()) throw new BriefsError(path, 'is a folder, not a report');
  if (!info.isFile()) throw new BriefsError(path, 'is not a regular file (a pipe, device or socket); save the report as a file');
  if (info.size > MAX_REPORT_BYTES) throw new BriefsError(path, tooLarge(info.size));
}

export async function readReport(path: string, then: PluggableList = []): Promise<ReadReport> {
  await checkReportFile(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BriefsError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a report' : `cannot read the file (${code ?? 'error'})`);
  }
  return readReportText(bytes, path, { override: await identityOverride(path), then });
}

/** Whose and which year's report a file is, as reading it says (the batch's plan pairs reports by it). */
export async function readIdentity(path: string): Promise<ReportIdentity> {
  return (await readReport(path)).identity;
}
