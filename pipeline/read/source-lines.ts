/**
 * A line of the source after inline cleaning, which still knows where each of its characters
 * was in the original file: `cols[i]` is the 0-based column of `text[i]` in line `line`, and
 * `cols[text.length]` is the column just past its last character.
 */
export interface SourceLine {
  /** 1-based line number in the original file. */
  line: number;
  text: string;
  cols: number[];
  /** Offset of the line's first character in the decoded file. */
  offset: number;
  /** The whole line was marked up as bold (`<strong>`, `<b>`), a heading signal. */
  strong: boolean;
  /** A table row read as a sentence: a paragraph of its own, joined to no other line. */
  row?: boolean;
}

export interface Point {
  line: number;
  /** 1-based, as in unist. */
  column: number;
  offset: number;
}

/** A change to the raw text: drop `[start, end)` or replace it with `replacement`. */
export interface Edit {
  start: number;
  end: number;
  replacement?: string;
}

export function pointAt(source: SourceLine, index: number): Point {
  const col = source.cols[Math.min(index, source.text.length)];
  return { line: source.line, column: col + 1, offset: source.offset + col };
}

/**
 * The point just past character `index - 1`: where a span ends. Not `cols[index]`, which may lie
 * past markup dropped after the span (an ad link at the end of the line).
 */
export function endPointAt(source: SourceLine, index: number): Point {
  if (index <= 0) return pointAt(source, 0);
  const col = source.cols[Math.min(index, source.text.length) - 1] + 1;
  return { line: source.line, column: col + 1, offset: source.offset + col };
}

export function sliceLine(source: SourceLine, start: number, end = source.text.length): SourceLine {
  return {
    ...source,
    text: source.text.slice(start, end),
    cols: source.cols.slice(start, end + 1),
  };
}

const EDGE_SPACE = /[\s\u3000\u00a0\ufeff]/;

/** Trims white space (also ideographic and no-break spaces) keeping the column map aligned. */
export function trimLine(source: SourceLine): SourceLine {
  let start = 0;
  let end = source.text.length;
  while (start < end && EDGE_SPACE.test(source.text[start])) start++;
  while (end > start && EDGE_SPACE.test(source.text[end - 1])) end--;
  return start === 0 && end === source.text.length ? source : sliceLine(source, start, end);
}

/**
 * Splits the raw text into lines (CRLF, CR or LF) and applies the edits, building each
 * line's column map. Edits may span lines; a line wholly inside a dropped span comes out empty.
 */
export function buildSourceLines(raw: string, edits: Edit[], strongRanges: Array<[number, number]> = []): SourceLine[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const lines: SourceLine[] = [];
  let editIndex = 0;
  let lineNo = 1;
  let lineStart = 0;
  let text = '';
  let cols: number[] = [];
  let strongChars = 0;
  let visibleChars = 0;
  // Offsets only grow as the text is walked, so one pointer into the sorted ranges suffices.
  const ranges = [...strongRanges].sort((a, b) => a[0] - b[0]);
  let rangeIndex = 0;
  const inStrong = (offset: number) => {
    while (rangeIndex < ranges.length && ranges[rangeIndex][1] <= offset) rangeIndex++;
    return rangeIndex < ranges.length && offset >= ranges[rangeIndex][0];
  };
  const finishLine = (endOffset: number) => {
    cols.push(endOffset - lineStart);
    lines.push({ line: lineNo, text, cols, offset: lineStart, strong: visibleChars > 0 && strongChars === visibleChars });
    text = '';
    cols = [];
    strongChars = 0;
    visibleChars = 0;
  };

  let i = 0;
  while (i <= raw.length) {
    while (editIndex < sorted.length && sorted[editIndex].end <= i && sorted[editIndex].start < i) editIndex++;
    const edit = editIndex < sorted.length && sorted[editIndex].start === i ? sorted[editIndex] : undefined;
    if (edit && edit.end > i) {
      if (edit.replacement === '\n') {
        // A block tag (</p>, <br>) ends a line of text without ending the file's line: the text
        // after it starts a new line that keeps its place (same line number, its own columns).
        finishLine(i);
      } else if (edit.replacement) {
        for (const ch of edit.replacement) {
          text += ch;
          cols.push(i - lineStart);
          visibleChars++;
          if (inStrong(i)) strongChars++;
        }
      }
      // Line breaks inside a dropped span still end lines, so numbering stays that of the file.
      for (let j = i; j < edit.end; j++) {
        const c = raw[j];
        if (c === '\n' || c === '\r') {
          if (c === '\r' && raw[j + 1] === '\n') j++;
          finishLine(j);
          lineNo++;
          lineStart = j + 1;
        }
      }
      i = edit.end;
      editIndex++;
      continue;
    }
    if (i === raw.length) break;
    const c = raw[i];
    if (c === '\n' || c === '\r') {
      finishLine(i);
      lineNo++;
      i += c === '\r' && raw[i + 1] === '\n' ? 2 : 1;
      lineStart = i;
      continue;
    }
    text += c;
    cols.push(i - lineStart);
    if (!/\s/.test(c)) {
      visibleChars++;
      if (inStrong(i)) strongChars++;
    }
    i++;
  }
  finishLine(raw.length);
  return lines;
}
