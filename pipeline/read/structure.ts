import type { Heading, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Strong, Text } from 'mdast';
import type { VFile } from 'vfile';
import { lineNodes } from './cleaning/lines.js';
import { SALUTATION } from './cleaning/page-header.js';
import {
  APPENDIX, BARE_NUMERAL_HEADING, CONTINUES_AFTER, CONTINUES_BEFORE, ENDNOTES_HEADING, PARAGRAPH_END, POINT_MARKER_ONLY, POINT_START,
  headingMarker,
} from './patterns.js';
import type { SourceLineData } from './tree-types.js';
import { leadSentenceEnd, sentenceRanges } from './sentences.js';
import { endPointAt, pointAt, sliceLine, type SourceLine } from './source-lines.js';

/** A run of source lines read as one unit (a paragraph broken over lines is one block). */
interface Block {
  spans: SourceLine[];
  /** Marked up bold as a whole. */
  strong: boolean;
}

const blockText = (block: Block) => block.spans.map((s) => s.text).join('');

function textNodes(spans: SourceLine[]): Text[] {
  return spans
    .filter((s) => s.text.length > 0)
    .map((s) => ({ type: 'text', value: s.text, position: { start: pointAt(s, 0), end: endPointAt(s, s.text.length) } }));
}

function positionOf(spans: SourceLine[]) {
  const first = spans[0];
  const last = spans[spans.length - 1];
  return { start: pointAt(first, 0), end: endPointAt(last, last.text.length) };
}

/** Splits spans at a character index of their joined text. */
function splitSpans(spans: SourceLine[], index: number): [SourceLine[], SourceLine[]] {
  const before: SourceLine[] = [];
  const after: SourceLine[] = [];
  let seen = 0;
  for (const span of spans) {
    const len = span.text.length;
    if (seen + len <= index) before.push(span);
    else if (seen >= index) after.push(span);
    else {
      before.push(sliceLine(span, 0, index - seen));
      after.push(sliceLine(span, index - seen));
    }
    seen += len;
  }
  return [before, after.filter((s) => s.text.length > 0)];
}

function paragraph(spans: SourceLine[], data: Paragraph['data'] = {}): Paragraph {
  return { type: 'paragraph', children: textNodes(spans), position: positionOf(spans), data };
}

function heading(depth: number, spans: SourceLine[], data: Heading['data']): Heading {
  return { type: 'heading', depth: Math.min(6, depth) as Heading['depth'], children: textNodes(spans), position: positionOf(spans), data };
}

/**
 * Whether two adjacent lines are one paragraph: wiki copies break a paragraph where the page
 * had a link or a subscript (PM / 2.5 / ）浓度…), and some texts are hard-wrapped.
 */
function continues(previous: string, next: string, wrapWidth: number | null): boolean {
  if (headingMarker(next) || POINT_START.test(next) || APPENDIX.test(next) || ENDNOTES_HEADING.test(next)) return false;
  if (APPENDIX.test(previous) || ENDNOTES_HEADING.test(previous)) return false;
  if (headingMarker(previous) && previous.length <= 60) return /^[，,、。；;：:）)]/.test(next);
  if (PARAGRAPH_END.test(previous)) return /^[，,、。；;：:）)%％]/.test(next);
  // A fragment the page split off: PM / 2.5 / ）浓度继续下降… (a subscript), 主要目标 / 是：… (a link).
  if (previous.length <= 8 && !/[。！？]/.test(previous)) return true;
  if (CONTINUES_AFTER.test(previous) || CONTINUES_BEFORE.test(next)) return true;
  if (/[A-Za-z0-9]$/.test(previous) && /^[A-Za-z0-9.]/.test(next)) return true;
  if (wrapWidth !== null && previous.length >= wrapWidth - 2) return true;
  // Paragraphs of a report end with a stop; a long line without one was wrapped, not ended.
  if (previous.length >= 24 && !headingMarker(previous)) return true;
  return false;
}

/** Hard-wrapped text has many lines of one length; that length tells which lines wrap. */
function detectWrapWidth(lines: SourceLine[]): number | null {
  const lengths = lines.map((l) => l.text.length).filter((n) => n >= 16);
  if (lengths.length < 10) return null;
  const counts = new Map<number, number>();
  for (const n of lengths) counts.set(n, (counts.get(n) ?? 0) + 1);
  const [mode] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
  const near = lengths.filter((n) => Math.abs(n - mode) <= 2).length;
  return mode <= 100 && near >= lengths.length * 0.3 ? mode : null;
}

interface LineEntry {
  span: SourceLine;
  blankBefore: boolean;
}

/** The unit of a figure, at the start of a line: what cannot stand there unless a figure was cut before it. */
const FIGURE_TAIL = /^(万亿|亿|万|千)(元|美元|吨|人|户|套|千瓦|公里|亩|斤)|^[%％](?![A-Za-z])/;

function toBlocks(entries: LineEntry[]): Block[] {
  const wrapWidth = detectWrapWidth(entries.map((e) => e.span));
  // Where paragraphs are separated by blank lines, adjacent lines are one paragraph (as in Markdown).
  const blankSeparated = entries.filter((e) => e.blankBefore).length >= entries.length * 0.5;
  const blocks: Block[] = [];
  for (const entry of entries) {
    const previous = blocks[blocks.length - 1];
    const text = entry.span.text;
    const joinable =
      previous !== undefined &&
      // 第一， alone on its line opens the paragraph after it (older reports).
      !entry.span.row &&
      !previous.spans[previous.spans.length - 1].row &&
      (POINT_MARKER_ONLY.test(blockText(previous)) ||
        // 国内生产总值达到74.4 / (blank) / 万亿元，…: a figure the copy cut from its unit, even across a blank line.
        (!previous.strong && /\d[.．]?\d*$/.test(blockText(previous)) && FIGURE_TAIL.test(text)) ||
        (!entry.blankBefore &&
          !previous.strong &&
          !entry.span.strong &&
          (blankSeparated
            ? !(headingMarker(text) || POINT_START.test(text) || APPENDIX.test(text) || ENDNOTES_HEADING.test(text)) &&
              !headingMarker(blockText(previous))
            : continues(previous.spans[previous.spans.length - 1].text, text, wrapWidth))));
    if (joinable) previous.spans.push(entry.span);
    else blocks.push({ spans: [entry.span], strong: entry.span.strong });
  }
  return blocks;
}

/** One sentence (or clause) ending in 。 or ；, marked 一、 or （一）: the shape of an item of a numbered list. */
function isItemSentence(block: Block | undefined): boolean {
  if (!block || block.strong) return false;
  const text = blockText(block);
  return headingMarker(text) !== null && /[。；;]$/.test(text) && sentenceRanges(text).length === 1;
}

/**
 * The marked blocks that are items of a numbered list and not headings: runs of sibling items,
 * at least one of them a lone sentence, with no unmarked text between them — （一）要使粮食生产…。
 * （二）在轻纺工业方面…, or 国务院决定：一、…；二、…。 A run of headings has text under each.
 */
function listItemBlocks(blocks: Block[]): Set<number> {
  const items = new Set<number>();
  let runStart = 0;
  const level = (b: number) => headingMarker(blockText(blocks[b]))?.level;
  for (let b = 0; b <= blocks.length; b++) {
    const continuesRun = b < blocks.length && b > runStart && level(b) !== undefined && level(b) === level(b - 1) && !blocks[b].strong;
    if (continuesRun) continue;
    const run = [...Array(b - runStart).keys()].map((k) => runStart + k);
    if (run.length >= 2 && level(runStart) !== undefined && run.some((k) => isItemSentence(blocks[k])) && run.every((k) => /[。；;：:]$/.test(blockText(blocks[k])))) {
      for (const k of run) items.add(k);
    }
    runStart = b;
  }
  return items;
}

/** A short line with no punctuation at all: an unmarked part heading of older reports (过去五年的回顾). */
function isUnmarkedHeading(block: Block): boolean {
  const text = blockText(block);
  return text.length <= 30 && !/[。，、；：！？,.;:!?（）()“”]/.test(text) && !/^\d/.test(text);
}

interface BuildState {
  nodes: RootContent[];
  paragraphCount: number;
  appendixShift: number;
  inEndnotes: boolean;
  /** The list of points being filled, and whether its last item takes following paragraphs. */
  points: { list: List; openItem: ListItem | null } | null;
  endnotes: List | null;
}

function bodyParagraph(state: BuildState, spans: SourceLine[]): Paragraph {
  const text = spans.map((s) => s.text).join('');
  const leadEnd = leadSentenceEnd(text);
  const data: Paragraph['data'] = { n: ++state.paragraphCount };
  if (leadEnd !== null) data.lead = text.slice(0, leadEnd);
  return paragraph(spans, data);
}

function closeLists(state: BuildState) {
  state.points = null;
  state.endnotes = null;
}

/** Reads a block that starts with a heading marker: a heading, a heading with its text after it, or a paragraph. */
function markedBlock(state: BuildState, block: Block, level: number, marker: string): void {
  const text = blockText(block);
  const sentences = sentenceRanges(text);
  const depth = 1 + level + state.appendixShift;
  const data = { level, marker };
  if (block.strong || (sentences.length <= 1 && text.length <= 60)) {
    closeLists(state);
    state.nodes.push(heading(depth, block.spans, data));
    return;
  }
  const firstEnd = sentences[0][1];
  // 一、 and （一） headings run long in national reports (50–70 characters); 1. and （1） items rarely do.
  if (firstEnd <= (level <= 2 ? 72 : 40)) {
    // （一）深入推进供给侧结构性改革。把… — the heading and its first paragraph share a line.
    closeLists(state);
    const [head, body] = splitSpans(block.spans, firstEnd);
    state.nodes.push(heading(depth, head, data));
    if (body.length) state.nodes.push(bodyParagraph(state, body));
    return;
  }
  placeParagraph(state, block.spans);
}

function placeParagraph(state: BuildState, spans: SourceLine[]): void {
  const node = bodyParagraph(state, spans);
  if (state.points?.openItem) state.points.openItem.children.push(node);
  else {
    state.points = null;
    state.nodes.push(node);
  }
}

function pointBlock(state: BuildState, block: Block): void {
  const node = bodyParagraph(state, block.spans);
  const text = blockText(block);
  // 一是联合港澳承办十五运会和残特奥会。 alone on its line titles the paragraphs after it.
  const titled = sentenceRanges(text).length === 1 && text.length <= 40;
  const item: ListItem = { type: 'listItem', spread: false, children: [node], position: node.position };
  if (!state.points) {
    const list: List = { type: 'list', ordered: false, spread: false, children: [], data: { role: 'points' } };
    state.nodes.push(list);
    state.points = { list, openItem: null };
  }
  state.points.list.children.push(item);
  state.points.openItem = titled ? item : null;
  extendPosition(state.points.list, node);
}

function extendPosition(parent: List | ListItem, child: Paragraph) {
  if (!child.position) return;
  if (!parent.position) parent.position = { start: child.position.start, end: child.position.end };
  else parent.position.end = child.position.end;
}

/** 1.“四上”企业：现阶段统计工作… — a term, then its explanation on the same line or the next. */
function endnoteBlock(state: BuildState, block: Block): boolean {
  const text = blockText(block);
  const numbered = text.match(/^(\d{1,3})[.．、]\s*/);
  if (!state.endnotes) {
    const list: List = { type: 'list', ordered: true, start: 1, spread: true, children: [], data: { role: 'endnotes' } };
    state.nodes.push(list);
    state.endnotes = list;
  }
  const list = state.endnotes;
  if (numbered) {
    const [, rest] = splitSpans(block.spans, numbered[0].length);
    const restText = rest.map((s) => s.text).join('');
    const colon = restText.search(/[：:]/);
    const [termSpans, definitionSpans] = colon >= 0 ? splitSpans(rest, colon + 1) : [rest, []];
    const term: Strong = { type: 'strong', children: textNodes(termSpans) as PhrasingContent[], position: positionOf(termSpans) };
    const termParagraph: Paragraph = { type: 'paragraph', children: [term], position: positionOf(termSpans), data: { role: 'endnote-term' } };
    const item: ListItem = { type: 'listItem', spread: false, children: [termParagraph], position: positionOf(block.spans) };
    if (definitionSpans.length) item.children.push(bodyParagraph(state, definitionSpans));
    list.children.push(item);
    extendPosition(list, termParagraph);
    return true;
  }
  const last = list.children[list.children.length - 1];
  if (!last) return false;
  const definition = bodyParagraph(state, block.spans);
  last.children.push(definition);
  extendPosition(last, definition);
  extendPosition(list, definition);
  return true;
}

/**
 * Builds the report tree (mdast) from the cleaned lines. Headings get depths from their
 * markers — title 1, 一、 2, （一） 3, 1. 4, （1） 5 — so the tree reads as Markdown does.
 */
export function buildReportTree(tree: Root, file: VFile): Root {
  const entries: LineEntry[] = [];
  const front: Record<NonNullable<SourceLineData['front']>, SourceLine[]> = { title: [], occasion: [], byline: [] };
  let blank = false;
  for (const node of lineNodes(tree)) {
    const { source, dropped } = node.data;
    if (node.data.front) front[node.data.front].push(source);
    else if (dropped || source.text === '') blank = true;
    else {
      entries.push({ span: source, blankBefore: blank });
      blank = false;
    }
  }

  const state: BuildState = { nodes: [], paragraphCount: 0, appendixShift: 0, inEndnotes: false, points: null, endnotes: null };
  if (front.title.length) state.nodes.push(heading(1, front.title, { role: 'title', level: 0 }));
  if (front.occasion.length) state.nodes.push(paragraph(front.occasion, { role: 'occasion' }));
  if (front.byline.length) {
    const byline = paragraph(front.byline, { role: 'byline' });
    // 国务院总理 / 李克强 on two lines: a space (placed nowhere in the file) keeps office and name apart.
    if (byline.children.length === 2) byline.children.splice(1, 0, { type: 'text', value: ' ' });
    state.nodes.push(byline);
  }

  const blocks = toBlocks(entries);
  const listItems = listItemBlocks(blocks);
  // Older reports head their parts with unmarked lines; only where no 一、 heading is there.
  const unmarkedParts = !blocks.some((block, b) => !listItems.has(b) && headingMarker(blockText(block))?.level === 1);
  let markedHeadings = 0;
  for (let b = 0; b < blocks.length; b++) {
    const block = blocks[b];
    const text = blockText(block);
    const appendix = text.length <= 40 && text.match(APPENDIX);
    if (appendix && text.replace(APPENDIX, '').trim().length <= 30 && !/[。！？]/.test(text)) {
      // 附件1 / 2026年省十件民生实事 — the appendix label and its title are one heading.
      closeLists(state);
      state.inEndnotes = false;
      const spans = [...block.spans];
      const nextBlock = blocks[b + 1];
      const nextText = nextBlock ? blockText(nextBlock) : '';
      let titled = false;
      if (text.replace(APPENDIX, '').trim() === '' && nextBlock && nextText.length <= 30 && !/[。！？，]/.test(nextText) && !headingMarker(nextText)) {
        spans.push(...nextBlock.spans);
        b++;
        titled = true;
      }
      const node = heading(2, spans, { role: 'appendix', level: 1 });
      // 附件1 and 2026年省十件民生实事 are two lines; a space (placed nowhere in the file) keeps them apart.
      if (titled) node.children.splice(1, 0, { type: 'text', value: ' ' });
      state.nodes.push(node);
      state.appendixShift = 1;
      if (ENDNOTES_HEADING.test(nextText) && titled) {
        node.data = { ...node.data, role: 'endnotes' };
        state.inEndnotes = true;
      }
      continue;
    }
    if (ENDNOTES_HEADING.test(text)) {
      closeLists(state);
      state.inEndnotes = true;
      state.nodes.push(heading(2 + state.appendixShift, block.spans, { role: 'endnotes', level: 1 }));
      continue;
    }
    if (state.inEndnotes && endnoteBlock(state, block)) continue;

    const salutation = text.match(SALUTATION);
    // Alone on its line anywhere, or opening the report's first paragraph (各位代表：现在，我代表…).
    if (salutation && (text.length <= 8 || state.paragraphCount === 0)) {
      // 各位代表： is printed where it stands but is not a paragraph to number or quote; the text after it on its line is.
      const [head, body] = splitSpans(block.spans, salutation[0].length);
      state.nodes.push(paragraph(head, { role: 'salutation' }));
      if (!body.length) continue;
      block.spans = body;
    }
    if (BARE_NUMERAL_HEADING.test(text)) {
      // 一 alone on its line heads a part (older reports), as 一、 does.
      closeLists(state);
      state.nodes.push(heading(2 + state.appendixShift, block.spans, { level: 1, marker: text }));
      markedHeadings++;
      continue;
    }
    const marker = headingMarker(text);
    if (marker && listItems.has(b)) {
      // （一）要使粮食生产…。（二）… — numbered sentences of one list, not headings of sections.
      pointBlock(state, block);
      continue;
    }
    if (marker) {
      markedHeadings++;
      markedBlock(state, block, marker.level, marker.marker);
      continue;
    }
    if ((block.strong && text.length <= 40) || (unmarkedParts && state.paragraphCount > 0 && isUnmarkedHeading(block))) {
      closeLists(state);
      state.nodes.push(heading(2 + state.appendixShift, block.spans, { level: 1 }));
      markedHeadings++;
      continue;
    }
    if (POINT_START.test(text)) {
      pointBlock(state, block);
      continue;
    }
    placeParagraph(state, block.spans);
  }
  if (markedHeadings === 0) {
    file.message('no headings recognised (一、 （一） 1. （1）); the report is read as one section (to have sections, put each heading on a line of its own, starting 一、 or （一）)', {
      place: { line: entries[0]?.span.line ?? 1, column: 1 },
      ruleId: 'structure',
      source: 'briefs',
    });
  }

  const built: Root = { type: 'root', children: state.nodes };
  if (entries.length) built.position = { start: pointAt(entries[0].span, 0), end: endPointAt(entries[entries.length - 1].span, entries[entries.length - 1].span.text.length) };
  return built;
}

/**
 * The structure stage: groups the kept lines into the report tree (mdast) — title, occasion and
 * byline, headings with depths from their markers (title 1, 一、 2, （一） 3, 1. 4, （1） 5, so the
 * tree reads as Markdown does), numbered paragraphs, lists of points, endnotes.
 */
export function structureReport() {
  return (tree: Root, file: VFile) => buildReportTree(tree, file);
}
