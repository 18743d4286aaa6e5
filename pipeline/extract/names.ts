/**
 * Naming what a figure measures from the words before it in its clause: 实现地区生产总值7363.9亿元
 * → 地区生产总值; 分别增长6.7%和7.7% → the subjects named just before; 新增10个产业技术创新平台
 * → 产业技术创新平台 (a count names its thing after the unit).
 */

import { compactDigits } from './chinese-numerals.js';
import { NAMED_AFTER_UNITS } from './units.js';

/** Words that change a figure: the verb says growth and its direction. */
export const UP_VERBS = '递增|增长|增加|提高|提升|上升|上涨|扩大|新增|增产|调增|增|涨|上调|净增|翻番|翻';
export const DOWN_VERBS = '递减|核减|下降|减产|调减|减少|降低|回落|压缩|精简|削减|缩短|缩小|下调|降|减|净减|压减|缩减|淘汰';
const CHANGE_VERB = new RegExp(`(${UP_VERBS}|${DOWN_VERBS})$`);
const LEVEL_VERB_WORDS = '回落到|回落至|回升到|回升至|迈上|跨上|跃上|站上|迈入|跨越|稳居|(?:压缩|缩短|缩小|延长|扩大|提高|提升|增加|减少|下降|降低|上升|增长|缩减|压减)[至到]|提高到|提高至|提升到|提升至|增加到|增加至|增长到|增长至|上升到|上升至|下降到|下降至|降低到|降低至|降到|降至|减少到|减少至|达到|达|等于|为|占|是|保持在|控制在|稳定在|突破|超过|不超过|不低于|接近|近|大约|(?<![签节合公条契预制])约|逾|超';
const LEVEL_VERB = new RegExp(`(${LEVEL_VERB_WORDS})$`);

/** Words before the measured thing that are not part of its name. */
const LEADING_FILLER = /^(拟(?=[安发下])|在?(?:近|过去|最近)[\d一二两三四五六七八九十几]+(?:年|个月)(?:来|间|里|中)?|在[^，、在]{1,6}?(?:初期|期间|时期|末期|后期|中期|以来|之后|之前|过程中)|同期|要求|使(?!用)|让(?!利)|到了?|约|其中|即|则|也|但|而且|并且|同时|但是|而(?![今后])|尽管|尽快|用[^，]{1,4}时间|将|只有|已经有|已有|共有|我国的?|规定|全年|全市|全省|全区|全县|全国|今年|去年|上年|同比|比上年|较上年|累计|共(?![建享同治富赢])|总计|合计|一年来|五年来|过去一年|过去五年|我们|我市|我省|我区|共计|再|还|又|力争|确保|争取|计划|预计|要(?!求)|将|努力|继续|进一步)+/;
const LEADING_VERB = /^(提出了?|实现了?|完成了?|建成(?!区)了?|投入|引进|新建|改造|整治|开工|启动|取消调整|取消|组织|开展|举办|培育|推动|推进|带动|吸引|帮助|支持|培训|认定|获批|获得|拥有|有(?![机效色线关限序力利])|达到|建设|打造|创建|落地|签约|引导|发展|设立|组建|实施|出台|安排|解决|提供|资助|救助|惠及|覆盖|减免|发放|筹集|改扩建|扩建|新开工|完成投资|投资)/;
const TRAILING_NOISE = /((?<![\d.])[\d一二两三四五六七八九十]+(?:年|个月)(?:来|间|里|内)?|[从由](?:上年|去年|五年前|年初|过去|原来|目前|现行|每(?:人|户|生|亩|吨|辆)每(?:年|月|日|天)|每(?:人|户|生|亩|吨|辆|年|月|日|天)|月销售额|年销售额)的?|(?:比|较)[^，、；]{0,10}(?:年|末期|期末|年末|年初|季度|月份)(?:同期)?(?:预计数|预算数|预算|实际数|执行数)?的?|由负转正|转为|转|首次|预期|平均每年|每年|五年间|五年共|五年来|现已|现在|目前|继续|计划|累计完成|逆势|双双|高出|高|低|连续[一二两三四五六七八九十\d]+年|拟安排|安排|五年|达到或者|或者|大约有|約有|约有|已有|的有|就有|还有|仍有|只需要|需要|只需|却|約|就应当|应当|应该|都在|均在|年内|如期|还多|(?:比|较)(?:上年|去年|上一年)(?:多|少)|每人每月|每人每年|每户每月|完成|(?<![所国拥具占含现共没])有|(?<![人英天帅奇专])才|继续保持|保持|只有|(?<![船一两几])只|已经有|共有|(?<!成)就|也|又|即|将|再次|仍然|仍|分别|均|都|同比|比上年|较上年|比去年|增速|了|的|累计|总计|总共|共|年均|平均|全年|其中|从|由|实现|增至|减至|接连|连续|预计|已经|已|大约|(?<![签节合公条契预制])约|同口径|实际|名义|按可比价格计算|可比价|剔除[^，、]{1,12}因素(后)?|拟按|拟|可以|要|至少|再|力争|确保|一律|一概|统统|要?按[^，、；]{1,10}?(?:数额|基数|标准|口径|比例)|要)+$/;

export interface NameReading {
  /** The measured thing as written, or '' when the clause names none (分别增长6.7%…). */
  subject: string;
  /** The verb right before the figure, which says growth and direction: 增长, 下降 … */
  verb: string | null;
  /** 均 or 都: one value for every subject listed (均控制在3%以内). */
  each: boolean;
  /** 分别 before the figures: the subjects listed take the figures in turn (or, before one figure, each takes it). */
  respectively: boolean;
  /** The subject ends in a word that is itself a rate of change: 涨幅, 增速. */
  rateWord: boolean;
  /** All the clause had before the figure was a verb (维修200万平方米老旧住宅…): the thing comes after. */
  verbOnly: boolean;
  /** A verb of reach (惠及, 覆盖 …) right before the figure: what follows is whom it reaches. */
  reach: string | null;
}

/** Verbs of whom a programme reaches: 惠及19.3万户, 覆盖9亿多人, 带动就业 … */
export const REACH_VERB = /^(惠及|覆盖|带动|受益|帮助|救助|资助|吸纳|服务)$/;

/**
 * The words without the years in them: 从2002年 → 从, 在一九五七年 → '', 增加到2007年的 → 增加到.
 * A year dates a figure (period.ts reads it); it is never part of what the figure measures.
 * The 于 of 等于 stays: 等于一九四九年的二点五倍 keeps its verb.
 */
export function withoutYears(text: string): string {
  return text.replace(/(?:[在于从])?(?:\d{4}|[〇零一二三四五六七八九]{4})(?:年)?[到至—-](?=(?:\d{4}|[〇零一二三四五六七八九]{4})年)/g, '').replace(/(?:又)?(?:[在比较]|(?<!等)于)?(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末|度)?(?:的)?/g, '').replace(/(?<=[到至])(?:\d{4}|[〇零一二三四五六七八九]{4})年(?:底|末)?的?/g, '');
}

/** Reads the text before a figure (within its clause) into the subject and the verb. */
export function readName(before: string): NameReading {
  let text = withoutYears(compactDigits(withoutInvisibles(before))).trim();
  let verb: string | null = null;
  let each = false;
  let respectively = false;
  // Peel qualifiers, verbs and particles off the end until the subject is left.
  for (let guard = 0; guard < 6; guard++) {
    const level = text.match(LEVEL_VERB);
    const change = text.match(CHANGE_VERB);
    const noise = text.match(TRAILING_NOISE);
    if (level) {
      // 增长近三倍: 近 qualifies the figure; the verb is 增长, further in.
      if (!/^(近|大约|约|逾|超|超过|突破|不超过|不低于|接近)$/.test(level[1])) verb ??= level[1];
      text = text.slice(0, -level[1].length);
    } else if (change && text.length > change[1].length) {
      verb ??= change[1];
      text = text.slice(0, -change[1].length);
    } else if (change) {
      verb ??= change[1];
      text = '';
    } else if (noise) {
      // 均 or 都, or 分别 before one value: the value holds for every subject listed.
      if (/(^|[^年平])[均都]/.test(noise[1])) each = true; // not 年均 or 平均
      if (/分别/.test(noise[1])) respectively = true;
      text = text.slice(0, -noise[1].length);
    } else break;
  }
  // 一九五八年我国工农业总产值: a year or a comparison opening the words is not part of the name.
  text = withoutYears(text.replace(/^[、和及与]/, ''));
  text = text.replace(LEADING_FILLER, '');
  const leading = text.match(LEADING_VERB) ?? text.match(/^(生产|维修|修复|整修|提升|改善|种植|治理|清理|拆除|关闭|取缔|承办|引导|帮扶|新增)$/);
  // 投资增长5%: a word that can be a verb is the subject when the verb is a change after it.
  const verbOnly = leading !== null && leading[0].length === text.length && !(verb && !isLevelVerb(verb) && leading[0].length >= 2 && /^(投资|投入|融资|发展|建设)$/.test(leading[0]));
  if (leading && text.length - leading[0].length >= 2) text = text.slice(leading[0].length);
  text = text.replace(LEADING_FILLER, '').replace(/^[、和及与的]/, '');
  // 黄石、咸宁、天门等全国文明城市: examples listed before 等 are not the thing measured.
  text = text.replace(/^[^，]*、[^、，]{1,12}等(?![级同于待候])(?=.{2})/, '');
  // 花卉产量全球第一、优质鲜切花占比: a ranking said of one thing before another thing's figure.
  text = text.replace(/^[^、，]*(全球第一|全国第一|第一|首位|前列|第[一二三四五六七八九十\d]+位?)、(?=.{2})/, '');
  // A long run-up keeps only its last phrase: …的关键作用，工业投资 → 工业投资.
  if (text.length > 22) text = text.split(/[的在把对将]/).pop() ?? text;
  // 5年增长18.7%, 在…的基础上: a span or a bare preposition is all that is left; it names nothing.
  if (/^(?:(?:近|过去|最近)?[\d一二两三四五六七八九十几]+(?:年|个月)(?:来|间|里|内)?|[在于从由对把将]|远远|大大|明显|显著|略|稍)$/.test(text)) text = '';
  const rateWord = /(涨幅|增速|增幅|增长率|增长|增长速度)$/.test(text);
  // 学生资助惠及: the programme, then whom it reaches after the figure.
  const reachAtEnd = text.match(/(惠及|覆盖|带动|受益|帮助|救助|资助|吸纳|服务)$/);
  const reach = verbOnly && REACH_VERB.test(leading![0]) ? leading![0] : reachAtEnd && text.length > reachAtEnd[1].length + 1 ? reachAtEnd[1] : null;
  const subject = verbOnly ? '' : reach ? text.slice(0, -reach.length).trim() : text.trim();
  return { subject, verb, each, respectively, rateWord, verbOnly, reach };
}

/** Words that open what a list of subjects shares: 居民人均可支配收入, 全产业链产值, 排放量 … */
const SHARED_TAIL = /(居民|全产业链|产业链|地铁|排放|产值|增加值|投资|收入|支出|人均|总额|总量|产量|面积|人数|比重|贷款|存款|零售额|进出口|利润|营收|税收|用电量|覆盖率|利用率|处理率|参保率|合格率|达标率|标准|补贴)/;

/** Splits a listed subject into one name per value: 城乡居民人均可支配收入 ×2 → 城镇…, 农村…. */
export function splitSubject(subject: string, count: number): string[] {
  if (count < 2) return [subject];
  if (subject.startsWith('城乡') && count === 2) return [`城镇${subject.slice(2)}`, `农村${subject.slice(2)}`];
  // 接待游客、实现旅游总花费: a verb that opens a part is not part of its name.
  const parts = subject.split(/、|和|及|与|以及/).filter(Boolean).map((p) => p.replace(/^(实现|完成|达到)(?=..)/, ''));
  if (parts.length === count) {
    // Short heads share the last part's tail: 工业、高技术产业投资 → 工业投资; 英特尔、恒力项目年内投资
    // → 英特尔项目年内投资. An industry (…业) takes only the final noun; a name takes from 项目/企业 on.
    const last = parts[parts.length - 1];
    const noun = last.match(/(投资|收入|支出|产值|增加值|总额|总量|人数|面积|产量|规模|比重|利用率|处理率|覆盖率|率)$/)?.[1];
    const classTail = last.match(/(项目|企业|集团|园区|平台).*$/)?.[0];
    // 省属企业营业收入、利润: a bare measure after the first part is of the first part's head (省属企业利润).
    const MEASURE = /(营业总收入|营业收入|主营业务收入|利润总额|利润|营收|利税|税收|产量|产值|增加值|收入|支出|投资|出口额|进口额|出口|进口|销量|销售额|销售收入)$/;
    const firstMeasure = parts[0].match(MEASURE)?.[1];
    const head = firstMeasure ? parts[0].slice(0, -firstMeasure.length) : '';
    const headOk = head.length >= 2 && !/(营业|总|主营业务|销售|财政|预算|公共|居民|人均|的)$/.test(head);
    const headed = (p: string, i: number) => (i > 0 && headOk && p.length <= 4 && new RegExp(`^${MEASURE.source}`).test(p) && !p.startsWith(head) ? `${head}${p}` : p);
    return parts.map((p, i) => {
      if (i === parts.length - 1) return headed(p, i);
      if (p.length > 6) return p;
      // 营业总收入、利润总额; 国民收入和国家财政收入: a part that already ends in a measure is whole.
      if (p.length >= 4 && MEASURE.test(p)) return p;
      // 先进制造业、高技术制造业增加值占…比重: the parts end alike (制造业); what follows in the last is shared.
      for (let k = Math.min(p.length, 4); k >= 1; k--) {
        const ending = p.slice(-k);
        const at = last.indexOf(ending);
        if (at > 0 && at + k < last.length && !/^[的和与及]/.test(last.slice(at + k))) return `${p}${last.slice(at + k)}`;
      }
      if (classTail && !p.endsWith(classTail)) return `${p}${classTail}`;
      // 人参、食用菌全产业链产值: the head of the last part ends where a word of what is measured begins.
      const tailAt = last.slice(1).search(SHARED_TAIL) + 1;
      if (tailAt > 0 && tailAt < last.length - 1) return `${p}${last.slice(tailAt)}`;
      // 城镇和农村居民人均可支配收入, 广州、深圳地铁线网…: parallel names of one length share the rest.
      if (p.length <= 2 && last.length > p.length + 1) return `${p}${last.slice(p.length)}`;
      if (noun && !p.endsWith(noun)) return `${p}${noun}`;
      return p;
    });
  }
  return Array.from({ length: count }, () => subject);
}

/** The thing a count names after its unit: 新增10个产业技术创新平台 → 产业技术创新平台. */
/** Zero-width spaces and joiners that copied web pages leave inside words (继\u200b续). */
export function withoutInvisibles(text: string): string {
  return text.replace(/[\u200b-\u200d\u2060\ufeff]/g, '');
}

export function nameAfter(rawAfter: string): string {
  const after = withoutInvisibles(rawAfter);
  // 由7家增至16家: a verb after the unit means the thing was named before the figure.
  if (/^(增至|增加|增长|提高|提升|扩大|下降|减少|降至|减至|降低|到|至|为(?![民老企农])|增|减)/.test(after)) return '';
  // 40个吸引力强、带动面广的消费场景: qualities listed before 的 describe the thing after it.
  const described = after.match(/^(?:以上|左右|多|余)?(?:[^，。；：、的\d]{1,8}、){1,3}[^，。；：、的\d]{1,8}的([^，。；：、（\d]{2,12})/);
  if (described) return described[1].replace(/(的|和|与|及|等)$/, '');
  const phrase = after.replace(/^(以上|左右|多|余)?的?/, '').match(/^[^，。；：、,;:（）()\d]{1,16}/)?.[0] ?? '';
  // The noun stops where the clause's verb starts: 50家国家级科技创新公共平台成为… → …平台.
  const noun = phrase.split(/(稳定|位列|位居|圆满|办结|缔结|签署|签订|免费|提供|增长|下降|提高|达到|达(?![峰标])|占|对(?![象外口接标])|参加|参与|入选|当选|上榜|获评|跻身|完成|获|成为|落户|入驻|建成|投入|开工|竣工|实现|荣获|获得|获批|进行|发展|运营|上市|挂牌|通过|参与|受益|得到|纳入|列入|令人|达到|稳步|正式|全面|基本|相继|陆续|累计|全部|全面|和|与|及)/)[0];
  // 3500多个拟竣工投产项目: a verb straight after the unit leaves one character; the phrase is the thing.
  const thing = noun.length < 2 && phrase.length >= 2 ? phrase : noun;
  return withoutPlace(thing).replace(/(的|和|与|及|等|至|到|于)$/, '').trim();
}

/**
 * What a thing is, without where it is said to be: 141个项目中 (among 141 projects) counts
 * 项目, and 49家三级公立综合医院在国家绩效监测中获评A级 counts 三级公立综合医院. 高中, 初中
 * and 县中 are schools, not places.
 */
function withoutPlace(thing: string): string {
  if (/^之?中$/.test(thing)) return '';
  return thing.replace(/(?<=[^，、]{2})(?:在[^在，、]{1,14}(?:之中|中|内|里)|(?<![高初县])之?中)$/, '');
}

/** The words after a figure to the clause's end, whole: 1600万人进城落户 → 进城落户. */
export function phraseAfter(rawAfter: string): string {
  const after = withoutInvisibles(rawAfter).replace(/^(以上|左右|多|余)?的?/, '');
  return after.match(/^(?:[^，。；：,;:、（\d]|（[^）]{0,8}）){2,24}(?=$|[，。；：,;:、])/)?.[0] ?? '';
}

/** Nouns too general to name a count alone: 11家企业, 57个县（市）, 10个项目. */
const GENERAL_NOUN = /^(企业|项目|县市|县区|遗址|国家|地区|县|市|区|城市|单位|学校|高校|大学|医院|村|镇|乡镇|园区|案例|成果|经验|省份)$/;

/**
 * The thing a count names after its unit, with what the clause says of it when the noun alone is
 * too general: 11家企业入选全球人形机器人上市公司百强 → 企业入选全球人形机器人上市公司百强.
 */
export function countedThing(rawAfter: string): string {
  const after = withoutInvisibles(rawAfter);
  const noun = nameAfter(after);
  if (!GENERAL_NOUN.test(noun)) return noun;
  const phrase = withoutPlace(after.replace(/^(以上|左右|多|余)?的?/, '').match(/^(?:[^，。；：,;:、（]|（[^）]{0,8}）){1,24}(?=$|[，。；：,;:、])/)?.[0] ?? '');
  return phrase.length > noun.length ? phrase : noun;
}

/** Counted things are written after their measure word (10个平台), amounts before (投资49亿元). */
export function namesThingAfterUnit(unit: string, after: string): boolean {
  // 240小时过境免签政策: a time that a policy or service gives is named by it.
  if (/^(小时|天|日)$/.test(unit) && /^[^，。；、\d]{0,8}(政策|制度|服务|机制)/.test(after)) return true;
  // 裁减军队员额20万的任务: a task or a goal of the figure is not what it measures.
  if (/^的(任务|目标|要求|水平|规模|基础|指标|速度|幅度)/.test(after)) return false;
  return NAMED_AFTER_UNITS.test(unit) || /^(万|亿|千|百)$/.test(unit) || (/^的/.test(after) && !/元|%|倍|番/.test(unit));
}

export function directionOf(verb: string | null, subject: string): 'up' | 'down' | null {
  if (verb && new RegExp(`^(${DOWN_VERBS})`).test(verb)) return 'down';
  if (verb && /^(下降到|下降至|降低到|降低至|降到|降至|减少到|减少至)$/.test(verb)) return 'down';
  if (verb && new RegExp(`^(${UP_VERBS})`).test(verb)) return 'up';
  if (/(涨幅|增速|增幅|增长率|增长)$/.test(subject)) return 'up';
  return null;
}

const LEVEL_VERB_ALONE = new RegExp(`^(${LEVEL_VERB_WORDS})$`);

/** 提高到, 达到, 占, 为 … introduce a level, not a change. */
export function isLevelVerb(verb: string | null): boolean {
  return verb !== null && LEVEL_VERB_ALONE.test(verb);
}
