import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { mmToPt, pageStyleNamed } from '../../pipeline/write/page-style.js';
import { readLayout, type PageBox } from '../helpers/page-geometry.js';

/** A one-page sheet or a summary as a reader finds it: its pages, lines and how far down the text runs. */
export interface SheetReading {
  pages: PageBox[];
  /** Per page, how far down the text block its last line of text ends (0 top, 1 foot). */
  used: number[];
  /** The printed items (bulleted lines joined up to their ¶ mark), without the bullet. */
  items: string[];
  text: string;
}

const PAGE_NUMBER = /^—\s*\d+\s*—$/;

/** Reads a page-budgeted PDF back with pdftotext -bbox-layout; `style` is the front matter's (official or modern, compact). */
export function readSheet(pdf: string, style: string): SheetReading {
  const pages = readLayout(pdf);
  const m = pageStyleNamed(style, 'compact').marginsMm;
  const used = pages.map((page) => {
    const top = mmToPt(m.top);
    const bottom = page.height - mmToPt(m.bottom);
    const body = page.lines.filter((l) => !PAGE_NUMBER.test(l.text.replace(/\s/g, '')) && l.yMin >= top - 2 && l.yMax <= bottom + 30);
    const last = Math.max(top, ...body.map((l) => l.yMax));
    return (last - top) / (bottom - top);
  });
  const text = pages.flatMap((p) => p.lines.map((l) => l.text)).join('\n');
  // An item runs from its line to the ¶ reference that closes it.
  const joined = pages.flatMap((p) => p.lines.map((l) => l.text.replace(/\s/g, ''))).join('');
  const items = [...joined.matchAll(/(?<=）|^)([^（）]{4,}?)（¶\d+）/g)].map((x) => x[1]);
  return { pages, used, items, text };
}

/** The style an audience's sheet is printed in, from its YAML. */
export function audienceStyle(file: string): string {
  return String(parse(readFileSync(file, 'utf8')).style ?? 'modern');
}

/** Sentences and clauses (split at 。；！？，) of 12 or more characters printed more than once. */
export function repeatedSentences(text: string): string[] {
  const flat = text.replace(/\s/g, '').replace(/（¶\d+）/g, '。');
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const s of flat.split(/[。；！？，]/)) {
    if (s.length < 12) continue;
    if (seen.has(s)) twice.add(s);
    seen.add(s);
  }
  return [...twice];
}

export const LIST_WORD_START = /^(?:[一二三四五六七八九十]是|其中|同时|此外|另外|——)/;
