import type { Data, Literal } from 'mdast';
import type { SourceLine } from './source-lines.js';

/**
 * A line of the source as the parser reads it, before the structure stage groups lines into
 * headings, paragraphs and lists. Cleaning rules mark the lines they drop instead of removing
 * them, so a dropped line still separates the paragraphs around it as a blank line does.
 */
export interface SourceLineNode extends Literal {
  type: 'sourceLine';
  data: SourceLineData;
}

export interface SourceLineData extends Data {
  source: SourceLine;
  /** Why a cleaning rule dropped the line (its rule id), or undefined while it is kept. */
  dropped?: string;
  /** What the line is in the report's front matter, as the cleaning of the page header found. */
  front?: 'title' | 'occasion' | 'byline';
}

/** What the reader adds to mdast nodes of the report tree. */
declare module 'mdast' {
  interface RootContentMap {
    sourceLine: SourceLineNode;
  }
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
    /** Front matter and the salutation (各位代表：) are printed but not numbered. */
    role?: 'occasion' | 'byline' | 'endnote-term' | 'salutation';
  }
  interface ListData {
    /** 'points' for 一是…二是… or ——… runs; 'endnotes' for 名词解释 items. */
    role?: 'points' | 'endnotes';
  }
}
