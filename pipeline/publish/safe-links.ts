import type { Parent, Root } from 'mdast';

/** Where a link in a publication may go: the web, mail, or a place in the same document. */
const SAFE_TARGET = /^(https?:\/\/|mailto:|#)/i;

/**
 * Unwraps links a template writes to anything else (javascript:, data:, file:, a path on this
 * machine): their text stays, the link goes, in every format.
 */
export function keepSafeLinks(tree: Root): void {
  const visit = (parent: Parent) => {
    for (let i = 0; i < parent.children.length; i++) {
      const node = parent.children[i];
      if (node.type === 'link' && !SAFE_TARGET.test(node.url.trim())) {
        parent.children.splice(i, 1, ...node.children);
        i--;
        continue;
      }
      if (node.type === 'definition' && !SAFE_TARGET.test(node.url.trim())) node.url = '#';
      if ('children' in node) visit(node as Parent);
    }
  };
  visit(tree);
}
