/** One quantity of a report, as indicators.json carries it (schema in DESIGN.md). */
export interface Indicator {
  /** Stable within a report: L<line>-<k>, the k-th quantity on that line. */
  id: string;
  /** What is measured, without the verb: 地区生产总值, 城镇居民人均可支配收入. */
  name: string;
  value: number;
  /** As written (full-width ％ as %); '' for the parts of a ratio. */
  unit: string;
  kind: 'level' | 'growth' | 'change' | 'share' | 'count' | 'target';
  direction: 'up' | 'down' | null;
  /** As written: 左右, 以上, 以内, 超过, 近, 达到, 多, 余, 突破, 不超过, 下限, 上限 … */
  qualifier: string | null;
  /** The year (2017) or years (2013-2017) the figure belongs to, or null when the text does not say. */
  period: string | null;
  /** The heading of the innermost section holding it. */
  section: string;
  /** 1-based line in the source file. */
  line: number;
  /** ¶ number of its paragraph. */
  paragraph: number;
  /** The verb that says how it changed, as written (增长, 下降, 精简 …), or null. */
  verb: string | null;
  /** 从A提高到B: on B, the value A it moved from (same unit). */
  from?: number;
  /** 从A提高到B: on A, the id of B; A is B's starting level, of the period before B's. */
  baselineOf?: string;
  /** The clause it was read from, verbatim. */
  text: string;
}
