// Where each page of a laid-out PDF starts in the publication: the DOCX breaks its pages there,
// so that Word and LibreOffice print the same pages and its contents' page numbers hold.

/** A place in a publication: the top-level block, and the characters of its text before it. */
export interface TextPlace {
  block: number;
  offset: number;
}

/** The property a text piece carries to say which top-level block it belongs to (pdfmake copies it onto its inlines). */
export const BLOCK_KEY = 'briefsBlock';

/** Marks every text piece of a block's pdfmake content with the block's index. */
export function markBlock(content: unknown, block: number): void {
  if (Array.isArray(content)) for (const item of content) markBlock(item, block);
  else if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if (Array.isArray(node.text)) for (const piece of node.text) if (piece && typeof piece === 'object') (piece as Record<string, unknown>)[BLOCK_KEY] = block;
    for (const [key, value] of Object.entries(node)) if (key !== 'text' && value && typeof value === 'object') markBlock(value, block);
  }
}

interface Page {
  items: Array<{ type: string; item: { inlines?: Array<{ text: string; [key: string]: unknown }> } }>;
}

/**
 * Where each page after the first starts: the first block with text on it, and how many of
 * that block's characters earlier pages hold. null for a page with no marked text (a page of
 * the contents, or of a picture alone).
 */
export function pageStarts(pages: Page[]): Array<TextPlace | null> {
  const charsSoFar = new Map<number, number>();
  const starts: Array<TextPlace | null> = [];
  pages.forEach((page, index) => {
    let first: number | null = null;
    const onPage = new Map<number, number>();
    for (const { type, item } of page.items) {
      if (type !== 'line' || !item.inlines) continue;
      for (const inline of item.inlines) {
        const block = inline[BLOCK_KEY];
        // An entry of the contents carries its heading's pieces, and links to it: not the heading itself.
        if (typeof block !== 'number' || inline.linkToDestination) continue;
        if (first === null || block < first) first = block;
        onPage.set(block, (onPage.get(block) ?? 0) + inline.text.length);
      }
    }
    if (index > 0) starts.push(first === null ? null : { block: first, offset: charsSoFar.get(first) ?? 0 });
    for (const [block, n] of onPage) charsSoFar.set(block, (charsSoFar.get(block) ?? 0) + n);
  });
  return starts;
}
