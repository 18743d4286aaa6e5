import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * A paragraph that is a short address ending in a colon (各位代表：, a 主送机关 line): GB/T 9704
 * sets it flush left, not indented as the paragraphs after it are.
 */
export function isAddressLine(node: RootContent): boolean {
  return node.type === 'paragraph' && isAddressText(toString(node));
}

/** The same test on a paragraph's text. */
export function isAddressText(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 20 && /[：:]$/.test(trimmed) && !/[。，；！？¶]/.test(trimmed);
}
