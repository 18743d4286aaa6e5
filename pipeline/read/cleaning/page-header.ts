import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { BYLINE, OCCASION_END, OCCASION_START, REPORT_TITLE, headingMarker, removeLetterSpacing } from '../patterns.js';
import type { SourceLineNode } from '../tree-types.js';
import { dropLines, keptLines } from './lines.js';

/** The salutation that opens the report proper: 各位代表： (older reports: 各位代表！). */
export const SALUTATION = /^各位(代表|委员)[：:！!，,]/;

/** How far into the file the report's front matter may start: past it, the page header has ended. */
const HEADER_LINES = 60;

const isSentence = (text: string) => /[。！？；]/.test(text) || (text.length >= 40 && /[，,]/.test(text));
const isTitleLine = (text: string) => REPORT_TITLE.test(text) && text.length <= 40 && !/[。！？，]/.test(text) && !headingMarker(text);
/** The first part of a title broken over lines ends with a year or a place: 2026年广东省 / 政府工作报告. */
const TITLE_HEAD = /^(\d{4}\s*年)?[\u4e00-\u9fa5]{0,16}?(\d{4}\s*年度?|省|市|区|县|州|盟|旗|自治区|国务院)$/;
/** A byline split over two lines: 国务院总理 / 李克强, or only the name after the occasion (周恩来). */
const OFFICE_ONLY = /^[\u4e00-\u9fa5]{0,16}(总理|省长|市长|区长|县长|州长|盟长|旗长|主席|代省长|代市长|代区长|代县长)$/;
const NAME_ONLY = /^[\u4e00-\u9fa5·]{2,5}$/;

/** Where the report proper starts: its salutation, else its first heading or sentence. */
function bodyStart(lines: SourceLineNode[]): number {
  const limit = Math.min(lines.length, HEADER_LINES);
  for (let i = 0; i < limit; i++) {
    const text = lines[i].value;
    if (SALUTATION.test(text)) return i;
    if (headingMarker(text) && !isTitleLine(text)) break;
  }
  for (let i = 0; i < limit; i++) {
    const text = removeLetterSpacing(lines[i].value);
    if (isTitleLine(text) || OCCASION_START.test(text) || BYLINE.test(text)) continue;
    if (headingMarker(text) || isSentence(text)) return i;
  }
  return 0;
}

/** The title, occasion and byline among the header's lines, in whatever order the page put them. */
function findFrontMatter(header: SourceLineNode[]): Map<SourceLineNode, 'title' | 'occasion' | 'byline'> {
  const front = new Map<SourceLineNode, 'title' | 'occasion' | 'byline'>();
  const text = (i: number) => (header[i] ? removeLetterSpacing(header[i].value) : '');
  // The report's own title is the last title before the body (a page may show its own first).
  let title: { from: number; to: number } | null = null;
  for (let i = 0; i < header.length; i++) {
    if (isTitleLine(text(i))) title = { from: i, to: i };
    else if (/工作报?$/.test(text(i)) && isTitleLine(text(i) + text(i + 1))) title = { from: i, to: i + 1 }; // 政府工作报 / 告
  }
  if (title) {
    if (title.from > 0 && TITLE_HEAD.test(text(title.from - 1)) && !/^\d{4}/.test(text(title.from))) title.from--;
    for (let i = title.from; i <= title.to; i++) front.set(header[i], 'title');
  }
  let hasOccasion = false;
  let hasByline = false;
  let occasionEnd = -1;
  for (let i = title ? title.to + 1 : 0; i < header.length; i++) {
    const t = text(i).replace(/[\s\u3000]+/g, ' ');
    if (!hasOccasion && OCCASION_START.test(t)) {
      hasOccasion = true;
      front.set(header[i], 'occasion');
      let joined = t;
      while (!OCCASION_END.test(joined) && i + 1 < header.length && !BYLINE.test(text(i + 1)) && !/[。！？]/.test(text(i + 1)) && joined.length < 80) {
        joined += text(++i);
        front.set(header[i], 'occasion');
      }
      occasionEnd = i;
    } else if (!hasByline && BYLINE.test(t)) {
      hasByline = true;
      front.set(header[i], 'byline');
    } else if (!hasByline && OFFICE_ONLY.test(t) && NAME_ONLY.test(text(i + 1).trim())) {
      hasByline = true;
      front.set(header[i], 'byline');
      front.set(header[++i], 'byline');
    } else if (!hasByline && hasOccasion && i === occasionEnd + 1 && NAME_ONLY.test(t)) {
      hasByline = true;
      front.set(header[i], 'byline');
    }
  }
  return front;
}

/**
 * Keeps of the page's header only the report's front matter — title, occasion, byline — and
 * drops the rest that stands before the report proper: site names, breadcrumbs, a news lead-in.
 */
export function dropPageHeader() {
  return (tree: Root, file: VFile) => {
    const lines = keptLines(tree);
    const header = lines.slice(0, bodyStart(lines));
    const front = findFrontMatter(header);
    const rest: SourceLineNode[] = [];
    for (const node of header) {
      const role = front.get(node);
      if (role) node.data.front = role;
      else if (!headingMarker(node.value)) rest.push(node);
    }
    if (rest.length) dropLines(file, rest, 'page-header', 'page header (not the report’s words)');
  };
}
