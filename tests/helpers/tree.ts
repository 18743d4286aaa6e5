import type { Root, Text } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';

/** Every text node that the reader placed in the source file. */
export function positionedTexts(tree: Root): Text[] {
  const texts: Text[] = [];
  visit(tree, 'text', (node: Text) => {
    if (node.position) texts.push(node);
  });
  return texts;
}

export function level1Headings(tree: Root): string[] {
  return tree.children.filter((n) => n.type === 'heading' && n.data?.level === 1 && n.data?.role !== 'title').map((n) => toString(n));
}

/** All text of the tree, as later stages see it. */
export function treeText(tree: Root): string {
  return toString(tree);
}

/** The text of every paragraph that carries a ¶ number, in order. */
export function numberedParagraphs(tree: Root): string[] {
  const texts: string[] = [];
  visit(tree, 'paragraph', (node) => {
    if (node.data?.n) texts.push(toString(node));
  });
  return texts;
}
