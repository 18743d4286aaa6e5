import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { parsePublication } from '../../pipeline/publish/parse-publication.js';

const links = (markdown: string) => {
  const { tree } = parsePublication(markdown, 'brief.md.hbs');
  const urls: string[] = [];
  visit(tree, 'link', (node) => void urls.push(node.url));
  return { urls, text: toString(tree) };
};

describe('links a template writes', () => {
  it('keep the web, mail and places in the document', () => {
    expect(links('[网站](https://www.gov.cn/) [信箱](mailto:a@b.cn) [目录](#toc) <https://x.cn>').urls).toEqual(['https://www.gov.cn/', 'mailto:a@b.cn', '#toc', 'https://x.cn']);
  });

  it('lose any other target but keep their text', () => {
    const { urls, text } = links('[点我](javascript:alert(1)) [数据](data:text/html,x) [文件](file:///etc/passwd) [本机](/etc/passwd) [参考][r]\n\n[r]: JavaScript:alert(2)');
    expect(urls).toEqual([]);
    expect(text).toContain('点我');
    expect(text).toContain('文件');
  });
});
