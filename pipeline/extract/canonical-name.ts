/**
 * One name for one measured thing across reports and years, so a target can meet its result:
 * 国内生产总值 / 地区生产总值 / 经济增长 / GDP; 居民消费价格涨幅 / 居民消费价格指数 / CPI; 万元GDP能耗 /
 * 单位GDP能耗 / 单位国内生产总值能耗.
 */
const SYNONYMS: Array<[RegExp, string]> = [
  [/^(国内生产总值|地区生产总值|生产总值|经济增长|经济增速|GDP|全市生产总值|全省生产总值|全区生产总值)$/, '生产总值'],
  [/^(居民消费价格(涨幅|指数|总水平|上涨)?|消费价格(涨幅|指数)?|CPI|物价涨幅|物价)$/, '居民消费价格'],
  [/^(单位|万元)(GDP|国内生产总值|地区生产总值|生产总值)能耗$/, '单位生产总值能耗'],
  [/^(规模以上|规上)工业增加值$/, '规模以上工业增加值'],
  [/^(地方)?一般公共预算收入$/, '一般公共预算收入'],
  [/^(城镇)?登记失业率$/, '城镇登记失业率'],
  [/^(城镇)?调查失业率$/, '城镇调查失业率'],
  [/^(全社会)?固定资产投资$/, '固定资产投资'],
  [/^(外贸|货物)?出口(总额)?$/, '出口'],
  [/^(外贸|货物)?进出口(总额)?$/, '进出口'],
  [/^社会消费品零售(总额)?$/, '社会消费品零售总额'],
];

export function canonicalName(name: string): string {
  const bare = name
    .replace(/\s/g, '')
    .replace(/^(全市|全省|全区|全县|全国|今年|去年|全年|实现|完成|减少|新增|增加|压减|压缩)+/, '')
    .replace(/(年均|增速|增长率|增幅)$/, '');
  for (const [pattern, canonical] of SYNONYMS) if (pattern.test(bare)) return canonical;
  return bare;
}
