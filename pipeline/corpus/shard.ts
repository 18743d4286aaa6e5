/** SHARD=k/n: this build is the k-th of n (1-based), each building its share of the reports. */
export interface Shard {
  index: number;
  count: number;
}

export function parseShard(text: string | undefined): Shard | undefined {
  if (!text) return undefined;
  const m = text.trim().match(/^(\d+)\/(\d+)$/);
  if (!m || Number(m[2]) < 1 || Number(m[1]) < 1 || Number(m[1]) > Number(m[2])) throw new Error(`SHARD=${text}: write it as k/n, 1 ≤ k ≤ n (SHARD=2/4 builds the second of four shards)`);
  return { index: Number(m[1]), count: Number(m[2]) };
}

/**
 * The reports of one shard. Reports are cut by issuer, so that a report and the year before it
 * (the targets review) and an issuer's years (its series) are built by one shard: the issuers,
 * largest first, each go to the shard with the fewest bytes so far. Every shard reads the same
 * SOURCE and so computes the same cut; a report whose issuer is not known goes by its own name.
 */
export function reportsOfShard<T extends { file: string; issuer: string | null; bytes: number }>(reports: T[], shard: Shard): T[] {
  const groups = new Map<string, T[]>();
  for (const report of reports) {
    const key = report.issuer ?? `file:${report.file}`;
    groups.set(key, [...(groups.get(key) ?? []), report]);
  }
  const size = (group: T[]) => group.reduce((sum, r) => sum + r.bytes, 0);
  const ordered = [...groups].sort((a, b) => size(b[1]) - size(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const loads = Array.from({ length: shard.count }, () => 0);
  const mine: T[] = [];
  for (const [, group] of ordered) {
    const lightest = loads.indexOf(Math.min(...loads));
    loads[lightest] += size(group);
    if (lightest === shard.index - 1) mine.push(...group);
  }
  const order = new Map(reports.map((r, k) => [r, k]));
  return mine.sort((a, b) => order.get(a)! - order.get(b)!);
}
