/**
 * Phrases that mark an era of government reports: from the planned economy's slogans to today's.
 * Each report counts them; a series shows those that rise and fall most across its years.
 */
export const CANDIDATE_PHRASES = [
  '社会主义改造', '总路线', '大跃进', '人民公社', '阶级斗争', '四个现代化', '拨乱反正', '计划经济', '有计划商品经济',
  '改革开放', '以经济建设为中心', '社会主义市场经济', '国有企业改革', '西部大开发', '科教兴国', '可持续发展',
  '全面建设小康社会', '科学发展观', '和谐社会', '自主创新', '转变经济发展方式', '扩大内需', '新常态',
  '供给侧结构性改革', '大众创业', '互联网+', '一带一路', '简政放权', '放管服', '脱贫攻坚', '全面建成小康社会',
  '高质量发展', '乡村振兴', '新发展理念', '新发展格局', '共同富裕', '碳达峰', '新质生产力', '人工智能',
  '数字经济', '中国式现代化', '营商环境', '全国统一大市场', '防范化解', '稳中求进',
];

/** How many times each candidate occurs in the text (only those that do). */
export function countPhrases(text: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const phrase of CANDIDATE_PHRASES) {
    let n = 0;
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + phrase.length)) n++;
    if (n) counts[phrase] = n;
  }
  return counts;
}

/** A phrase's occurrences per 10,000 characters: reports of the 1950s and of today differ in length. */
export const perTenThousand = (count: number, chars: number) => (chars ? (count * 10000) / chars : 0);

/**
 * The phrases whose frequency moves most over the years: the largest gap between a year's rate
 * and another's, among phrases present in at least two years and absent or rarer in another.
 */
export function risingAndFalling(years: Array<{ year: number; chars: number; phrases: Record<string, number> }>, howMany = 6): string[] {
  if (years.length < 2) return [];
  const scored = CANDIDATE_PHRASES.map((phrase) => {
    const rates = years.map((y) => perTenThousand(y.phrases[phrase] ?? 0, y.chars));
    const present = rates.filter((r) => r > 0).length;
    return { phrase, present, swing: Math.max(...rates) - Math.min(...rates) };
  }).filter((p) => p.present >= 2 && p.swing > 0);
  return scored
    .sort((a, b) => b.swing - a.swing || CANDIDATE_PHRASES.indexOf(a.phrase) - CANDIDATE_PHRASES.indexOf(b.phrase))
    .slice(0, howMany)
    .map((p) => p.phrase);
}
