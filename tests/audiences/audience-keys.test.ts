import { cpSync, mkdtempSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudience, readAudienceSettings } from '../../pipeline/audiences/audience.js';
import { readTopics } from '../../pipeline/audiences/topics.js';
import { BriefsError } from '../../pipeline/util/errors.js';
import { repoRoot } from '../helpers/readers.js';

const templates = join(repoRoot, 'templates');

async function problemWith(yaml: string): Promise<{ file: string; message: string }> {
  const file = join(mkdtempSync(join(tmpdir(), 'briefs-aud-')), 'trial.yaml');
  writeFileSync(file, yaml);
  try {
    await readAudience(file, await readTopics(templates), templates);
    return { file, message: 'no error' };
  } catch (error) {
    return { file, message: error instanceof BriefsError ? error.oneLine : String(error) };
  }
}

describe('audience files are checked key by key', () => {
  it('a misspelt key is an error at its line', async () => {
    const { file, message } = await problemWith('title: 试一试\nsubtitel: 副标题\ntopics: [economy]\nblocks: [highlights]\n');
    expect(message).toBe(`${file}:2:1: unknown setting “subtitel”; settings are: title, subtitle, template, style, pages, topics, focus, quotable, blocks, figures, headings, office, date, mark, issue`);
  });
  it('a misspelt style is an error at its value', async () => {
    const { file, message } = await problemWith('title: 试一试\nstyle: offical\ntopics: [economy]\nblocks: [highlights]\n');
    expect(message).toBe(`${file}:2:8: style is “modern” or “official”`);
  });
  it('a heading for a block that does not exist is an error', async () => {
    const { message } = await problemWith('title: 试一试\ntopics: [economy]\nblocks: [highlights]\nheadings:\n  highlight: 要点\n');
    expect(message).toContain('unknown block “highlight” under headings');
  });
  it('a template outside the templates folder is an error at its value, and nothing of it is read', async () => {
    for (const path of ['../../../../etc/passwd', '/etc/passwd', '../README.md']) {
      const { file, message } = await problemWith(`title: 试一试\ntemplate: ${path}\ntopics: [economy]\nblocks: [highlights]\n`);
      expect(message).toBe(`${file}:2:11: template “${path}” must be a file in ${templates}, named relative to it`);
    }
  });
  it('a template that links out of the templates folder is an error', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefs-tpl-'));
    cpSync(templates, folder, { recursive: true });
    symlinkSync('/etc/passwd', join(folder, 'passwd.md.hbs'));
    const file = join(folder, 'audiences', 'trial.yaml');
    writeFileSync(file, 'title: 试一试\ntemplate: passwd.md.hbs\ntopics: [economy]\nblocks: [highlights]\n');
    await expect(readAudience(file, await readTopics(folder), folder)).rejects.toMatchObject({ oneLine: `${file}:2:11: template “passwd.md.hbs” links out of ${folder}` });
  });
  it('the built-in audiences pass', async () => {
    for (const name of ['leadership', 'business', 'public', 'media']) await expect(readAudience(join(templates, 'audiences', `${name}.yaml`), await readTopics(templates), templates)).resolves.toBeTruthy();
  });
});

describe('the masthead of an issued brief', () => {
  it('prints the issue as 第N期 and the date in Chinese', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'briefs-aud-')), 'issued.yaml');
    writeFileSync(file, 'title: 领导参阅\ntopics: [economy]\nblocks: [targets]\nmark: 内部资料\nissue: 3\noffice: 某市人民政府办公室\ndate: 2018-03-01\n');
    const audience = await readAudience(file, await readTopics(templates), templates);
    expect([audience.mark, audience.issue, audience.office, audience.date]).toEqual(['内部资料', '第3期', '某市人民政府办公室', '2018年3月1日']);
  });
  it('an issue that is not a number is an error at its value', async () => {
    const { file, message } = await problemWith('title: 试一试\ntopics: [economy]\nblocks: [targets]\nissue: 三\n');
    expect(message).toBe(`${file}:4:8: issue is the number of the issue, e.g. issue: 3 (printed 第3期)`);
  });
});

describe('settings files of absurd size', () => {
  it('a 50 MB topics.yaml is refused by its size, before it is read, in one line naming it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'briefs-big-'));
    cpSync(templates, folder, { recursive: true });
    writeFileSync(join(folder, 'topics.yaml'), '');
    truncateSync(join(folder, 'topics.yaml'), 50 * 1024 * 1024);
    const started = performance.now();
    const settings = await readAudienceSettings(folder);
    expect(settings.errors).toEqual([`${join(folder, 'topics.yaml')}: this file is 50.0 MiB, over the 1 MiB a settings file may be`]);
    // Refused from its size alone: a sparse file of zeros would take seconds to read and parse.
    expect(performance.now() - started).toBeLessThan(2000);
  });
  it('a YAML alias bomb is refused, not expanded', async () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let k = 1; k < 9; k++) levels.push(`${String.fromCharCode(97 + k)}: &${String.fromCharCode(97 + k)} [${Array(10).fill(`*${String.fromCharCode(96 + k)}`).join(', ')}]`);
    const { file, message } = await problemWith(`title: 试一试\ntopics: [economy]\nblocks: [targets]\n${levels.join('\n')}\n`);
    expect(message).toMatch(new RegExp(`^${file}:1:1: YAML error: .*alias`, 'i'));
  });
});
