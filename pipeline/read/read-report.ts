import { readFile } from 'node:fs/promises';
import type { Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { VFile } from 'vfile';
import { BriefsError } from '../util/errors.js';
import { findNoiseLines } from './clean-lines.js';
import { findInlineMarkup } from './clean-inline.js';
import { decodeReport, type Encoding } from './decode.js';
import { inferIssuer, inferredTitle, inferYear, titleHeading, type ReportIdentity } from './infer-identity.js';
import { removeLetterSpacing } from './patterns.js';
import { buildSourceLines, trimLine } from './source-lines.js';
import { structureReport } from './structure.js';
import { parseYamlText } from '../util/yaml-file.js';

import './tree-types.js';

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

/** 2018年大连市政府工作报告（全文） → 2018年大连市政府工作报告. */
function cleanTitle(raw: string): string {
  return removeLetterSpacing(raw)
    .replace(/[（(【\[]\s*(全文|摘要|文字实录|图文|实录)\s*[）)】\]]\s*$/, '')
    .replace(/\s*全文$/, '')
    .trim();
}

/** Reads a report's bytes into its tree. Pure apart from the file read; never writes anything. */
export function readReportText(bytes: Uint8Array, path: string): ReadReport {
  const decoded = decodeReport(bytes, path);
  const file = new VFile({ path, value: decoded.text });

  const inline = findInlineMarkup(decoded.raw);
  const lines = buildSourceLines(decoded.raw, inline.edits, inline.strongRanges).map(trimLine);
  // The line holding an offset (segments of one line, split at block tags, share its start offset).
  const lineOfOffset = (offset: number) => {
    let lo = 0;
    let hi = lines.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lines[mid].offset <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lines[lo];
  };
  for (const d of inline.dropped) {
    const at = lineOfOffset(d.offset);
    file.message(`dropped ${d.reason} “${d.what}”`, { place: { line: at.line, column: d.offset - at.offset + 1 }, ruleId: 'dropped-noise', source: 'briefs' });
  }

  const keep = lines.map(() => true);
  // YAML front matter (--- issuer: … year: … ---) says who issued the report and when; it is not report text.
  const frontMatter: Partial<ReportIdentity> = {};
  if (lines[0]?.text.trim() === '---') {
    const close = lines.findIndex((l, i) => i > 0 && i < 40 && l.text.trim() === '---');
    if (close > 0) {
      const data = parseYamlText(lines.slice(1, close).map((l) => l.text).join('\n'), path).data as Record<string, unknown> | null;
      if (data && typeof data.issuer === 'string') frontMatter.issuer = data.issuer;
      if (data && Number.isInteger(Number(data.year))) frontMatter.year = Number(data.year);
      for (let i = 0; i <= close; i++) keep[i] = false;
    }
  }
  for (const noise of findNoiseLines(lines)) {
    for (let i = noise.from; i <= noise.to; i++) keep[i] = false;
    const first = lines[noise.from];
    const shown = first.text.length > 20 ? `${first.text.slice(0, 20)}…` : first.text;
    const range = noise.to > noise.from ? ` (lines ${first.line}–${lines[noise.to].line})` : '';
    file.message(`dropped ${noise.reason} “${shown}”${range}`, { place: { line: first.line, column: (first.cols[0] ?? 0) + 1 }, ruleId: 'dropped-noise', source: 'briefs' });
  }

  const { tree, warnings } = structureReport(lines, keep);
  for (const w of warnings) file.message(w.message, { place: { line: w.line, column: 1 }, ruleId: 'structure', source: 'briefs' });
  if (!tree.children.some((n) => n.type === 'paragraph' && n.data?.n) && !tree.children.some((n) => n.type === 'list')) {
    throw new BriefsError(path, 'no report text found: nothing is left once page chrome and markup are dropped');
  }

  const paragraphText = (role: 'occasion' | 'byline') => {
    const node = tree.children.find((n): n is Paragraph => n.type === 'paragraph' && n.data?.role === role);
    return node ? toString(node) : null;
  };
  const occasion = paragraphText('occasion');
  const byline = paragraphText('byline');
  const heading = titleHeading(tree);
  const writtenTitle = heading ? cleanTitle(toString(heading)) : '';
  const identity: ReportIdentity = {
    issuer: frontMatter.issuer ?? inferIssuer(decoded.text, occasion ?? '', byline ?? '', writtenTitle),
    year: frontMatter.year ?? inferYear(tree, occasion ?? '', writtenTitle),
  };
  let title = writtenTitle;
  const titleInferred = !heading;
  if (!heading) {
    title = inferredTitle(identity);
    tree.children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }], data: { role: 'title', level: 0, inferred: true } });
    file.message(`no title line found; using “${title}”`, { place: { line: 1, column: 1 }, ruleId: 'structure', source: 'briefs' });
  }
  return { tree, file, encoding: decoded.encoding, title, titleInferred, occasion, byline, identity };
}

/**
 * Who issued a report and when, as a `source/<slug>.yaml` beside it says (issuer: …, year: …):
 * it overrides what the text suggests, for reports that do not say it clearly.
 */
async function identityOverride(path: string): Promise<Partial<ReportIdentity>> {
  const sidecar = path.replace(/\.[^./]+$/, '.yaml');
  if (sidecar === path) return {};
  let text: string;
  try {
    text = await readFile(sidecar, 'utf8');
  } catch {
    return {};
  }
  const data = parseYamlText(text, sidecar).data as Record<string, unknown> | null;
  const override: Partial<ReportIdentity> = {};
  if (data && typeof data.issuer === 'string') override.issuer = data.issuer;
  if (data && data.year !== undefined) {
    const year = Number(data.year);
    if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new BriefsError(sidecar, `year must be a year such as 2019, not “${String(data.year)}”`);
    override.year = year;
  }
  return override;
}

export async function readReport(path: string): Promise<ReadReport> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new BriefsError(path, code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a report' : `cannot read the file (${code ?? 'error'})`);
  }
  const report = readReportText(bytes, path);
  const override = await identityOverride(path);
  report.identity = { ...report.identity, ...override };
  return report;
}
