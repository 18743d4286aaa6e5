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
