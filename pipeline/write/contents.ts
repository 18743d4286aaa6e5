import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Publication } from '../publish/parse-publication.js';

/** The table of contents lists headings of depths 1 and 2, in every format. */
export const TOC_DEPTH = 2;

/** `[TOC]` alone in a paragraph asks for the table of contents there. */
export const isTocMarker = (node: RootContent): boolean => node.type === 'paragraph' && toString(node).trim() === '[TOC]';

export const hasToc = (publication: Publication): boolean => publication.tree.children.some(isTocMarker);

/**
 * The enumerator an entry of the contents starts with (一、 （一） 1. 第一章), which its wrapped
 * lines hang under the text after; '' when it has none.
 */
export const entryLabel = (text: string): string => text.match(/^(?:（[^）]{1,4}）|[一二三四五六七八九十百]{1,3}、|\d{1,3}[.、．]\s*|第[一二三四五六七八九十百\d]{1,4}[章节部分篇]\s*)/)?.[0] ?? '';
