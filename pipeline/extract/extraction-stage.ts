import type { Root } from 'mdast';
import type { VFile } from 'vfile';
import { extractIndicators } from './extract-indicators.js';
import type { Indicator } from './indicator.js';

declare module 'vfile' {
  interface DataMap {
    /** Every quantity of the report, as the extraction stage found it. */
    indicators: Indicator[];
  }
}

/** The extraction stage: every quantity of the report tree, dated by the year the identity stage found. */
export function extractReportIndicators() {
  return (tree: Root, file: VFile) => {
    file.data.indicators = extractIndicators(tree, file.data.identity?.year ?? null);
  };
}
