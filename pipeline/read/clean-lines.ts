import type { SourceLine } from './source-lines.js';

export interface DroppedLines {
  /** Index range `[from, to]` into the lines array, inclusive. */
  from: number;
  to: number;
  reason: string;
}

/** Web-page furniture that is never part of a report, alone on its line. */
const CHROME_WORDS =
  /^(?:[\s|丨｜·•/【】\[\]（）()<>＜＞]|下载|打印|全屏|收藏|分享|分享到|关闭|关闭窗口|返回顶部|返回|字号|字体|默认|大|中|小|扫一扫|在手机打开当前页|我要纠错|纠错|上一篇|下一篇|微信|微博|QQ空间|打印本页|保存|浏览次数|阅读次数|首页|当前位置[:：]?)+$/;
/** Lines that label a web page's metadata. */
const META_LABEL =
  /^[【\[(（]?\s*(来源|信息来源|文章来源|稿源|发布时间|发布日期|时间|日期|责任编辑|编辑|作者|记者|点击数|浏览次数|阅读量|当前位置)\s*[:：]/;
const PAGE_NUMBER = /^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$|^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/;
const BREADCRUMB = /^(首页|主页|网站首页)\s*[>＞›»].*/;

/** Footers of wikis (Wikisource's public-domain notice) and licence boilerplate. */
const LICENCE_START =
  /^(本作品(是|在全世界|在中国大陆|来自|采用|属于)|注：中文维基文库|This work is (in the public domain|licensed)|Public domain$|本文采用知识共享|Creative Commons|CC[ -]BY)/i;
/** A tail of links to other stories, added by news sites. */
const RELATED_START = /^[【\[]?\s*(相关报道|相关新闻|相关阅读|延伸阅读|相关链接|推荐阅读|热点推荐|热门推荐|更多阅读|猜你喜欢)\s*[】\]]?\s*[:：]?$/;

function isChrome(text: string): boolean {
  const t = text.trim();
  if (t === '') return false;
  if (t.length <= 60 && CHROME_WORDS.test(t)) return true;
  if (t.length <= 80 && META_LABEL.test(t)) return true;
  if (/【\s*字号/.test(t) && t.length <= 80) return true;
  if (PAGE_NUMBER.test(t)) return true;
  if (t.length <= 80 && BREADCRUMB.test(t)) return true;
  return false;
}

/**
 * Finds the lines that are not the report: page chrome anywhere, and — in the last part of the
 * file only, where they belong — a licence footer or a "related reports" tail, each dropped with
 * everything after it.
 */
export function findNoiseLines(lines: SourceLine[]): DroppedLines[] {
  const dropped: DroppedLines[] = [];
  const nonEmpty = lines.filter((l) => l.text.trim() !== '').length;
  let seen = 0;
  let tailFrom = -1;
  let tailReason = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text.trim();
    if (text === '') continue;
    seen++;
    const inLastPart = seen > nonEmpty * 0.5;
    if (inLastPart && LICENCE_START.test(text)) {
      tailFrom = i;
      tailReason = 'licence footer';
      break;
    }
    if (inLastPart && RELATED_START.test(text)) {
      tailFrom = i;
      tailReason = '“相关报道” tail';
      break;
    }
    if (isChrome(text)) dropped.push({ from: i, to: i, reason: 'web-page chrome' });
  }
  if (tailFrom >= 0) {
    // Blank lines between the report's end and the footer belong to neither.
    let to = lines.length - 1;
    while (to > tailFrom && lines[to].text.trim() === '') to--;
    dropped.push({ from: tailFrom, to, reason: tailReason });
  }
  return dropped;
}
