import { normaliseDigits } from '../../pipeline/extract/chinese-numerals.js';

/** Every number written in digits in a text, as written (7363.9, 6.5, 2018). */
export function numbersIn(text: string): string[] {
  return [...normaliseDigits(text).matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]);
}

/**
 * The numbers a publication prints that its report does not: ¶ references are the tool's own
 * citations and are left out; every other number must be the report's.
 */
export function numbersNotInReport(printed: string, report: string): string[] {
  const known = new Set(numbersIn(report.replace(/\s+/g, '')));
  return numbersIn(printed.replace(/\s+/g, '').replace(/¶\d+/g, '')).filter((n) => !known.has(n));
}
