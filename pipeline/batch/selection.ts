import type { ReportRecord } from './incremental.js';

/**
 * What a batch builds when the user asks for a part of it: FORMATS (which files of each
 * publication) and PUBLICATIONS (which publications). The batch consults the selector for every
 * publication it knows of, by name, so a new kind of publication (the corpus-level comparisons,
 * say) is selectable by adding its name or group to the list it validates against.
 */

/** The files each publication is written as. */
export const FORMATS = ['pdf', 'docx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

/** Thrown for a value the user gave that is not one of those accepted; the message lists them. */
export class SelectionError extends Error {}

/** The words of a list variable: separated by commas or spaces, lower-cased, each once. */
export function listWords(value: string | undefined): string[] {
  return [...new Set((value ?? '').split(/[\s,]+/).map((w) => w.trim().toLowerCase()).filter(Boolean))];
}

/** FORMATS=pdf,docx: the formats named, in the canonical order; all when unset or empty. */
export function parseFormats(value: string | undefined): Format[] {
  const words = listWords(value);
  if (words.length === 0) return [...FORMATS];
  const unknown = words.filter((w) => !(FORMATS as readonly string[]).includes(w));
  if (unknown.length) throw new SelectionError(`FORMATS=${value}: no format ${unknown.map((w) => `“${w}”`).join(', ')}; formats are: ${FORMATS.join(', ')} (default all; e.g. FORMATS=pdf,docx)`);
  return FORMATS.filter((f) => words.includes(f));
}

/** Publication names of the same kind share a group (brief-business → brief, compare-2024 → compare). */
function groupOf(name: string): string | null {
  const dash = name.indexOf('-');
  return dash > 0 ? name.slice(0, dash) : null;
}

/**
 * The names PUBLICATIONS accepts, given the publications the batch can build: each name, and
 * each group of two or more names or of a name with a suffix the batch makes up (brief for every
 * brief-<audience>).
 */
export function acceptedPublications(names: string[], groups: string[] = []): string[] {
  const accepted = new Set<string>();
  for (const name of names) {
    const group = groupOf(name);
    if (group && (groups.includes(group) || names.filter((n) => groupOf(n) === group).length > 1)) accepted.add(group);
  }
  for (const group of groups) accepted.add(group);
  for (const name of names) accepted.add(name);
  return [...accepted];
}

/**
 * PUBLICATIONS=summary,brief: a test of a publication's name, or null for all. A word is a
 * publication's name, a group (brief: every brief; compare: every comparison), a group's plural
 * (briefs), or an audience's name alone (business for brief-business). Anything else is an error
 * that lists what is accepted.
 */
export function selectPublications(value: string | undefined, accepted: string[]): ((name: string) => boolean) | null {
  const words = listWords(value);
  if (words.length === 0) return null;
  const resolve = (word: string): string | null => {
    if (accepted.includes(word)) return word;
    if (word.endsWith('s') && accepted.includes(word.slice(0, -1))) return word.slice(0, -1);
    const asBrief = `brief-${word}`;
    return accepted.includes(asBrief) ? asBrief : null;
  };
  const unknown = words.filter((w) => resolve(w) === null);
  if (unknown.length) throw new SelectionError(`PUBLICATIONS=${value}: no publication ${unknown.map((w) => `“${w}”`).join(', ')}; publications are: ${accepted.join(', ')} (default all; e.g. PUBLICATIONS=summary,brief)`);
  const chosen = words.map((w) => resolve(w)!);
  return (name) => chosen.some((c) => name === c || name.startsWith(`${c}-`));
}

/** FORMATS and PUBLICATIONS as the plan of a batch consults them. */
export interface PlanSelection {
  formats: Format[];
  /** Whether to build the publication of this name; null: all. */
  publication: ((name: string) => boolean) | null;
}

/** Whether PUBLICATIONS asks for this output (the data, charts and exports, always). */
export function selected(output: string, selection: PlanSelection | undefined): boolean {
  return output === 'data' || !selection?.publication || selection.publication(output);
}

/** Whether the last build wrote every format asked for now: one made with FORMATS=pdf lacks the DOCX. */
export function hasFormats(recorded: ReportRecord | undefined, output: string, selection: PlanSelection | undefined): boolean {
  if (output === 'data' || !selection) return true;
  const files = recorded?.outputs[output]?.files ?? [];
  return selection.formats.every((format) => files.some((f) => f.endsWith(`${output}.${format}`)));
}
