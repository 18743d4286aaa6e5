import type { Edit } from './source-lines.js';

/** Something dropped from the report text, reported to the user as a warning with its place. */
export interface Dropped {
  offset: number;
  /** What was dropped, shortened for the message. */
  what: string;
  reason: string;
}

export interface InlineCleaning {
  edits: Edit[];
  /** Offsets of text that was marked bold: `[start, end)`. */
  strongRanges: Array<[number, number]>;
  dropped: Dropped[];
}

const NAMED_ENTITIES: Record<string, string> = {
  nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’',
  mdash: '—', hellip: '…', middot: '·', emsp: '\u3000', ensp: ' ', times: '×', divide: '÷', percnt: '%',
};

function shorten(text: string, max = 24): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** Text a link holds, without its tags. */
function innerText(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/**
 * Finds the markup in a report that was copied from a web page: scripts, styles and comments
 * (dropped with what they hold), injected links (dropped), other tags (removed, text kept),
 * entities (decoded), and bold runs (kept as a heading signal).
 */
export function findInlineMarkup(raw: string): InlineCleaning {
  const edits: Edit[] = [];
  const strongRanges: Array<[number, number]> = [];
  const dropped: Dropped[] = [];
  // Spans already claimed, kept sorted by start, so a check is a binary search (pages have
  // thousands of tags; a linear scan each time made reading quadratic).
  const taken: Array<[number, number]> = [];
  const firstStartingAfter = (at: number) => {
    let lo = 0;
    let hi = taken.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (taken[mid][0] <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const isTaken = (start: number, end: number) => {
    const i = firstStartingAfter(start);
    // The span starting at or before `start`, and the one after it, are the only candidates
    // (claimed spans never overlap one another).
    return (i > 0 && taken[i - 1][1] > start) || (i < taken.length && taken[i][0] < end);
  };
  const take = (start: number, end: number, replacement?: string) => {
    edits.push({ start, end, replacement });
    taken.splice(firstStartingAfter(start), 0, [start, end]);
  };

  // Active or invisible content: never part of the report, and never allowed to reach an output.
  for (const m of raw.matchAll(/<(script|style|noscript|template|iframe|head|nav|header|footer|aside|form|button|select)\b[^>]*>[\s\S]*?<\/\1\s*>|<!--[\s\S]*?-->/gi)) {
    const start = m.index!;
    take(start, start + m[0].length);
    // Named by its tag, not quoted: what a script says must not reach any output, warnings included.
    dropped.push({ offset: start, what: m[1] ? m[1].toLowerCase() : 'comment', reason: m[1] ? 'HTML block' : 'HTML' });
  }

  // Links: a link at the end of a paragraph, or after a full stop, was injected by the page the
  // text came from (an ad); a link inside a sentence wraps the report's own words, which are kept.
  for (const m of raw.matchAll(/<a\b[^>]*>([\s\S]*?)<\/a\s*>/gi)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const after = raw.slice(end).match(/^[ \t\u3000]*(\r?\n|\r|$)/);
    const before = raw.slice(Math.max(0, start - 1), start);
    const lineStartBefore = start === 0 || /[\r\n]/.test(before);
    const injected = Boolean(after) || /[。！？”]/.test(before) || lineStartBefore;
    if (injected) {
      take(start, end);
      dropped.push({ offset: start, what: shorten(innerText(m[1])), reason: 'injected link' });
    } else {
      const openEnd = start + m[0].indexOf('>') + 1;
      const closeStart = end - m[0].slice(m[0].lastIndexOf('<')).length;
      take(start, openEnd);
      take(closeStart, end);
    }
  }

  // Bold marks headings in text copied from web pages: remember the run, remove the tags.
  for (const m of raw.matchAll(/<(strong|b|h[1-6])\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const openEnd = start + m[0].indexOf('>') + 1;
    const closeStart = end - m[0].slice(m[0].lastIndexOf('<')).length;
    take(start, openEnd);
    // A heading tag also ends its line; bold inside a paragraph does not.
    take(closeStart, end, /^h\d$/i.test(m[1]) ? '\n' : undefined);
    strongRanges.push([openEnd, closeStart]);
  }

  // A web page's block tags end lines of text, as its paragraphs were on screen.
  for (const m of raw.matchAll(/<\/(p|div|li|h[1-6]|tr|section|article|blockquote)\s*>|<br\s*\/?>/gi)) {
    const start = m.index!;
    if (isTaken(start, start + m[0].length)) continue;
    take(start, start + m[0].length, '\n');
  }

  for (const m of raw.matchAll(/<![A-Za-z][^>]*>|<\?xml[^>]*\?>/g)) {
    const start = m.index!;
    if (!isTaken(start, start + m[0].length)) take(start, start + m[0].length);
  }

  // Every other tag: removed, its text kept. Only things shaped like tags (a letter or / after <),
  // so 3<5 or “<<条例>>” stay as written.
  for (const m of raw.matchAll(/<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    take(start, end);
  }

  for (const m of raw.matchAll(/&(#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (isTaken(start, end)) continue;
    const name = m[1];
    let replacement: string | undefined;
    if (name.startsWith('#x')) replacement = safeCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) replacement = safeCodePoint(parseInt(name.slice(1), 10));
    else replacement = NAMED_ENTITIES[name.toLowerCase()];
    if (replacement !== undefined) take(start, end, replacement);
  }

  return { edits, strongRanges, dropped };
}

function safeCodePoint(code: number): string | undefined {
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}
