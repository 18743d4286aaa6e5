/** A report of a batch, as pairing sees it. */
export interface ReportIdentityOf {
  slug: string;
  issuer: string | null;
  year: number | null;
}

/**
 * For each report, the report of the same issuer for the year before, when the batch holds it:
 * the later report's results judge the earlier report's targets.
 */
export function pairReports<T extends ReportIdentityOf>(reports: T[]): Map<string, T> {
  const earlierOf = new Map<string, T>();
  for (const later of reports) {
    if (!later.issuer || !later.year) continue;
    const earlier = reports.find((r) => r !== later && r.issuer === later.issuer && r.year === later.year! - 1);
    if (earlier) earlierOf.set(later.slug, earlier);
  }
  return earlierOf;
}

/**
 * Reports of one batch that say they are the same issuer's report of the same year: a copy, or
 * a year or issuer misread. Pairing takes the first; the user should know which files they are.
 */
export function sameIdentityGroups<T extends ReportIdentityOf>(reports: T[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const report of reports) {
    if (!report.issuer || !report.year) continue;
    const key = `${report.issuer}\u0000${report.year}`;
    groups.set(key, [...(groups.get(key) ?? []), report]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}
