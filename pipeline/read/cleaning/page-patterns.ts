/** The shapes of web-page furniture around reports copied from government and news sites. */

/** Buttons and controls, alone on their line: 下载 打印 全屏 收藏, 【字号：加大 还原 减小】, 分享到微信. */
export const CONTROL_WORDS =
  /^(?:[\s|丨｜·•/【】\[\]（）()<>＜＞:：×✕]|下载|打印|全屏|收藏|分享|分享到|分享到微信|分享到微博|关闭|关闭窗口|返回顶部|返回|字号|字体|默认|加大|还原|减小|放大|缩小|大|中|小|扫一扫|在手机打开当前页|我要纠错|纠错|上一篇|下一篇|微信|微博|QQ空间|打印本页|打印此页|保存|浏览次数|阅读次数|首页|当前位置|您的位置|视力保护色|繁体|简体|无障碍|长者模式)+$/;

/** A label of the page's metadata, with its value after it or on the next line: 来源：安徽日报. */
export const META_LABEL =
  /^[【\[(（]?\s*(来源|信息来源|文章来源|稿源|发布时间|发表时间|发布日期|时间|日期|责任编辑|编辑|作者|记者|通讯员|点击数|点击量|浏览次数|浏览量|阅读量|阅读数|访问量|当前位置|您的位置|所在位置|字号|字体|分享|分享到|原标题|索引号|信息索引号|主题分类|发文机关|发布机构|发文字号|文号|成文日期|生成日期|公开方式|公开范围|有效性|信息类别)\s*[:：]/;

/** A date stamp of publication, alone on its line: 2026-02-09 09:45:30, 2026年02月10日 07时41分. */
export const TIMESTAMP =
  /^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(\s+\d{1,2}\s*[:：时]\s*\d{1,2}(\s*[:：分]\s*\d{1,2}秒?)?分?)?$/;

/** A page number of a printed original: — 3 —, 第3页 共40页. */
export const PAGE_NUMBER = /^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$|^第\s*\d+\s*页(\s*[,，]?\s*共\s*\d+\s*页)?$/;

/** A breadcrumb on one line: 首页 > 政务公开 > 政府工作报告. */
export const BREADCRUMB = /^(首页|主页|网站首页|当前位置[:：]?|您的位置[:：]?)\s*([>＞›»/].*)?$/;

/** Footers of wikis (Wikisource's public-domain notice) and licence boilerplate. */
export const LICENCE_START =
  /^(本作品(是|在全世界|在中国大陆|来自|采用|属于)|注：中文维基文库|This work is (in the public domain|licensed)|Public domain$|本文采用知识共享|Creative Commons|CC[ -]BY)/i;

/** A site's own footer: copyright, the organisers, its licence numbers (a line may hold all of them). */
export const SITE_FOOTER = /版权所有|Copyright|©|主办单位[:：]|承办单位[:：]|ICP备|公网安备|网站标识码|网站地图|联系我们/i;

/** What news and government sites put after an article: related links, editors, share bars. */
export const FOOTER_START =
  /^(?:[【\[]?\s*(相关报道|相关新闻|相关阅读|延伸阅读|相关链接|相关附件|相关文档|相关稿件|推荐阅读|热点推荐|热门推荐|更多阅读|猜你喜欢|专题)\s*[】\]]?\s*[:：>》]*$|[（(]?\s*(责任编辑|编辑|校对|审核|终审|来源)\s*[:：].{0,24}$|扫一扫|[》>]{2}\s*点击|打印本页|关闭窗口|【\s*打印|【\s*关闭)/;
