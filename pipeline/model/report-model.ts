import type { Heading, List, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import '../read/tree-types.js';
import type { ReadReport } from '../read/read-report.js';
import '../extract/extraction-stage.js';
import type { Indicator } from '../extract/indicator.js';
import { headlineView, type HeadlineView } from './headline-view.js';
import { industryStructure, type IndustryStructure } from './industry-structure.js';

export interface ParagraphModel {
  /** ¶ number, cited by every publication. */
  n: number;
  /** 1-based line in the source file where the paragraph starts. */
  line: number;
  text: string;
  /** Topic sentence (主要指标增势良好。) or null. */
  lead: string | null;
  /** Id of the innermost section holding it ('' before the first heading). */
  section: string;
  /** Part of a 一是… / ——… run. */
  point: boolean;
}

export interface SectionModel {
  /** Path of markers: '1', '1.2', … */
  id: string;
  /** The report's own level: 1 for 一、, 2 for （一）, … */
  level: number;
  marker: string;
  /** The heading as written, marker included. */
  heading: string;
  /** The heading without its marker and closing full stop. */
  title: string;
  line: number | null;
  role: 'section' | 'appendix' | 'endnotes';
  /** Paragraphs directly under this heading (not those of sub-sections). */
  paragraphs: ParagraphModel[];
  sections: SectionModel[];
}

export interface EndnoteModel {
  n: number;
  term: string;
  text: string;
  line: number;
}

/** A block of the reading edition, in the report's order. */
export type BlockModel =
  /** `level` 1 for 一、, 2 for （一）…; appendices and endnotes count as level 1. */
  | { kind: 'heading'; level: number; text: string; line: number | null }
  /** `continued`: a later part of a paragraph too long to print as one (see printedParts); its ¶ is the first part's. */
  | { kind: 'paragraph'; n: number; text: string; line: number; point: boolean; continued: boolean }
  /** 各位代表： — printed where it stands, not numbered. */
  | { kind: 'salutation'; text: string; line: number }
  | { kind: 'endnote'; n: number; term: string; text: string; line: number; para: number | null };

export interface ReportModel {
  slug: string;
  /** The source file's path as given. */
  source: string;
  /** The title as the report writes it (or inferred when it has none). */
  title: string;
  /** The title with year and issuer when the written one lacks them: 政府工作报告 → 2026年广东省政府工作报告. */
  displayTitle: string;
  titleInferred: boolean;
  occasion: string | null;
  byline: string | null;
  issuer: string | null;
  year: number | null;
  encoding: string;
  /** The reading edition's blocks: all of them, unless the report is far longer than any (see printCut). */
  blocks: BlockModel[];
  /** Where the reading edition stops when the report is too long to print whole: the first ¶ left out, its line, and how many characters follow. */
  printCut: { paragraph: number; line: number; characters: number } | null;
  sections: SectionModel[];
  paragraphs: ParagraphModel[];
  endnotes: EndnoteModel[];
  industryStructure: IndustryStructure | null;
  /** Every quantity of the report, in reading order. */
  indicators: Indicator[];
  /** The main table: this year's targets against last year's results. */
  headline: HeadlineView;
  /** The reader's warnings, as `file:line:col: message`. */
  warnings: string[];
}

/** 一、2017年工作回顾 → 2017年工作回顾; （一）…城市群。 → …城市群 */
function headingTitle(text: string, marker: string): string {
  return text.slice(marker.length).replace(/[。．.]$/, '').trim();
}

/** Adds the year and the place to a bare 政府工作报告, so a reader of a running head knows whose report it is. */
export function displayTitle(title: string, year: number | null, issuer: string | null): string {
  let result = title;
  const place = issuer?.replace(/人民政府$/, '') ?? '';
  if (place && !result.includes(place) && /^(政府)?工作报告/.test(result)) result = `${place}${result}`;
  if (year && !/\d{4}\s*年/.test(result)) result = `${year}年${result}`;
  return result;
}

/** Longer than any paragraph of a real report (the longest in the corpus is about 1,300 characters); PDF layout time grows faster than a paragraph's length. */
const MAX_PRINTED_PARAGRAPH = 2000;

/**
 * A paragraph as the reading edition prints it: whole, or when it is longer than any report's
 * paragraph (a file of one line), in parts of at most MAX_PRINTED_PARAGRAPH characters, each
 * ending at a sentence end, else a clause, else where the limit falls.
 */
export function printedParts(text: string, max = MAX_PRINTED_PARAGRAPH): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const at = (marks: RegExp) => Math.max(-1, ...[...window.matchAll(marks)].map((m) => m.index! + 1));
    let cut = at(/[。！？!?]/g);
    if (cut < max / 2) cut = at(/[，；,;]/g);
    if (cut < max / 2) cut = max;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  return [...parts, rest];
}

/** Nearly nine times the longest report of the corpus (57,590 characters): beyond it a reading edition of thousands of pages would take gigabytes to lay out. */
const MAX_PRINTED_CHARACTERS = 500_000;

/** The blocks a reading edition prints: all, or those before the paragraph that passes MAX_PRINTED_CHARACTERS. */
function withinPrintLimit(blocks: BlockModel[]): { printed: BlockModel[]; cut: ReportModel['printCut'] } {
  let characters = 0;
  for (let k = 0; k < blocks.length; k++) {
    const block = blocks[k];
    characters += block.text.length;
    if (characters > MAX_PRINTED_CHARACTERS && block.kind === 'paragraph') {
      const rest = blocks.slice(k).reduce((sum, b) => sum + b.text.length, 0);
      return { printed: blocks.slice(0, k), cut: { paragraph: block.n, line: block.line, characters: rest } };
    }
  }
  return { printed: blocks, cut: null };
}

/** Turns the report tree into the plain JSON every template and export reads. */
export function buildReportModel(report: ReadReport, slug: string): ReportModel {
  const tree: Root = report.tree;
  const blocks: BlockModel[] = [];
  const sections: SectionModel[] = [];
  const paragraphs: ParagraphModel[] = [];
  const endnotes: EndnoteModel[] = [];
  const printWarnings: string[] = [];
  // The sections open at this point, outermost first, with the heading depth of each.
  const open: Array<{ section: SectionModel; depth: number }> = [];
  const counters: number[] = [];

  const currentSection = (): SectionModel | undefined => open[open.length - 1]?.section;
  const addParagraph = (node: Paragraph, point: boolean) => {
    if (node.data?.role === 'salutation') blocks.push({ kind: 'salutation', text: toString(node), line: node.position?.start.line ?? 0 });
    if (!node.data?.n) return;
    const model: ParagraphModel = {
      n: node.data.n,
      line: node.position?.start.line ?? 0,
      text: toString(node),
      lead: node.data.lead ?? null,
      section: currentSection()?.id ?? '',
      point,
    };
    paragraphs.push(model);
    currentSection()?.paragraphs.push(model);
    const parts = printedParts(model.text);
    parts.forEach((text, k) => blocks.push({ kind: 'paragraph', n: model.n, text, line: model.line, point, continued: k > 0 }));
    if (parts.length > 1) {
      printWarnings.push(`${report.file.path}:${model.line}:1: ¶${model.n} runs to ${model.text.length} characters, more than any report's paragraph; the reading edition prints it in ${parts.length} parts, broken at sentence ends`);
    }
  };

  const openSection = (node: Heading) => {
    const depth = node.depth;
    // Section nesting follows heading depth: close everything at this depth or deeper.
    while (open.length && open[open.length - 1].depth >= depth) open.pop();
    const index = depth - 2;
    counters.length = index + 1;
    for (let i = 0; i <= index; i++) counters[i] ??= 0;
    counters[index] += 1;
    const text = toString(node);
    const marker = node.data?.marker ?? '';
    const section: SectionModel = {
      id: counters.join('.'),
      level: node.data?.level ?? depth - 1,
      marker,
      heading: text,
      title: headingTitle(text, marker),
      line: node.position?.start.line ?? null,
      role: node.data?.role === 'appendix' ? 'appendix' : node.data?.role === 'endnotes' ? 'endnotes' : 'section',
      paragraphs: [],
      sections: [],
    };
    (currentSection()?.sections ?? sections).push(section);
    open.push({ section, depth });
    blocks.push({ kind: 'heading', level: depth - 1, text, line: section.line });
  };

  for (const node of tree.children) {
    if (node.type === 'heading') {
      if (node.data?.role === 'title') continue;
      openSection(node);
    } else if (node.type === 'paragraph') {
      addParagraph(node, false);
    } else if (node.type === 'list') {
      readList(node);
    }
  }

  function readList(list: List) {
    for (const item of list.children) {
      if (list.data?.role === 'endnotes') {
        const [term, ...rest] = item.children as Paragraph[];
        const definition = rest.filter((p) => p.type === 'paragraph');
        const note: EndnoteModel = {
          n: endnotes.length + 1,
          term: toString(term).replace(/[：:]$/, ''),
          text: definition.map((p) => toString(p)).join(''),
          line: term.position?.start.line ?? 0,
        };
        endnotes.push(note);
        blocks.push({ kind: 'endnote', ...note, para: definition[0]?.data?.n ?? null });
        for (const p of definition) {
          if (p.data?.n) paragraphs.push({ n: p.data.n, line: p.position?.start.line ?? 0, text: toString(p), lead: null, section: currentSection()?.id ?? '', point: false });
        }
        continue;
      }
      for (const child of item.children) {
        if (child.type === 'paragraph') addParagraph(child, true);
      }
    }
  }

  const indicators = report.file.data.indicators;
  if (!indicators) throw new Error(`${report.file.path}: read without its extraction stage`);
  const { printed, cut } = withinPrintLimit(blocks);
  if (cut) {
    printWarnings.push(`${report.file.path}:${cut.line}:1: the report runs to ${cut.characters + MAX_PRINTED_CHARACTERS} characters or more, far more than any report; the reading edition leaves out the last ${cut.characters}, from ¶${cut.paragraph} on (the other publications read it all)`);
  }
  return {
    slug,
    source: report.file.path,
    title: report.title,
    displayTitle: displayTitle(report.title, report.identity.year, report.identity.issuer),
    titleInferred: report.titleInferred,
    occasion: report.occasion,
    byline: report.byline,
    issuer: report.identity.issuer,
    year: report.identity.year,
    encoding: report.encoding,
    blocks: printed,
    printCut: cut,
    sections,
    paragraphs,
    endnotes,
    industryStructure: industryStructure(indicators),
    indicators,
    headline: headlineView(indicators, report.identity.year, new Map(paragraphs.map((p) => [p.n, p.text]))),
    warnings: [...report.file.messages.map((m) => String(m)), ...printWarnings],
  };
}
