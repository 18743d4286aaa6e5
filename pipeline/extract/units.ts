/**
 * Units as reports write them, longest first so 万亿元 wins over 亿元 and 元. A unit keeps the
 * magnitude it is written with (7363.9 亿元, 1361 万人): the value is the number as printed.
 */
const MAGNITUDE = ['万亿', '亿', '万', '千', '百'];
const BASE_UNITS = [
  // money and grain
  '元/人', '元/月', '元', '美元', '担', '欧元', '日元', '港元', '英镑', '新卢布', '卢布', '斤', '公斤', '千克', '毫克', '克',
  // rates
  '个百分点', '百分点', '个千分点', '千分点', '%', '‰', '倍', '成',
  // people, households, visits
  '人次', '人', '户', '名', '位',
  // things counted
  '个季度', '个月', '个', '家', '项', '件', '所', '座', '条', '台', '辆', '套', '株', '批次', '批', '处', '种', '部', '场', '次', '只', '头',
  '张', '枚', '锭', '栋', '间', '块', '艘', '架', '支', '床', '首', '本', '篇', '起', '宗', '笔', '单', '片', '期', '轮', '类', '组', '届', '所学校',
  '对', '门', '班次', '架次', '艘次', '航次', '列', '趟',
  // physical
  '平方公里', '平方千米', '平方公尺', '公尺', '伏', '度', '平方米', '立方米', '千瓦时', '千瓦', '兆瓦时', '兆瓦', '吉瓦时', '吉瓦', '标箱', '标准箱', '公里', '千米', '公顷', '亩', '吨', '米', '微克/立方米', '微克每立方米', 'TEU',
  // time
  '小时', '分钟', '天', '周岁', '岁', '年',
];

/** Every unit with and without a magnitude in front, longest first. */
export const UNITS: string[] = [...new Set([...MAGNITUDE.flatMap((m) => BASE_UNITS.map((u) => m + u)), ...MAGNITUDE, ...BASE_UNITS])].sort((a, b) => b.length - a.length);

/** Measure words of counted things, but people (人, 人次). */
const COUNTERS = '枚|对|个|家|项|件|所|座|条|台|辆|套|株|批次|批|处|种|部|场|次|只|头|张|栋|间|块|艘|架|支|床|首|本|篇|起|宗|笔|单|片|期|轮|类|组|户|名|位';

/** Units that count things; with them, the thing counted is often written after the unit (新增10个平台). */
export const COUNT_UNITS = new RegExp(`^(万|亿)?(${COUNTERS}|人|人次)$`);

/**
 * Measure words after which a report names what it counts (新增10个平台, 完成637个村…): the counting
 * units without 人/人次 (城镇新增就业8.2万人 names its thing before the number), plus periods.
 */
export const NAMED_AFTER_UNITS = new RegExp(`^(万|亿)?(${COUNTERS}|届|个季度|个月)$`);

/** What a compound unit is counted per: 万吨/日, 人/百亿元, 公斤/亩, 元/吨. */
const PER = /^[/／]((?:十|百|千)?(?:万亿|亿|万)?)(元|美元|人|户|亩|公顷|吨|日|天|年|月|周|小时|秒|分钟|公斤|千克|平方米|立方米|平方公里|公里|千米|米|千瓦时|床|次|辆|标准煤)/;

/**
 * The unit written at the start of `text`, or '' (full-width ％ read as %). A unit is taken
 * whole: 832万辆次 (a counter and 次), 5万吨/日 and 1.2人/百亿元 (per something), 4.8万P.
 */
export function unitAt(text: string): string {
  const t = text.replace(/^％/, '%');
  let unit = UNITS.find((u) => t.startsWith(u)) ?? '';
  if (!unit) return '';
  if (/(个|家|项|件|辆|场|户|车|台|套|人)$/.test(unit) && t[unit.length] === '次' && !/人次$/.test(unit)) unit += '次';
  const per = t.slice(unit.length).match(PER);
  if (per && !unit.includes('/')) unit += per[0];
  // 4.8万P, 10万kW: letters after a bare magnitude are the unit's own.
  const letters = /^(万亿|亿|万|千|百)$/.test(unit) ? t.slice(unit.length).match(/^[A-Za-z]{1,6}(?![A-Za-z0-9])/) : null;
  if (letters) unit += letters[0];
  return unit;
}
