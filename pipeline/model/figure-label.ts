import type { Indicator } from '../extract/indicator.js';
import { changeText, figureText } from './headline-view.js';

/**
 * A key figure as a leader reads it: the indicator's proper name over its value and unit as the
 * report prints them. Clause fragments (维修城市道路, 连获五届殊荣的城市之一) are not names, and a
 * figure the report does not print as such (3/5 read as 0.6, 三十七 as 37) is not shown.
 */
export interface KeyFigure {
  figure: string;
  label: string;
  paragraph: number;
}

/** Words a name does not start with: it is then a clause, what was done rather than what is measured. */
const VERB_START = /^(?:维修|新建|建成|建设|改造|开工|推进|实施|完成|打造|引进|培育|开展|举办|累计|连获|连续|获得|获评|达到|提高|提升|降低|下降|增加|减少|突破|实现|超过|带动|帮助|吸纳|支持|新开|开通|整治|治理|创建|入选|位居|位列|排名|占|为|有|是|共|约|近|超|全国|全年|其中)/;
/** Words that make a name a clause or a comparison, not a measured thing. */
const CLAUSE_WORDS = /[的之，,、：:；“”（）()]|之一|以上|以下|左右|比重提高|个百分点|其中|分别|同比|比上年|年均/;
/** Names that already say they are a rate of change: no 增速 after them. */
const RATE_NAME = /(?:涨幅|增速|增幅|增长|增长率|率|指数|比重|占比)$/;
/** Durations and ranks are not key figures: 连续37年, 第2位. */
const NOT_A_MEASURE_UNIT = /^(?:年|天|日|个月|月|个季度|周|位|名|届|次)$/;

/** The name the report gives, without the framing words a clause adds (全市, 全年, 今年). */
export function properName(name: string): string {
  return name.replace(/\s/g, '').replace(/^(?:全市|全省|全区|全县|全国|今年|去年|全年|当年|年末|年底)+/, '');
}

/** Whether a name reads as the name of an indicator: a bare noun (儿童, 就业) says too little. */
export function isIndicatorName(name: string): boolean {
  return name.length >= 3 && name.length <= 12 && !VERB_START.test(name) && !CLAUSE_WORDS.test(name) && !/[零一二三四五六七八九十百千万亿两]+[年届个次项]/.test(name) && !/\d{2,}/.test(name.replace(/PM2\.5|PM10|5G|4G/g, ''));
}

/** Whether the report prints this figure as we would print it. */
function printedAsIs(indicator: Indicator, figure: string): boolean {
  const text = indicator.text.replace(/％/g, '%').replace(/\s/g, '');
  const bare = figure.replace(/^(?:下降|减少|降低|增长|提高|近|超过|超|突破|达到)/, '').replace(/(?:左右|以上|以内|以下|之内)$/, '');
  return text.includes(bare) || text.includes(`${indicator.value}${indicator.unit}`);
}

/** The key figure of an indicator, or null when it would not read as one. */
export function keyFigure(indicator: Indicator): KeyFigure | null {
  if (NOT_A_MEASURE_UNIT.test(indicator.unit) || indicator.unit === '') return null;
  const name = properName(indicator.name);
  if (!isIndicatorName(name)) return null;
  // A change (提高0.2个百分点) needs its verb and its base to be read: not a key figure.
  if (indicator.kind === 'change') return null;
  const growth = indicator.kind === 'growth';
  const figure = growth ? changeText(indicator) : figureText(indicator);
  if (!printedAsIs(indicator, figure)) return null;
  // A fall is printed with its verb (下降13%): the name alone labels it. A rise needs 增速 unless
  // the name says it is a rate already (居民消费价格涨幅).
  const label = growth && indicator.direction !== 'down' && !RATE_NAME.test(name) ? `${name}增速` : name;
  return { figure, label, paragraph: indicator.paragraph };
}
