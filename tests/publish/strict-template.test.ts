import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePublication } from '../../pipeline/publish/parse-publication.js';
import { compileTemplate } from '../../pipeline/publish/template.js';
import { BriefsError } from '../../pipeline/util/errors.js';

const oneLine = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof BriefsError ? error.oneLine : String(error);
  }
  return 'no error';
};

describe('templates are strict everywhere a field is named', () => {
  const data = { occasion: null, summary: { sections: [] }, paragraphs: [], charts: { growth: { path: 'charts/growth.png' } } };
  it.each([
    ['{{#if ocasion}}x{{/if}}', 't.hbs:1:7: no field “ocasion”'],
    ['{{#each summary.sectons}}x{{/each}}', 't.hbs:1:9: no field “sectons”'],
    ['line\n{{length paragraph}}', 't.hbs:2:10: no field “paragraph”'],
    ['{{#if (eq ocasion "x")}}x{{/if}}', 't.hbs:1:11: no field “ocasion”'],
    ['{{#if charts.grwoth}}x{{/if}}', 't.hbs:1:7: no field “grwoth”'],
  ])('%s is an error at its line:col', (source, message) => {
    expect(oneLine(() => compileTemplate(source, 't.hbs')(data))).toContain(message);
  });

  it('a field that is there but empty, and a chart the report does not have, are not errors', () => {
    expect(compileTemplate('{{#if occasion}}o{{/if}}{{#if charts.industryStructure}}c{{/if}}{{#if charts.growth}}g{{/if}}{{length paragraphs}}', 't.hbs')(data)).toBe('g0');
  });
});

describe('front matter is checked', () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefs-fm-'));
  const template = join(dir, 'x.md.hbs');
  writeFileSync(template, '---\ntitle: "摘要"\nsubtitel: "x"\nstyle: offical\n---\n');
  it('an unknown key names the template line it is written on', () => {
    expect(oneLine(() => parsePublication('---\ntitle: 摘要\nsubtitel: x\n---\n\ntext\n', template))).toBe(`${template}:3:1: front matter: unknown key “subtitel”; keys are: title, subtitle, header, style, density, band, subject, keywords`);
  });
  it('an unknown value of a known key is an error', () => {
    expect(oneLine(() => parsePublication('---\ntitle: 摘要\nstyle: offical\n---\n\ntext\n', template))).toBe(`${template}:4:1: front matter: style is “modern” or “official”, not “offical”`);
  });
  it('known keys and values pass', () => {
    expect(parsePublication('---\ntitle: 摘要\nstyle: official\ndensity: compact\nband: true\n---\n\ntext\n', template).meta.style).toBe('official');
  });
});
