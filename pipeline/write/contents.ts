import type { RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Publication } from '../publish/parse-publication.js';

/** The table of contents lists headings of depths 1 and 2, in every format. */
export const TOC_DEPTH = 2;

/** `[TOC]` alone in a paragraph asks for the table of contents there. */
export const isTocMarker = (node: RootContent): boolean => node.type === 'paragraph' && toString(node).trim() === '[TOC]';

export const hasToc = (publication: Publication): boolean => publication.tree.children.some(isTocMarker);
