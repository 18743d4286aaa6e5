// Where each page of a laid-out PDF starts in the publication: the DOCX breaks its pages there,
// so that Word and LibreOffice print the same pages and its contents' page numbers hold.

/**
 * A place in a publication: the top-level block, and the characters of its text before it. When
 * the block is a table and the place is inside it, also the row that starts the page (1 is the
 * first row under the header): a page of a table starts with a whole row, its header repeated.
 */
export interface TextPlace {
  block: number;
  offset: number;
  row?: number;
}

/** The property a text piece carries to say which top-level block it belongs to (pdfmake copies it onto its inlines). */
export const BLOCK_KEY = 'briefsBlock';
/** The property a table cell's text piece carries to say which row of its table it is in. */
export const ROW_KEY = 'briefsRow';

/** Marks every text piece and picture of some pdfmake content with `key: value` (a text given as a string becomes one piece). */
function markPieces(content: unknown, key: string, value: number): void {
  if (Array.isArray(content)) for (const item of content) markPieces(item, key, value);
  else if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if (typeof node.text === 'string' && node.text) node.text = [{ text: node.text }];
    if (Array.isArray(node.text)) for (const piece of node.text) if (piece && typeof piece === 'object') (piece as Record<string, unknown>)[key] = value;
    if (node.image) node[key] = value;
    for (const [name, child] of Object.entries(node)) if (name !== 'text' && child && typeof child === 'object') markPieces(child, key, value);
  }
}

/** Marks every text piece of a block's pdfmake content with the block's index. */
export function markBlock(content: unknown, block: number): void {
  markPieces(content, BLOCK_KEY, block);
}

/** Marks the text pieces of each row of a table's body (pdfmake's `table.body`) with the row's index. */
export function markRows(body: unknown[][]): void {
  body.forEach((row, index) => markPieces(row, ROW_KEY, index));
}

/**
 * Where the PDF breaks: where each page after the first starts, and how wide it set each
 * top-level table's columns (padding included, in points, by block) — a DOCX with those widths
 * wraps its cells' lines where the PDF does, and its rows are no taller.
 */
export interface PdfBreaks {
  pages: Array<TextPlace | null>;
  tableColumns: Map<number, number[]>;
}

interface LaidOutTable {
  table?: { widths?: Array<{ _calcWidth?: number }>; body?: unknown[][] };
  _layout?: { paddingLeft(i: number, node: unknown): number; paddingRight(i: number, node: unknown): number };
}

/** The block a piece of pdfmake content was marked with (markBlock), or null. */
function blockOf(content: unknown): number | null {
  if (Array.isArray(content)) {
    for (const item of content) {
      const block = blockOf(item);
      if (block !== null) return block;
    }
  } else if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    if (typeof node[BLOCK_KEY] === 'number') return node[BLOCK_KEY] as number;
    for (const child of Object.values(node)) if (child && typeof child === 'object') {
      const block = blockOf(child);
      if (block !== null) return block;
    }
  }
  return null;
}

/** The column widths pdfmake computed for the top-level tables of a laid-out document's content (it writes them into the nodes). */
export function tableColumns(content: unknown[]): Map<number, number[]> {
  const columns = new Map<number, number[]>();
  for (const node of content as LaidOutTable[]) {
    const widths = node?.table?.widths;
    if (!widths || !node._layout || widths.some((w) => typeof w?._calcWidth !== 'number')) continue;
    const block = blockOf(node.table!.body);
    if (block === null) continue;
    columns.set(block, widths.map((w, i) => w._calcWidth! + node._layout!.paddingLeft(i, node) + node._layout!.paddingRight(i, node)));
  }
  return columns;
}

interface Page {
  items: Array<{ type: string; item: { inlines?: Array<{ text: string; [key: string]: unknown }>; [key: string]: unknown } }>;
}

/**
 * Where each page after the first starts: the first block with text on it, how many of that
 * block's characters earlier pages hold, and in a table the first row below its repeated header.
 * null for a page with no marked text or picture (a page of the contents).
 */
export function pageStarts(pages: Page[]): Array<TextPlace | null> {
  const charsSoFar = new Map<number, number>();
  const starts: Array<TextPlace | null> = [];
  pages.forEach((page, index) => {
    let first: number | null = null;
    const onPage = new Map<number, number>();
    const firstRow = new Map<number, number>();
    for (const { type, item } of page.items) {
      // A picture is where its block starts (it is never cut), though it holds no text.
      const picture = type === 'image' ? item[BLOCK_KEY] : undefined;
      if (typeof picture === 'number' && (first === null || picture < first)) first = picture;
      if (type !== 'line' || !item.inlines) continue;
      for (const inline of item.inlines) {
        const block = inline[BLOCK_KEY];
        // An entry of the contents carries its heading's pieces, and links to it: not the heading itself.
        if (typeof block !== 'number' || inline.linkToDestination) continue;
        if (first === null || block < first) first = block;
        onPage.set(block, (onPage.get(block) ?? 0) + inline.text.length);
        const row = inline[ROW_KEY];
        if (typeof row === 'number' && row > 0 && row < (firstRow.get(block) ?? Infinity)) firstRow.set(block, row);
      }
    }
    if (index > 0) {
      const offset = first === null ? 0 : charsSoFar.get(first) ?? 0;
      const row = first === null || offset === 0 ? undefined : firstRow.get(first);
      starts.push(first === null ? null : row === undefined ? { block: first, offset } : { block: first, offset, row });
    }
    for (const [block, n] of onPage) charsSoFar.set(block, (charsSoFar.get(block) ?? 0) + n);
  });
  return starts;
}
