/** The shapes of lines in Chinese government work reports. */

const CN_NUM = '[一二三四五六七八九十百零〇]+';

export interface HeadingMarker {
  /** 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）. */
  level: number;
  /** The marker as written, e.g. “一、” or “（一）”. */
  marker: string;
}

const HEADING_MARKERS: Array<{ level: number; pattern: RegExp }> = [
  { level: 1, pattern: new RegExp(`^(${CN_NUM}、|第${CN_NUM}部分[、，:：\\s]?)`) },
  { level: 2, pattern: new RegExp(`^([（(]${CN_NUM}[）)][、，]?)`) },
  // “1.” but not “2.5” (a decimal, e.g. the PM2.5 fragment of a wiki subscript).
  { level: 3, pattern: /^(\d{1,2}[.．、](?!\d))/ },
  { level: 4, pattern: /^([（(]\d{1,2}[）)])/ },
];

export function headingMarker(text: string): HeadingMarker | null {
  for (const { level, pattern } of HEADING_MARKERS) {
    const m = text.match(pattern);
    if (m) return { level, marker: m[1] };
  }
  return null;
}

/** 一是… 二是… and ——… points that enumerate within a section. */
export const POINT_START = new RegExp(`^(${CN_NUM}是|第${CN_NUM}[，,、]|——|—— )`);

/** 第一， or 一是： alone on its line, the paragraph it opens on the next line. */
export const POINT_MARKER_ONLY = new RegExp(`^(第${CN_NUM}[，,、：:]|${CN_NUM}是[，,：:])$`);
/** 一 alone on its line: a part's number without its title (older reports). */
export const BARE_NUMERAL_HEADING = /^[一二三四五六七八九十]{1,3}$/;

export const APPENDIX = /^附\s*件\s*(\d{0,2}|[一二三四五六七八九十]{0,3})\s*[:：]?/;
export const ENDNOTES_HEADING = /^[【\[]?(名词解释|名词注释|注释|名词说明)[】\]]?\s*[:：]?$/;

/** Characters that end a sentence, and so a paragraph. */
export const SENTENCE_END = /[。！？!?]/;
/** A line ending with one of these can end a paragraph (closing quotes and brackets after a stop included). */
export const PARAGRAPH_END = /[。！？!?：:；;…”’」』）)】》]$/;

/** A line ending in one of these words or marks is cut mid-phrase. */
export const CONTINUES_AFTER = /[的和与及在对把将为是了地得以从向、，,“（(《【—\-/:]$/;
/** A line starting with one of these continues the line before it. */
export const CONTINUES_BEFORE = /^([，,、。；;：:）)》”’」』%％]|是[：:，,]|[a-zA-Z0-9.．]{1,6}[）)]?$)/;

/** The byline: 广东省省长 孟凡利, 大连市市长 谭成旭, 国务院总理 李克强. */
export const BYLINE = /^[\u4e00-\u9fa5]{0,16}(总理|省长|市长|区长|县长|州长|盟长|旗长|主席|代省长|代市长|代区长|代县长)\s*[\u4e00-\u9fa5·]{2,5}$/;

/** The occasion line: ——2026年1月26日在广东省第十四届人民代表大会第五次会议上. */
export const OCCASION_START =
  /^(——|－－|--|――|──|—|[（(])\s*(\d{4}|[一二三四五六七八九〇○零]{4})\s*年|^(\d{4}|[一二三四五六七八九〇○零]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日\s*在/;
export const OCCASION_END = /(会议上|会議上|會議上|大会上|大會上|会上)\s*[）)]?$/;

export const REPORT_TITLE = /(政府)?工作报告/;

const CJK = '[\\u3400-\\u9fff\\uf900-\\ufaff]';
/** “政 府 工 作 报 告” → “政府工作报告”: spaces between CJK characters are letter-spacing. */
export function removeLetterSpacing(text: string): string {
  return text.replace(new RegExp(`(${CJK})[\\s\\u3000]+(?=${CJK})`, 'g'), '$1');
}
