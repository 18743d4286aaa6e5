/** What the reader adds to mdast nodes of the report tree. */
declare module 'mdast' {
  interface HeadingData {
    /** 'title' for the report's title; 'appendix' for 附件; 'endnotes' for 名词解释. */
    role?: 'title' | 'appendix' | 'endnotes';
    /** Marker as written: 一、 （一） 1. （1）. */
    marker?: string;
    /** The report's own heading level: 1 for 一、 … 4 for （1）; 0 for the title. */
    level?: number;
    /** The title was not in the file, it was made from the text (year, issuer). */
    inferred?: boolean;
  }
  interface ParagraphData {
    /** ¶ number: body paragraphs are numbered 1, 2, … in reading order; later publications cite them. */
    n?: number;
    /** The paragraph's topic sentence, e.g. 主要指标增势良好。 */
    lead?: string;
    role?: 'occasion' | 'byline' | 'endnote-term';
  }
  interface ListData {
    /** 'points' for 一是…二是… or ——… runs; 'endnotes' for 名词解释 items. */
    role?: 'points' | 'endnotes';
  }
}
export {};
