import { canonicalName } from '../extract/canonical-name.js';
import type { Indicator } from '../extract/indicator.js';
import { simplifiedForm } from '../util/simplified-form.js';

/** What a target and a result measure, from their names as reports write them across the years. */

/**
 * Names of one thing across years: 能耗强度 / 单位国内生产总值能耗, 经济增长速度 / 国内生产总值;
 * 工農業總産值 / 工农业总产值 (in simplified characters, as extraction reads them).
 */
export function thingKey(name: string): string {
  const bare = simplifiedForm(name)
    .replace(/^(一是|二是|三是|四是|五是|六是)/, '')
    .replace(/^[^，]*?今年的?/, '')
    .replace(/(的)?(调控|预期|预定)?目标(定)?(为|是|在)?$|(预期|预定)(为|是)?$|[在为]$/, '')
    .replace(/^(年末|年底|全年|今年|去年|当年|再|要|将|继续|力争|确保|城乡|全国)+/, '')
    // 中央财政安排…, 国家拿出…: who pays is not what is measured.
    .replace(/^(中央财政|中央|地方财政|国家|各级财政|财政)(将|拟|要)?(预算)?(安排|投入|拿出|下达|用于)?/, '')
    .replace(/^(新增|改建|新建|减少|增加|压减|退出|淘汰)(?=.{2})/, '')
    .replace(/(的)?(增长速度|速度)$/, '增长')
    // 城镇新增就业 / 新增城镇就业: 新增 says how it is counted, wherever it stands.
    .replace(/(?<=.)新增(?=.)/g, '')
    // 进城落户 / 在城镇落户; 棚改 / 棚户区住房改造: one thing in the words of different years.
    .replace(/进城|在城镇|到城镇/g, '城镇')
    .replace(/棚户区(住房)?改造|棚户区|棚改/g, '棚改')
    .replace(/^新的?([一二三四五两]年)?/, '')
    .replace(/(?<=.{2})(攻坚战|攻坚|行动|计划)+$/, '');
  if (/^(能耗强度|能源消耗强度|单位(国内|地区)?生产总值能(耗|源消耗)|万元(GDP|生产总值)能耗)/.test(bare)) return '单位生产总值能耗';
  if (/^(社会)?(商品)?零售价格/.test(bare)) return '商品零售价格';
  if (/^(居民)?消费价格/.test(bare)) return '居民消费价格';
  // 经济增长 is a synonym as it stands; 进出口增长 is 进出口 once the verb is gone.
  const synonym = canonicalName(bare);
  if (synonym !== bare) return synonym;
  return canonicalName(bare.replace(/(的)?(上涨幅度|涨幅|总水平涨幅|总水平|增长|增幅|降幅)$/, '') || bare);
}

function bigrams(s: string): string[] {
  const out: string[] = [];
  for (let k = 0; k + 1 < s.length; k++) out.push(s.slice(k, k + 2));
  return out;
}

/** How alike two names of measured things are: 1 the same thing, 0 nothing shared. */
export function nameLikeness(a: string, b: string): number {
  const x = thingKey(a);
  const y = thingKey(b);
  if (!x || !y) return 0;
  if (x === y) return 1;
  // 城镇新增就业 / 城镇新增就业人数, 贫困人口 / 农村贫困人口; not 生产总值 / 单位生产总值能耗.
  const [short, long] = x.length <= y.length ? [x, y] : [y, x];
  if (short.length >= 3 && (long.startsWith(short) || long.endsWith(short))) return 0.85;
  const bx = bigrams(x);
  const by = new Set(bigrams(y));
  const pairs = bx.length && by.size ? (2 * bx.filter((g) => by.has(g)).length) / (bx.length + by.size) : 0;
  // 新增城镇就业 / 城镇新增就业: the same words in another order, weighed a little less.
  const cy = [...y];
  const shared = [...x].filter((c) => {
    const k = cy.indexOf(c);
    if (k < 0) return false;
    cy.splice(k, 1);
    return true;
  }).length;
  return Math.max(pairs, (0.8 * 2 * shared) / (x.length + y.length));
}

/** 经济 with its verb 增长 is 经济增长: a name of one word says little without its verb. */
export function fullName(i: Pick<Indicator, 'name' | 'verb'>): string {
  return i.name.length <= 2 && i.verb && /^(增长|增速|上涨)$/.test(i.verb) ? `${i.name}${i.verb}` : i.name;
}

/** The name a row prints: the thing, without the words that announced it (中央提出今年…预期目标为). */
export function displayName(i: Pick<Indicator, 'name' | 'verb'>): string {
  const name = fullName(i)
    .replace(/^[^，]*?今年的?/, '')
    .replace(/(的)?(调控|预期|预定)?目标(定)?(为|是|在)?$|(预期|预定)(为|是)?$|[在为]$/, '')
    // 财政补助从人(均40元): the words of the figure that the name caught.
    .replace(/((提高|增加)(到|至)|[从由])人均?$|[从由]$/, '')
    .trim();
  return name || i.name;
}

