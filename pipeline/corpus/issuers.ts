import type { CorpusRecord } from './corpus-record.js';

/** Records of one issuer, one per year (two copies of one report: the first by slug, as pairing takes). */
export function byIssuer(records: CorpusRecord[]): Map<string, CorpusRecord[]> {
  const groups = new Map<string, CorpusRecord[]>();
  for (const record of [...records].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))) {
    if (!record.issuer || !record.year) continue;
    const group = groups.get(record.issuer) ?? [];
    if (!group.some((r) => r.year === record.year)) group.push(record);
    groups.set(record.issuer, group);
  }
  for (const group of groups.values()) group.sort((a, b) => a.year! - b.year!);
  return groups;
}

/**
 * The issuer's name in file names: what its reports' slugs share before the year (national-2018
 * → national); when they share nothing, the first report's slug.
 */
export function issuerSlug(records: CorpusRecord[]): string {
  const stems = records.map((r) => r.slug.replace(/[-_.]?(1[89]|20)\d{2}([-_.].*)?$/, '')).filter((s) => /^[a-z0-9][a-z0-9-]*$/i.test(s));
  const counts = new Map<string, number>();
  for (const stem of stems) counts.set(stem, (counts.get(stem) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  return (best?.[0] ?? records[0].slug).toLowerCase();
}
