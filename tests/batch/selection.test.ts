import { describe, expect, it } from 'vitest';
import { acceptedPublications, hasFormats, parseFormats, selectPublications, SelectionError } from '../../pipeline/batch/selection.js';

const NAMES = ['fulltext', 'summary', 'indicators', 'targets-review', 'brief-business', 'brief-leadership'];
const ACCEPTED = acceptedPublications(NAMES, ['brief']);

describe('FORMATS', () => {
  it('is all three when unset or empty, else those named in the order pdf, docx, html', () => {
    expect(parseFormats(undefined)).toEqual(['pdf', 'docx', 'html']);
    expect(parseFormats(' , ')).toEqual(['pdf', 'docx', 'html']);
    expect(parseFormats('html,PDF')).toEqual(['pdf', 'html']);
    expect(parseFormats('docx docx')).toEqual(['docx']);
  });

  it('rejects an unknown format, listing the accepted ones', () => {
    expect(() => parseFormats('pdf,word')).toThrow(new SelectionError('FORMATS=pdf,word: no format “word”; formats are: pdf, docx, html (default all; e.g. FORMATS=pdf,docx)'));
  });
});

describe('PUBLICATIONS', () => {
  it('accepts each name and brief, the group of the briefs', () => {
    expect(ACCEPTED).toEqual(['brief', 'fulltext', 'summary', 'indicators', 'targets-review', 'brief-business', 'brief-leadership']);
  });

  it('selects all when unset', () => {
    expect(selectPublications(undefined, ACCEPTED)).toBeNull();
    expect(selectPublications('  ', ACCEPTED)).toBeNull();
  });

  it('takes a name, a group, its plural, or an audience alone', () => {
    const chosen = (value: string) => NAMES.filter(selectPublications(value, ACCEPTED)!);
    expect(chosen('summary')).toEqual(['summary']);
    expect(chosen('brief')).toEqual(['brief-business', 'brief-leadership']);
    expect(chosen('Briefs')).toEqual(['brief-business', 'brief-leadership']);
    expect(chosen('business,fulltext')).toEqual(['fulltext', 'brief-business']);
    expect(chosen('brief-leadership targets-review')).toEqual(['targets-review', 'brief-leadership']);
  });

  it('selects publications the batch names later by their group (a comparison per year)', () => {
    const accepted = acceptedPublications([...NAMES], ['brief', 'compare']);
    const select = selectPublications('compare', accepted)!;
    expect(['compare-2024', 'compare-2025', 'summary'].filter(select)).toEqual(['compare-2024', 'compare-2025']);
  });

  it('rejects an unknown name, listing the accepted ones', () => {
    expect(() => selectPublications('summary,sumary,brief-investors', ACCEPTED)).toThrow(
      'PUBLICATIONS=summary,sumary,brief-investors: no publication “sumary”, “brief-investors”; publications are: brief, fulltext, summary, indicators, targets-review, brief-business, brief-leadership (default all; e.g. PUBLICATIONS=summary,brief)',
    );
  });
});

describe('formats an earlier build wrote', () => {
  const record = { sourceHash: 'h', issuer: null, year: null, outputs: { summary: { key: 'k', files: ['r/summary.pdf', 'r/thumbs/summary.png'] }, data: { key: 'd', files: ['r/indicators.json'] } } };
  it('makes a publication stale when a format now asked for was not written', () => {
    expect(hasFormats(record, 'summary', { formats: ['pdf'], publication: null })).toBe(true);
    expect(hasFormats(record, 'summary', { formats: ['pdf', 'docx'], publication: null })).toBe(false);
    expect(hasFormats(record, 'fulltext', { formats: ['pdf'], publication: null })).toBe(false);
    expect(hasFormats(record, 'data', { formats: ['docx'], publication: null })).toBe(true);
  });
});
