/** What a hand-checked list gives for each quantity. */
export interface ExpectedQuantity {
  line: number;
  name: string;
  value: number;
  unit: string;
  kind?: string;
  text?: string;
  doubt?: string;
}

interface Found {
  line: number;
  name: string;
  value: number;
  unit: string;
}

/** Words that name opposite halves of a whole: a name with one is not a name with the other. */
const OPPOSITES: Array<[string, string]> = [['城镇', '农村'], ['城市', '农村'], ['出口', '进口'], ['收入', '支出'], ['男', '女']];

/** Longest run of characters two names share. */
function commonRun(a: string, b: string): number {
  let best = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) {
      let k = 0;
      while (a[i + k] !== undefined && a[i + k] === b[j + k]) k++;
      if (k > best) best = k;
    }
  }
  return best;
}

/**
 * Whether two names speak of the same measured thing: one holds the other, or they share a run
 * of at least four characters (or all of the shorter, when it is shorter than that).
 */
export function sameThing(expected: string, found: string): boolean {
  const a = expected.replace(/\s/g, '');
  const b = found.replace(/\s/g, '');
  if (!a || !b) return false;
  // 城镇居民… and 农村居民… share 居民人均 but are different things; so are 出口 and 进口.
  for (const [x, y] of OPPOSITES) if ((a.includes(x) && b.includes(y) && !b.includes(x)) || (a.includes(y) && b.includes(x) && !b.includes(y))) return false;
  if (a.includes(b) || b.includes(a)) return true;
  return commonRun(a, b) >= Math.min(4, a.length, b.length);
}

/** Matches found indicators to the expected list one-to-one on line, value, unit and name. */
export function matchIndicators<E extends ExpectedQuantity, F extends Found>(expected: E[], found: F[]) {
  const used = new Set<number>();
  const matched: Array<{ expected: E; found: F }> = [];
  const missed: E[] = [];
  for (const e of expected) {
    const index = found.findIndex((f, i) => !used.has(i) && f.line === e.line && f.value === e.value && f.unit === e.unit && sameThing(e.name, f.name));
    if (index >= 0) {
      used.add(index);
      matched.push({ expected: e, found: found[index] });
    } else missed.push(e);
  }
  const extra = found.filter((_, i) => !used.has(i));
  return { matched, missed, extra };
}
