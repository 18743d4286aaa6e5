import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { pdfInfo, pdfText, pythonDocx, repoRoot, runBriefs, squash } from '../helpers/readers.js';
import { scratchDir } from '../helpers/scratch.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');

/** A copy of the templates to edit, and a SOURCE with the Dalian report. */
function workspace() {
  const templates = scratchDir('briefs-templates-');
  cpSync(join(repoRoot, 'templates'), templates, { recursive: true });
  const source = scratchDir('briefs-src-');
  copyFileSync(join(corpus, 'dalian-2018.txt'), join(source, 'dalian-2018.txt'));
  const out = scratchDir('briefs-out-');
  return { templates, source, out };
}

describe('the four built-in briefs of the Dalian report', () => {
  const { source, out } = workspace();
  const text: Record<string, string> = {};
  beforeAll(() => {
    const result = runBriefs({ SOURCE: source, OUT: out });
    if (result.status !== 0) throw new Error(result.stderr);
    for (const brief of ['leadership', 'business', 'public', 'media']) text[brief] = squash(pdfText(join(out, 'dalian-2018', `brief-${brief}.pdf`)));
  });

  it('give each reader the facts they look for', () => {
    expect(text.public).toContain('城镇居民人均可支配收入');
    expect(text.public).toContain('养老金');
    expect(text.business).toContain('实际利用外资');
    expect(text.business).toContain('自由贸易试验区');
    expect(text.leadership).toContain(squash('地区生产总值增长7%左右'));
    expect(text.leadership).toContain('困难和挑战');
    expect(text.media).toContain('7363.9亿元');
  });

  it('differ from one another', () => {
    const briefs = Object.values(text);
    for (let i = 0; i < briefs.length; i++) for (let j = i + 1; j < briefs.length; j++) expect(briefs[i]).not.toBe(briefs[j]);
  });

  it('quote every sentence from the report, with its ¶', () => {
    const report = squash(readFileSync(join(corpus, 'dalian-2018.txt'), 'utf8').replace(/<[^>]+>/g, ''));
    // The highlights block: every item is a quotation followed by its ¶.
    const page = text.public;
    const block = page.slice(page.indexOf('和您有关的事') + '和您有关的事'.length, page.indexOf('今年要办的事'));
    const items = block.split(/（¶\d+）/).filter(Boolean);
    expect(items.length).toBeGreaterThan(4);
    for (const item of items) for (const part of item.split('…').filter(Boolean)) expect(report, part).toContain(part);
  });

  it('write one-page DOCX briefs with the same title and figures', () => {
    const doc = pythonDocx(join(out, 'dalian-2018', 'brief-leadership.docx'));
    expect(doc.used).toContain('Title');
    expect(doc.text.join('')).toContain('领导参阅');
  });
});

describe('a new audience, made by writing one YAML file', () => {
  const { templates, source, out } = workspace();
  let result: ReturnType<typeof runBriefs>;
  beforeAll(() => {
    writeFileSync(
      join(templates, 'audiences', 'environment.yaml'),
      ['title: 生态环境专报', 'subtitle: 蓝天、碧水、绿地', 'topics: [urban-environment]', 'focus: [PM2.5, 蓝天, 森林]', 'blocks: [figures, highlights, targets]', 'figures: topics', 'headings:', '  figures: 环境数据', '  highlights: 环境要点', '  targets: 今年环境目标', ''].join('\n'),
    );
    result = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates, AUDIENCE: 'environment' });
  });

  it('gets its brief, one page, on its topic', () => {
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(out, 'dalian-2018', 'brief-environment.pdf');
    expect(Number(pdfInfo(pdf).Pages)).toBe(1);
    const text = squash(pdfText(pdf));
    expect(text).toContain('生态环境专报');
    expect(text).toContain('环境要点');
    expect(text).toMatch(/PM2\.5|蓝天/);
    expect(existsSync(join(out, 'dalian-2018', 'brief-environment.docx'))).toBe(true);
  });

  it('builds only that audience when AUDIENCE names it', () => {
    const briefs = readdirSync(join(out, 'dalian-2018')).filter((f) => f.startsWith('brief-'));
    expect(briefs.sort()).toEqual(['brief-environment.docx', 'brief-environment.html', 'brief-environment.pdf']);
  });
});

describe('mistakes in audience files and templates', () => {
  it('an unknown topic names the file, line and column, and that brief is not written', () => {
    const { templates, source, out } = workspace();
    writeFileSync(join(templates, 'audiences', 'typo.yaml'), 'title: 试一试\ntopics:\n  - economy\n  - ecology\nblocks: [highlights]\n');
    const result = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${join(templates, 'audiences', 'typo.yaml')}:4:5: unknown topic “ecology”; topics are: economy,`);
    expect(existsSync(join(out, 'dalian-2018', 'brief-typo.pdf'))).toBe(false);
    expect(existsSync(join(out, 'dalian-2018', 'brief-public.pdf'))).toBe(true);
  });

  it('a YAML syntax error names the file, line and column', () => {
    const { templates, source, out } = workspace();
    writeFileSync(join(templates, 'audiences', 'broken.yaml'), 'title: 试一试\ntopics: [economy\nblocks: [highlights]\n');
    const result = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates, AUDIENCE: 'broken' });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`error: ${join(templates, 'audiences', 'broken.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML error: `));
  });

  it('a broken brief template names the file and line, and no brief is written from it', () => {
    const { templates, source, out } = workspace();
    const path = join(templates, 'brief.md.hbs');
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('{{#each brief}}'));
    lines.splice(at + 1, 0, '{{#if}}');
    writeFileSync(path, lines.join('\n'));
    const result = runBriefs({ SOURCE: source, OUT: out, TEMPLATES: templates, AUDIENCE: 'public' });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`error: ${path}:${at + 2}:`);
    expect(result.stderr).toContain('blocks do not match');
    expect(existsSync(join(out, 'dalian-2018', 'brief-public.pdf'))).toBe(false);
    expect(existsSync(join(out, 'dalian-2018', 'summary.pdf'))).toBe(true);
  });

  it('an AUDIENCE with no file is an error that lists the audiences', () => {
    const { source, out } = workspace();
    const result = runBriefs({ SOURCE: source, OUT: out, AUDIENCE: 'investors' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no audience “investors”; audiences are: business, leadership, media, public');
    expect(existsSync(join(out, 'dalian-2018'))).toBe(false);
  });
});
