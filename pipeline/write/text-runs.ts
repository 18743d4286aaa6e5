/** A piece of inline text with the marks the writers style it by. */
export interface TextRun {
  text: string;
  bold?: boolean;
  /** Markdown emphasis: CJK faces have no italics, so writers set it in the sans face. */
  emphasis?: boolean;
  /** ¶12 — a paragraph reference, set small and grey. */
  paragraphRef?: boolean;
  superscript?: boolean;
  link?: string;
  code?: boolean;
}

const PARAGRAPH_REF = /¶\d+(?:[–\-~～]\d+)?/g;

/** Splits a run so ¶ references stand apart, whichever publication wrote them. */
export function splitParagraphRefs(run: TextRun): TextRun[] {
  const out: TextRun[] = [];
  let last = 0;
  for (const m of run.text.matchAll(PARAGRAPH_REF)) {
    if (m.index! > last) out.push({ ...run, text: run.text.slice(last, m.index) });
    out.push({ ...run, text: m[0], paragraphRef: true });
    last = m.index! + m[0].length;
  }
  if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) });
  return out;
}
