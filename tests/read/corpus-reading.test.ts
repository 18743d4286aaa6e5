import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readReportText } from '../../pipeline/read/read-report.js';

/** Every report of the corpus (national 1954–2019, 15 provinces, Dalian) as the reader sees it. */
const corpus = join(import.meta.dirname, '..', 'fixtures', 'corpus');
const identities: Record<string, { issuer: string; year: number }> = parse(readFileSync(join(corpus, 'identity.yaml'), 'utf8'));

/** What a site puts around a report and must never reach a publication. */
const PAGE_CHROME = [
  /加大\s*还原|还原\s*减小/, /^(加大|还原|减小|大|中|小|分享|收藏|打印|下载|全屏)[:：]?$/, /【\s*(字体|字号)/,
  /(发表时间|发布时间|阅读量|责任编辑)[:：]/, /\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}/, /\d{4}年\d{2}月\d{2}日\s+\d{2}时/,
  /日报客户端/, /^(相关报道|相关链接|相关文档|相关附件)/, /扫一扫/, /打印本页|关闭窗口/, /^(首页|当前位置|您的位置)/,
  /^来源[:：]/, /[（(]来源[:：]/, /^(政务信息|.{2,4}要闻)/, /分享到/, /[0-9a-f]{32}/,
];
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00a0]/;

describe.each(Object.entries(identities))('%s', (file, expected) => {
  const path = join(corpus, file);
  const bytes = readFileSync(path);
  const report = readReportText(bytes, path);

  it('is read as issued by the right government in the right year', () => {
    expect(report.identity).toEqual(expected);
  });

  it('keeps no page chrome and no invisible character in any text of the tree', () => {
    visit(report.tree, (node) => {
      if (node.type !== 'heading' && node.type !== 'paragraph') return;
      const text = toString(node);
      for (const chrome of PAGE_CHROME) expect(text, `${file}: ${text.slice(0, 60)}`).not.toMatch(chrome);
      expect(text).not.toMatch(INVISIBLE);
    });
  });

  it('keeps every line of the report between its first and last paragraph, but lone page controls', () => {
    const lines = bytes.toString(file.includes('gb18030') ? 'latin1' : 'utf8').split(/\r\n|\r|\n/);
    const kept = new Set<number>();
    visit(report.tree, 'text', (node) => {
      if (node.position) kept.add(node.position.start.line);
    });
    const numbered: number[] = [];
    visit(report.tree, 'paragraph', (node) => {
      if (node.data?.n && node.position) numbered.push(node.position.start.line);
    });
    const first = Math.min(...numbered);
    const last = Math.max(...numbered);
    const lost = [];
    for (let line = first; line <= last; line++) {
      const text = lines[line - 1].replace(/[\s\u3000\u200b-\u200d\u2060\ufeff]/g, '');
      if (text !== '' && !kept.has(line) && text.length > 12) lost.push(`${line}: ${text.slice(0, 40)}`);
    }
    expect(lost).toEqual([]);
  });
});
