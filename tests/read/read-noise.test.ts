import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../pipeline/read/read-report.js';
import { level1Headings, numberedParagraphs, positionedTexts } from '../helpers/tree.js';

/** Each folder is a case: input.txt and what must hold of it in expect.json. */
const root = join(import.meta.dirname, '..', 'fixtures', 'noise');
const cases = readdirSync(root).sort();

describe.each(cases)('noise case %s', (name) => {
  const path = join(root, name, 'input.txt');
  const bytes = readFileSync(path);
  const expected = JSON.parse(readFileSync(join(root, name, 'expect.json'), 'utf8'));
  const report = readReportText(bytes, path);
  const text = toString(report.tree);

  it('finds the title and sections', () => {
    expect(report.title).toBe(expected.title);
    if ('titleInferred' in expected) expect(report.titleInferred).toBe(expected.titleInferred);
    for (const key of ['occasion', 'byline'] as const) if (key in expected) expect(report[key]).toBe(expected[key]);
    if ('issuer' in expected) expect(report.identity.issuer).toBe(expected.issuer);
    if ('year' in expected) expect(report.identity.year).toBe(expected.year);
    expect(level1Headings(report.tree).length).toBe(expected.level1);
    if ('headings' in expected) expect(report.tree.children.filter((n) => n.type === 'heading' && n.data?.role !== 'title').length).toBe(expected.headings);
  });

  it('numbers the paragraphs of the report, and not its salutation', () => {
    const numbered = numberedParagraphs(report.tree);
    for (const start of expected.numbered ?? []) expect(numbered.some((p) => p.startsWith(start)), start).toBe(true);
    for (const start of expected.notNumbered ?? []) {
      expect(text).toContain(start);
      expect(numbered.some((p) => p.startsWith(start)), start).toBe(false);
    }
  });

  it('keeps the report text and drops the noise', () => {
    for (const kept of expected.kept) expect(text).toContain(kept);
    for (const dropped of expected.dropped) expect(text).not.toContain(dropped);
  });

  it('warns about each dropped span with its line', () => {
    const messages = report.file.messages.map(String);
    for (const warning of expected.warnings) expect(messages.some((m) => m.startsWith(`${path}:${warning}`))).toBe(true);
    expect(messages.length).toBe(expected.warnings.length);
  });

  it('keeps positions in the original file', () => {
    const lines = bytes.toString('utf8').split(/\r\n|\r|\n/);
    for (const node of positionedTexts(report.tree)) {
      const { start, end } = node.position!;
      const original = lines[start.line - 1].slice(start.column - 1, end.column - 1);
      // Entities and tags inside a span were decoded or removed; compare without them.
      // Invisible characters inside a span were dropped too.
      const decoded = original.replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/[\u200b-\u200d\u2060\ufeff\u00a0]/g, '');
      expect(decoded).toBe(node.value);
    }
  });
});
