import { slugOf } from '../model/prepare-report.js';

/**
 * Reports that would write into one folder (a.txt and a.md both make out/a) are built neither:
 * which one the user meant cannot be known, and building both would mix them.
 */
export function separateSlugCollisions(files: string[]): { files: string[]; errors: string[] } {
  const bySlug = new Map<string, string[]>();
  for (const file of files) bySlug.set(slugOf(file), [...(bySlug.get(slugOf(file)) ?? []), file]);
  const errors: string[] = [];
  const kept: string[] = [];
  for (const [slug, group] of bySlug) {
    if (group.length === 1) kept.push(group[0]);
    else errors.push(`${group.join(', ')}: these reports would all be written to ${slug}/; rename all but one (neither was built)`);
  }
  return { files: files.filter((f) => kept.includes(f)), errors };
}
