import { slugOf } from '../model/prepare-report.js';

/**
 * Reports that would write into one folder (a.txt and a.md both make out/a) are built neither:
 * which one the user meant cannot be known, and building both would mix them.
 */
export function separateSlugCollisions(files: string[]): { files: string[]; errors: string[] } {
  const bySlug = new Map<string, string[]>();
  for (const file of files) bySlug.set(slugOf(file), [...(bySlug.get(slugOf(file)) ?? []), file]);
  const errors = [...bySlug]
    .filter(([, group]) => group.length > 1)
    .map(([slug, group]) => `${group.join(', ')}: these reports would all be written to ${slug}/; rename all but one (neither was built)`);
  return { files: files.filter((f) => bySlug.get(slugOf(f))!.length === 1), errors };
}
