import type { Heading, Paragraph, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { VFile } from 'vfile';
import { BriefsError } from '../util/errors.js';
import { removeLetterSpacing } from './patterns.js';
import { nationalSessionYear, yearSinceSession } from './national-sessions.js';
import { normaliseYears } from './years.js';

export interface ReportIdentity {
  /** 国务院, 广东省人民政府, 宁夏回族自治区人民政府, 大连市人民政府 … or null when the text does not say. */
  issuer: string | null;
  /** The year the report is delivered in (its plan year), or null. */
  year: number | null;
}

declare module 'vfile' {
  interface DataMap {
    identity: ReportIdentity;
    /** The title as written (cleaned of 全文 and letter-spacing), or made from the identity. */
    title: string;
    titleInferred: boolean;
    occasion: string | null;
    byline: string | null;
  }
}

const PLACE_SUFFIX = '(?:特别行政区|自治区|自治州|自治县|自治旗|省|市|区|县|州|盟|旗)';
const PLACE = `[\\u4e00-\\u9fa5]{1,14}?${PLACE_SUFFIX}`;
/** Words that stand where a place would but name none: 省人民政府, 本市, 全区, 自治区人民政府. */
const NOT_A_PLACE = /^(本|全|我|各|该|省|市|区|县|自治区|自治州|自治县|人民)/;

function place(match: RegExpMatchArray | null | undefined): string | null {
  const found = match?.[1];
  return found && !NOT_A_PLACE.test(found) ? found : null;
}

/** The State Council speaks to the National People's Congress: 我代表国务院, 向第五届全国人民代表大会. */
const NATIONAL = /国务院(?:政府)?工作报告|我代表国务院|受[^。，]{0,8}国务院的?委托|根据国务院的决定|国务院(?:已经)?决定[：:]|国务院总理|总理在报告中|从第[一二三四五六七八九十]+届全[国國]人民代表大[会會]|国务院向第|在第[一二三四五六七八九十]+届全[国國]人民代表大[会會]|向(第[一二三四五六七八九十]+届)?全[国國]人民代表大[会會]|全[國]人民代表大會第/;

/**
 * Who issues the report: the State Council, or the people's government of the place that the
 * title, the occasion (在…第十四届人民代表大会), the byline or 我代表…人民政府 names.
 */
export function inferIssuer(opening: string, occasion: string, byline: string, title: string): string | null {
  const found =
    place(occasion.match(new RegExp(`在(${PLACE})第.{1,4}届`))) ??
    place(title.match(new RegExp(`(?:\\d{4}年)?(${PLACE})(?:人民)?政府工作报告`))) ??
    place(byline.match(new RegExp(`^(${PLACE})(?:人民政府)?(?:代)?(?:省|市|区|县|州)?(?:长|主席)`))) ??
    place(opening.match(new RegExp(`我代表(${PLACE})人民政府`))) ??
    place(opening.match(new RegExp(`在(${PLACE})第.{1,4}届人民代表大会`)));
  if (found) return `${found}人民政府`;
  return NATIONAL.test(`${occasion}${byline}${title}${opening}`) ? '国务院' : null;
}

/** The year the review looks back on names the year before the report's: 一、1999年国内工作回顾 → 2000. */
const REVIEW_OF = /(\d{4})年(?:(?:国内|全国|全省|全市|全区|政府)?(?:的)?工作)?(?:的)?(?:回顾|总结)/;
const PAST_YEAR = /(?:刚刚过去的|过去的)(\d{4})年|首先报告(\d{4})年的?工作|(\d{4})年是[^。]{0,40}(?:取得|实现|完成)[^。]{0,30}的一年/;
/** 关于1958年度国民经济计划, 2000年的主要任务: the year the report plans for. */
const PLAN_OF = /关于(\d{4})年度?(?:国民经济|国民经济和社会发展)?计划|(\d{4})年(?:的)?(?:主要任务|工作安排|工作任务|总体要求|工作的总体要求|政府工作)/;
/** A heading on the year's work: 三、2023年主要目标任务和重点工作 (not 到2035年远景目标). */
const HEADING_PLAN = /(?<![到至])(\d{4})年(?:的)?(?:政府)?(?:主要)?(?:预期)?(?:目标|任务|工作|安排|计划|要求)(?!.*(?:远景|回顾|总结))/;
const YEAR_IN_DATE = /(\d{4})\s*年\s*\d{1,2}\s*月/;

function plausible(year: number | null): number | null {
  return year !== null && year >= 1949 && year <= 2200 ? year : null;
}

/**
 * The year the report is delivered in: the occasion's date, the title's year, the session of
 * the National People's Congress it is addressed to, the review's year plus one, the plan's year.
 */
export function inferYear(tree: Root, openingParagraphs: string[], occasion: string, title: string): number | null {
  const opening = openingParagraphs.slice(0, 6).join('\n');
  const byDate = occasion.match(YEAR_IN_DATE) ?? occasion.match(/(\d{4})\s*年/);
  if (byDate) return plausible(Number(byDate[1]));
  const byTitle = title.match(/(\d{4})\s*年/);
  if (byTitle) return plausible(Number(byTitle[1]));
  const bySession = nationalSessionYear(occasion, opening);
  if (bySession) return bySession;
  const since = yearSinceSession(openingParagraphs);
  if (since) return since;
  const headings = tree.children
    .filter((n): n is Heading => n.type === 'heading' && (n.data?.level ?? 9) <= 2)
    .map((n) => normaliseYears(toString(n)));
  let latest: number | null = null;
  const consider = (year: number | null) => {
    if (year !== null && plausible(year) && (latest === null || year > latest)) latest = year;
  };
  for (const text of headings) {
    const plan = text.match(HEADING_PLAN);
    if (plan) consider(Number(plan[1]));
  }
  for (const text of [...headings, opening]) {
    const review = text.match(REVIEW_OF);
    if (review) consider(Number(review[1]) + 1);
    const past = text.match(PAST_YEAR);
    if (past) consider(Number(past[1] ?? past[2] ?? past[3]) + 1);
    const plan = text.match(PLAN_OF);
    if (plan) consider(Number(plan[1] ?? plan[2]));
  }
  return latest ?? yearAfterMostNamed(tree);
}

/**
 * The last resort: a report reviews the year before it more than any other, so the year it
 * names most often, plus one (right for 26 of the 35 older national reports on its own).
 */
function yearAfterMostNamed(tree: Root): number | null {
  const counts = new Map<number, number>();
  for (const node of tree.children) {
    if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'list') continue;
    for (const m of normaliseYears(toString(node)).matchAll(/(?<!\d)(1[89]\d\d|2[01]\d\d)年(?![代度]?以来)/g)) {
      counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
    }
  }
  let best: [number, number] | null = null;
  for (const entry of counts) if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  return best ? plausible(best[0] + 1) : null;
}

export function titleHeading(tree: Root): Heading | undefined {
  return tree.children.find((n): n is Heading => n.type === 'heading' && n.data?.role === 'title');
}

/** A title for a report that has none: 2018年国务院政府工作报告. */
export function inferredTitle(identity: ReportIdentity): string {
  const year = identity.year ? `${identity.year}年` : '';
  const issuer = identity.issuer ? identity.issuer.replace(/人民政府$/, '') : '';
  return `${year}${issuer}政府工作报告`;
}

/** 2018年大连市政府工作报告（全文） → 2018年大连市政府工作报告. */
function cleanTitle(raw: string): string {
  return removeLetterSpacing(raw)
    .replace(/[（(【\[]\s*(全文|摘要|文字实录|图文|实录)\s*[）)】\]]\s*$/, '')
    .replace(/\s*全文$/, '')
    .trim();
}

/** The first paragraphs of the report proper, where it says who speaks and to which session. */
function openingParagraphs(tree: Root, count = 6): string[] {
  return tree.children
    .filter((n): n is Paragraph => n.type === 'paragraph' && !n.data?.role)
    .slice(0, count)
    .map((n) => normaliseYears(toString(n)));
}

/** Checks what a sidecar or front matter says, so a typo is an error and not a silent miss. */
export function identityFrom(data: Record<string, unknown> | undefined, path: string): Partial<ReportIdentity> {
  const identity: Partial<ReportIdentity> = {};
  if (!data) return identity;
  if (typeof data.issuer === 'string') identity.issuer = data.issuer;
  if (data.year !== undefined) {
    const year = Number(data.year);
    if (!Number.isInteger(year) || year < 1949 || year > 2200) throw new BriefsError(path, `year must be a year such as 2019, not “${String(data.year)}”`);
    identity.year = year;
  }
  return identity;
}

export interface IdentifyOptions {
  /** What a sidecar `.yaml` beside the report says; it overrides the text and front matter. */
  override?: Partial<ReportIdentity>;
}

/**
 * The identity stage: who issued the report and for which year, from its front matter and text
 * (a sidecar overrides both), and its title — made from them when the report has none.
 */
export function identifyReport(options: IdentifyOptions = {}) {
  return (tree: Root, file: VFile) => {
    const paragraphText = (role: 'occasion' | 'byline') => {
      const node = tree.children.find((n): n is Paragraph => n.type === 'paragraph' && n.data?.role === role);
      return node ? toString(node) : null;
    };
    const occasion = paragraphText('occasion');
    const byline = paragraphText('byline');
    const heading = titleHeading(tree);
    const writtenTitle = heading ? cleanTitle(toString(heading)) : '';
    const opening = openingParagraphs(tree, Infinity);
    const normalisedOccasion = normaliseYears(occasion ?? '');
    const fromText: ReportIdentity = {
      issuer: inferIssuer(opening.slice(0, 30).join('\n'), occasion ?? '', byline ?? '', writtenTitle),
      year: inferYear(tree, opening, normalisedOccasion, normaliseYears(writtenTitle)),
    };
    const identity: ReportIdentity = { ...fromText, ...identityFrom(file.data.frontMatter, file.path), ...options.override };
    let title = writtenTitle;
    if (!heading) {
      title = inferredTitle(identity);
      tree.children.unshift({ type: 'heading', depth: 1, children: [{ type: 'text', value: title }], data: { role: 'title', level: 0, inferred: true } });
      file.message(`no title line found; using “${title}” (write the title as the first line, or issuer: and year: in ${sidecarName(file.path)})`, {
        place: { line: 1, column: 1 },
        ruleId: 'identity',
        source: 'briefs',
      });
    }
    Object.assign(file.data, { identity, title, titleInferred: !heading, occasion, byline });
  };
}

/** source/<slug>.yaml beside the report. */
export function sidecarName(path: string): string {
  return path.replace(/\.[^./]+$/, '.yaml');
}
