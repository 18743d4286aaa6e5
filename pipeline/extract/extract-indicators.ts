import type { Paragraph, Root, RootContent, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import '../read/tree-types.js';
import { sentenceRanges } from '../read/sentences.js';
import { clausesOf, type Clause } from './clauses.js';
import { findQuantities, type Quantity } from './find-quantities.js';
import type { Indicator } from './indicator.js';
import { countedThing, directionOf, phraseAfter, isLevelVerb, nameAfter, namesThingAfterUnit, readName, splitSubject, withoutYears } from './names.js';
import { isFuture, periodOfHeading, periodOfMention, periodOfParagraph, type PeriodContext } from './period.js';
import { COUNT_UNITS } from './units.js';
import { inOwnCharacters, readTextOf, type ReadText } from './own-characters.js';

/** A body paragraph with what extraction needs: its text, ¶, section, period and line map. */
interface ParagraphSource {
  /** As read, in simplified characters: every pattern matches this. */
  text: string;
  /** The paragraph's own characters beside it, for what is printed. */
  written: ReadText;
  n: number;
  section: string;
  period: string | null;
  /** Line in the source file of the character at an offset of `text`. */
  lineAt: (offset: number) => number;
}

/** Paragraphs in reading order, each with the heading and period of the section holding it. */
function paragraphsOf(tree: Root, ctx: PeriodContext): ParagraphSource[] {
  const out: ParagraphSource[] = [];
  const headings: Array<{ depth: number; written: string; period: string | null }> = [];
  let pendingTitle: string | null = null;
  const visit = (node: RootContent) => {
    if (node.type === 'heading' && node.data?.role !== 'title') {
      while (headings.length && headings[headings.length - 1].depth >= node.depth) headings.pop();
      const heading = readTextOf(toString(node));
      const inherited = headings.length ? headings[headings.length - 1].period : null;
      headings.push({ depth: node.depth, written: heading.own, period: periodOfHeading(heading.read, ctx) ?? inherited });
      return;
    }
    if (node.type === 'list') {
      for (const item of node.children) for (const child of item.children) visit(child as RootContent);
      return;
    }
    if (node.type !== 'paragraph' || !node.data?.n) return;
    const current = headings[headings.length - 1];
    const written = readTextOf(toString(node));
    const text = written.read;
    // 这是经济实力持续提升的五年。 alone on its line dates the paragraph after it.
    const titled = pendingTitle;
    pendingTitle = text.length <= 30 && /五年/.test(text) ? text : null;
    out.push({
      text,
      written,
      n: node.data.n,
      section: current?.written ?? '',
      period: periodOfParagraph(titled ? `${titled}${text}` : text, current?.period ?? null, ctx),
      lineAt: lineMap(node),
    });
  };
  tree.children.forEach(visit);
  return out;
}

/** Offset in a paragraph's text → its line in the source, from the positions of its text nodes. */
function lineMap(node: Paragraph): (offset: number) => number {
  const starts: Array<{ offset: number; line: number }> = [];
  let offset = 0;
  const walk = (children: Paragraph['children']) => {
    for (const child of children) {
      if (child.type === 'text') {
        if ((child as Text).position) starts.push({ offset, line: child.position!.start.line });
        offset += child.value.length;
      } else if ('children' in child) walk(child.children as Paragraph['children']);
    }
  };
  walk(node.children);
  const first = node.position?.start.line ?? 0;
  // Binary search: a one-line paragraph of many text nodes is looked up once per figure.
  return (at) => {
    let lo = 0;
    let hi = starts.length - 1;
    let line = first;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid].offset <= at) {
        line = starts[mid].line;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return line;
  };
}

/** Figures in one clause that share a name: 40587元和16865元, a range, or a ratio's parts. */
interface Group {
  quantities: Quantity[];
  clause: Clause;
}

const JOINER = /^\s*(和|、|及|与|以及|，)?\s*$/;

function groupsOf(clause: Clause, quantities: Quantity[]): Group[] {
  const groups: Group[] = [];
  for (const q of quantities) {
    const previous = groups[groups.length - 1];
    const last = previous?.quantities[previous.quantities.length - 1];
    const between = last ? clause.text.slice(last.end - clause.start, q.start - clause.start) : '';
    // 1409万、1305万人次: the first figure's unit is the second's, cut short.
    const sameUnit = last !== undefined && (q.unit === last.unit || (last.unit !== '' && q.unit.startsWith(last.unit) && /^(万|亿|千|百)+$/.test(last.unit)));
    const together =
      last !== undefined &&
      ((q.role === 'ratio' && last.role === 'ratio' && q.part! > 0) || (q.role === 'upper' && last.role === 'lower') || (JOINER.test(between) && between.length <= 3 && sameUnit));
    if (together) {
      if (last.unit !== q.unit && q.role === 'single') previous.quantities[previous.quantities.length - 1] = { ...last, unit: q.unit };
      previous.quantities.push(q);
    }
    else groups.push({ quantities: [q], clause });
  }
  return groups;
}

export const INDUSTRY_PARTS = ['第一产业比重', '第二产业比重', '第三产业比重'];

function kindOf(q: Quantity, verb: string | null, subject: string, rateWord: boolean, future: boolean): Indicator['kind'] {
  if (future) return 'target';
  if (q.role === 'ratio' || q.unit === '') return 'share';
  const changing = verb !== null && !isLevelVerb(verb);
  if (q.unit === '%' || q.unit === '‰') {
    if (changing || rateWord) return 'growth';
    return 'share';
  }
  if (/(百分点|千分点)$/.test(q.unit)) return 'change';
  if (q.unit === '倍' || q.unit === '番') return changing ? 'growth' : 'level';
  if (changing && /^(增加|减少|净增|净减|增长|下降|减)/.test(verb!)) return 'change';
  if (COUNT_UNITS.test(q.unit)) return 'count';
  return 'level';
}

/** Words that end the name of a measured thing (总额, 比重, 产量 …): a clause of one is a topic. */
const MEASURED_NOUN = /(总额|总值|产值|产量|比重|比例|收入|支出|投资|面积|人数|数量|规模|总量|增加值|率|额|量|值|价格|指数|资金|人口|产能|能力|里程|容量|资产|余额|利润|税收|贷款|存款|消费|出口|进口|消费水平|收入水平|生活水平|预算|经费)$/;

/** Per head of a thing already named: 全国平均每人, 每户, 人均. */
const PER_HEAD = /^(全国|全省|全市)?(平均)?(每人|每户|人均|户均)(平均)?$/;
/** A comparison with an average or a whole, not a thing: 超过全国平均水平, 高于全省平均. */
const COMPARED_WITH = /^(超过|高于|低于|高出|快于|慢于|领先)(全国|全省|全市|全区|同期|东部|中部|西部|同类)[^，、]{0,6}(平均水平|平均|水平|增速|速度)?$/;
/** Verbs that give money to a fund named after the amount (安排30亿元建设资金). */
const GIVING_VERB = /(安排|投入|下达|筹集|拨付|拨出|发放|落实|争取|追加)$/;
const FUND_AFTER = /^(?:的)?([^，。；、\d]{0,10}?(?:资金|经费|基金|补助|补贴|奖补资金|贷款|债券))(?=$|[，。；、]|用于|支持|扶持|帮助)/;

/** How far before or after a figure its name and date are looked for: a clause's own reach. */
const NAME_REACH = 60;
/** The longest an indicator's quoted text is: its clause, or the part of it around the figure. */
export const TEXT_MAX = 200;

/** The last `max` characters of text[from, to): words before a figure, never a whole paragraph. */
function lastChars(text: string, from: number, to: number, max: number): string {
  return text.slice(Math.max(from, to - max), to);
}

/** The clause a figure was read from, cut to TEXT_MAX characters around the figure when longer. */
function clauseText(text: string, start: number, end: number, q: Quantity): string {
  if (end - start <= TEXT_MAX) return text.slice(start, end);
  const from = Math.max(start, Math.min(q.start - TEXT_MAX / 2, end - TEXT_MAX));
  return text.slice(from, Math.min(end, from + TEXT_MAX));
}

const MAGNITUDE_POWER: Record<string, number> = { '': 0, 百: 2, 千: 3, 万: 4, 亿: 8, 万亿: 12 };

/** A value moved to another magnitude of the same unit, exactly: 8300 万 in 亿 → 0.83; null when the units differ. */
export function inUnitOf(value: number, unit: string, target: string): number | null {
  if (unit === target) return value;
  const split = (u: string) => u.match(/^(万亿|亿|万|千|百)?(.*)$/)!;
  const [, fromMagnitude = '', fromBase] = split(unit);
  const [, toMagnitude = '', toBase] = split(target);
  if (fromBase !== toBase) return null;
  const shift = MAGNITUDE_POWER[fromMagnitude] - MAGNITUDE_POWER[toMagnitude];
  // The decimal point moves in the written digits, so 54.9 in 百 stays exactly 0.549.
  const [whole, fraction = ''] = String(value).split('.');
  const digits = whole + fraction;
  const point = whole.length + shift;
  const padded = point <= 0 ? '0'.repeat(1 - point) + digits : digits.padEnd(point, '0');
  const at = Math.max(point, 1);
  return Number(`${padded.slice(0, at)}.${padded.slice(at) || '0'}`);
}

/** The words before A in 从A提高到B (从, 由上年的, 从每月 …). */
const FROM_BEFORE = /[从由](?:上年|去年|五年前|年初|过去|原来|目前|现行|每(?:人|户|生|亩|吨|辆)每(?:年|月|日|天)|每(?:人|户|生|亩|吨|辆|年|月|日|天)|月销售额|年销售额)?的?$/;
/** The words between A and B: 提高到, 增至, 降为, 优化为, 到. */
const TO_BETWEEN = /^[、，]?(?:分别)?(?:提高|提升|增加|增长|上升|下降|降低|减少|扩大|缩小|缩短|缩减|压减|压缩|优化|调整|延长|降|升|增|减|变|发展|上调|下调)?(?:到|至|为)$/;

/**
 * 从A提高到B gives one result, B, that moved from A: B keeps A as `from`, and A stays as B's
 * starting level (the period before B's), never a second result of B's period or a target.
 */
function linkBaseline(previous: { items: Indicator[]; before: string }, between: string, items: Indicator[], reportYear: number | null): void {
  if (!FROM_BEFORE.test(withoutYears(previous.before).trim()) || !TO_BETWEEN.test(withoutYears(between).trim())) return;
  items.forEach((b, i) => {
    const a = previous.items.length === items.length ? previous.items[i] : previous.items.length === 1 ? previous.items[0] : null;
    const from = a ? inUnitOf(a.value, a.unit, b.unit) : null;
    if (!a || from === null) return;
    b.from = from;
    a.baselineOf = b.id;
    // A is named by the words right before 从; B, after 提高到, only by what was carried.
    b.name = a.name;
    if (a.period && a.period === b.period) {
      const first = Number(a.period.slice(0, 4));
      a.period = String(first - 1);
    }
    if (a.kind === 'target' || a.kind === 'growth' || a.kind === 'change') {
      a.kind = a.unit === '%' || a.unit === '' ? 'share' : COUNT_UNITS.test(a.unit) ? 'count' : 'level';
      a.direction = null;
      if (isFuture(a.period, reportYear)) a.period = reportYear ? String(reportYear - 1) : null;
    }
  });
}

/**
 * Every quantity of a report as an indicator, in reading order. A stage over the report tree:
 * the tree gives each figure its paragraph, section and source line.
 */
export function extractIndicators(tree: Root, reportYear: number | null): Indicator[] {
  const ctx: PeriodContext = { reportYear };
  const indicators: Indicator[] = [];
  const perLine = new Map<number, number>();

  for (const paragraph of paragraphsOf(tree, ctx)) {
    for (const [sentenceStart, sentenceEnd] of sentenceRanges(paragraph.text)) {
      const sentence = paragraph.text.slice(sentenceStart, sentenceEnd);
      // 今年要保持…，经济增长速度的调控目标定为８％; 今年…调控目标为25300亿元，投资率为32%: 今年 speaks of this
      // year for the rest of its sentence, until another time is named.
      const periodInSentence = (at: number): string | null => {
        const head = sentence.slice(0, at - sentenceStart);
        const since = head.lastIndexOf('今年');
        return ctx.reportYear && since >= 0 && !/\d{4}\s*年|去年|上年|过去|以来|五年|前年/.test(head.slice(since)) ? String(ctx.reportYear) : paragraph.period;
      };
      const quantities = findQuantities(sentence).map((q) => ({ ...q, start: q.start + sentenceStart, end: q.end + sentenceStart }));
      if (!quantities.length) continue;
      const clauses = clausesOf(sentence, sentenceStart);
      // What the last named figures measured, for figures whose clause names nothing (，增长7.1%).
      let carried: { names: string[]; clauseStart: number } | null = null;
      // The clause just before when it is only a noun phrase (组建城市合作银行的大中城市，由35个增加到100个).
      let topic: { name: string; clauseEnd: number } | null = null;
      // Every thing named in the sentence so far, in order, for 分别 over figures of several of them.
      const named: string[] = [];
      // Things named in an unbroken run of clauses just before (原煤产量达到…，原油达到…，都比上年增长8%).
      let run: { names: string[]; clauseEnd: number } = { names: [], clauseEnd: -2 };

      // Quantities and clauses are both in reading order: one pass hands each clause its own.
      let nextQuantity = 0;
      const positionOf = new Map(quantities.map((q, i) => [q, i]));
      for (const clause of clauses) {
        const clauseFirst = nextQuantity;
        while (nextQuantity < quantities.length && quantities[nextQuantity].start < clause.end) nextQuantity++;
        const inClause = quantities.slice(clauseFirst, nextQuantity).filter((q) => q.start >= clause.start);
        if (!inClause.length) {
          // 原油产量继续增长，达到1.42亿吨: a clause that names a thing and says it changed is what the
          // next figures measure; after a ； the last subject no longer holds.
          const reading = readName(lastChars(paragraph.text, clause.start, clause.end, NAME_REACH));
          if (reading.subject && reading.verb && !reading.verbOnly && reading.subject.length <= 16) carried = { names: [reading.subject], clauseStart: clause.start };
          // 一九五七年社会商品零售总额，比上一年增加五亿元: a clause that is only a measurable thing is the topic.
          else if (!reading.verb && reading.subject.length >= 2 && reading.subject.length <= 16 && MEASURED_NOUN.test(reading.subject)) carried = { names: [reading.subject], clauseStart: clause.start };
          else if (/[；;]/.test(paragraph.text[clause.end] ?? '')) carried = null;
          // 经过…的努力, 在城市…, 只要…: an adverbial clause is no topic.
          const adverbial = /^(经过|通过|由于|为了|随着|在|按照|根据|如果|只要|虽然|但|而|如|若|因|对于|关于)/.test(reading.subject);
          topic = !reading.verb && !reading.verbOnly && !adverbial && reading.subject.length >= 2 && reading.subject.length <= 16 ? { name: reading.subject, clauseEnd: clause.end } : null;
          if (!topic && /^(组建|设立|建立|成立|开展|实施)/.test(withoutYears(lastChars(paragraph.text, clause.start, clause.end, NAME_REACH)).trim())) {
            const noun = readName(lastChars(paragraph.text, clause.start, clause.end, NAME_REACH).replace(/^\s*(组建|设立|建立|成立|开展|实施)/, '')).subject;
            if (noun.length >= 2 && noun.length <= 16) topic = { name: noun, clauseEnd: clause.end };
          }
          continue;
        }
        // The figures of the group before, with the words that led to it: 从26.7%| 提高到52.1%.
        let previousGroup: { items: Indicator[]; quantities: Quantity[]; before: string } | null = null;
        // 国际友城和总领馆分别增至214对和69家: subjects 分别 hands to the figures after the first, in turn.
        let respectiveSubjects: string[] = [];
        for (const group of groupsOf(clause, inClause)) {
          const first = group.quantities[0];
          const last = group.quantities[group.quantities.length - 1];
          const firstIndex = positionOf.get(first)!;
          const previousQuantity = quantities.slice(Math.max(0, firstIndex - 3), firstIndex).filter((q) => q.end <= first.start).pop();
          const previousInClause = previousQuantity && previousQuantity.start >= clause.start ? previousQuantity : undefined;
          const before = lastChars(paragraph.text, previousInClause ? previousInClause.end : clause.start, first.start, NAME_REACH);
          const reading = readName(before);
          let count = group.quantities.length;
          let names: string[];
          let textStart = clause.start;
          const after = paragraph.text.slice(last.end, Math.min(clause.end, last.end + NAME_REACH));

          if (first.role === 'ratio') {
            const subject = reading.subject || carried?.names[0] || '';
            names = /三次产业|产业结构|产业比例|产业比重/.test(lastChars(paragraph.text, clause.start, first.start, NAME_REACH) + subject) && first.parts === 3 ? INDUSTRY_PARTS : group.quantities.map((_, i) => `${subject}（第${i + 1}项）`);
          } else if (reading.reach && (reading.subject || carried)) {
            // 改造1223万平方米、惠及19.3万户: those reached are named with the programme before.
            const reached = (q: Quantity, next: number) => nameAfter(paragraph.text.slice(q.end, Math.min(next, q.end + NAME_REACH))) || (/户$/.test(q.unit) ? '户数' : /人(次)?$/.test(q.unit) ? '人数' : '');
            const programme = reading.subject || carried!.names[0];
            names = group.quantities.map((q, i) => `${programme}${reading.reach}${reached(q, i + 1 < group.quantities.length ? group.quantities[i + 1].start : clause.end)}`);
          } else if ((namesThingAfterUnit(first.unit, after) || reading.verbOnly) && nameAfter(after)) {
            // 新增10个产业技术创新联盟、61个创新研发平台: each count names its own thing after it.
            // 有10—15%过着…: a range's bounds share the thing after the upper one.
            names = group.quantities.map((q, i) => {
              if (q.role === 'lower') return countedThing(after);
              const next = i + 1 < group.quantities.length ? group.quantities[i + 1].start : clause.end;
              return countedThing(paragraph.text.slice(q.end, Math.min(q.end + NAME_REACH, next))) || countedThing(after);
            });
          } else if (reading.subject && /^占/.test(reading.subject) && carried) {
            // 无人机产量增长39%、占全国9成: a share of the thing just named.
            names = Array.from({ length: count }, () => `${carried!.names[0]}${reading.subject}${/(比|比重|比例)$/.test(reading.subject) ? '' : '比重'}`);
          } else if (reading.subject && /^(总量|总额|增加值|规模|余额|产量|增速|增幅)$/.test(reading.subject) && carried) {
            // 规模以上工业企业达7.6万家、增加值增长3%: a generic word stands for the thing just named.
            names = Array.from({ length: count }, () => `${carried!.names[0]}${reading.subject}`);
          } else if (reading.subject && carried && (PER_HEAD.test(reading.subject) || COMPARED_WITH.test(reading.subject))) {
            // 农民的纯收入，全国平均每人达到三百五十五元; …比例达到66.25%，超过全国平均水平0.28个百分点:
            // a per-head or a comparison with an average names no thing; the thing is the one just named.
            names = carried.names.length === count ? carried.names : Array.from({ length: count }, () => carried!.names[0]);
            textStart = carried.clauseStart;
          } else if (!reading.subject && /^(%|‰)$/.test(first.unit) && /^的/.test(after) && phraseAfter(after).length >= 3 && !/^(基础|水平|速度|幅度|程度|比例|比重|增长|增速|目标|预期)/.test(phraseAfter(after))) {
            // 全国已有50%的县（市、区）基本普及九年义务教育: the share is of the things after 的, and what they did.
            names = Array.from({ length: count }, () => phraseAfter(after));
          } else if (/元$/.test(first.unit) && GIVING_VERB.test(before) && FUND_AFTER.test(after)) {
            // 国务院决定今年安排30亿元建设资金: what is given is the fund named after the amount.
            names = Array.from({ length: count }, () => after.match(FUND_AFTER)![1]);
          } else if (reading.subject) {
            // 均控制在3%以内, or 分别下降3% with no other figure in the clause: every subject listed takes the one value.
            const eachTakesIt = reading.each || (reading.respectively && inClause.length === 1);
            const listed = reading.subject.split(/和|、|及|与/).length;
            if (count === 1 && reading.respectively && !eachTakesIt && listed === inClause.length) {
              const parts = splitSubject(reading.subject, listed);
              names = [parts[0]];
              respectiveSubjects = parts.slice(1);
            } else names = splitSubject(reading.subject, count === 1 && eachTakesIt ? Math.max(1, listed) : count);
          } else if (!reading.subject && reading.each && count === 1 && run.names.length >= 2 && run.clauseEnd + 1 === clause.start) {
            names = [...run.names];
          } else if (respectiveSubjects.length && count === 1) {
            names = [respectiveSubjects.shift()!];
          } else if (/人(次)?$/.test(first.unit) && phraseAfter(after)) {
            // 又有1600万人进城落户: people counted, then what they did; that, not the last thing named.
            names = Array.from({ length: count }, () => phraseAfter(after));
          } else if (!reading.subject && reading.respectively && count > 1 && carried && carried.names.length < count && named.length >= count) {
            // 城镇居民人均可支配收入9422元，农村居民人均纯收入2936元，分别增长7.7%和6.8%: the things named last, in turn.
            names = named.slice(-count);
          } else if (carried) {
            names = carried.names.length === count ? carried.names : Array.from({ length: count }, () => carried!.names[0]);
            textStart = carried.clauseStart;
          } else {
            // Nothing better: a count's thing after it, or the words before the figure without their years.
            // (No name is carried over from another sentence: a plausible wrong name misleads more than a bare one.)
            const thing = namesThingAfterUnit(first.unit, after) || COUNT_UNITS.test(first.unit) ? nameAfter(after) : '';
            const fromTopic = !reading.subject && topic && topic.clauseEnd + 1 === clause.start ? topic.name : '';
            names = Array.from({ length: count }, () => thing || reading.subject || fromTopic || withoutYears(before).trim());
          }
          // 占全省的60%、占东北三省的42%: each share is of the thing named before, which stays carried.
          const shareOfCarried = reading.subject !== '' && /^占/.test(reading.subject) && carried !== null;
          if (first.role !== 'lower' && !shareOfCarried && (reading.subject || first.role === 'ratio')) carried = { names: names.length === count ? names : [names[0]], clauseStart: clause.start };
          if (reading.subject) for (const name of new Set(names)) if (named[named.length - 1] !== name) named.push(name);
          if (reading.subject && first.role !== 'lower') {
            const continues = run.clauseEnd + 1 === clause.start || run.clauseEnd === clause.end;
            run = { names: continues ? [...run.names, ...new Set(names)].filter((n, i, all) => all.indexOf(n) === i) : [...new Set(names)], clauseEnd: clause.end };
          }

          // 居民消费价格指数和城镇登记失业率均控制在3%以内: one value, one indicator per subject.
          const groupItems: Indicator[] = [];
          const expanded: Array<{ q: Quantity; name: string }> =
            names.length > count && count === 1 ? names.map((name) => ({ q: first, name })) : group.quantities.map((q, i) => ({ q, name: names[i] ?? names[0] }));

          for (const { q, name } of expanded) {
            const line = paragraph.lineAt(q.start);
            const k = (perLine.get(line) ?? 0) + 1;
            perLine.set(line, k);
            // Words since the figure before this one: 由五年前的6.4∶52∶41.6优化为6.4∶41.5∶52.1 dates only the first.
            const previousEnd = previousQuantity?.end ?? sentenceStart;
            let period = periodOfMention(lastChars(paragraph.text, Math.max(previousEnd, clause.start - 12), q.start, NAME_REACH), periodInSentence(q.start), ctx);
            // 从11.37万亿元提高到14.58万亿元 over 2021-2025: the first figure is where the years began.
            const range = period?.match(/^(\d{4})-(\d{4})$/);
            const lead = lastChars(paragraph.text, Math.max(previousEnd, clause.start), q.start, NAME_REACH).replace(/五年前的?$/, '');
            if (range && /[从由]$/.test(lead)) period = String(Number(range[1]) - 1);
            else if (range && /[到至为]$/.test(lead) && /[从由]/.test(lastChars(paragraph.text, clause.start, q.start, NAME_REACH))) period = range[2];
            const future = isFuture(period, reportYear);
            const kind = kindOf(q, reading.verb, name, reading.rateWord, future);
            const changing = reading.verb !== null && !isLevelVerb(reading.verb);
            const direction = kind === 'growth' || kind === 'change' || (kind === 'target' && (changing || reading.rateWord)) ? directionOf(reading.verb, name) : null;
            groupItems.push({
              id: `L${line}-${k}`,
              name: inOwnCharacters(name, paragraph.written, q.start),
              value: q.value,
              unit: q.unit,
              kind,
              direction,
              qualifier: q.qualifier,
              period,
              section: paragraph.section,
              line,
              paragraph: paragraph.n,
              verb: reading.verb,
              text: clauseText(paragraph.written.own, textStart, clause.end, q),
            });
          }
          if (previousGroup) linkBaseline(previousGroup, before, groupItems, reportYear);
          indicators.push(...groupItems);
          previousGroup = { items: groupItems, quantities: group.quantities, before };
        }
      }
    }
  }
  return indicators;
}
