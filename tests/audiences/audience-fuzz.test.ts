import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readAudience } from '../../pipeline/audiences/audience.js';
import { readTopics } from '../../pipeline/audiences/topics.js';
import { BriefsError } from '../../pipeline/util/errors.js';
import { isWithin } from '../../pipeline/util/paths.js';
import { repoRoot } from '../helpers/readers.js';

const templates = join(repoRoot, 'templates');
const folder = mkdtempSync(join(tmpdir(), 'briefs-aud-fuzz-'));

/** Whatever an audience file holds, reading it gives an audience within bounds or one line naming the file: never a crash, never a path outside templates/. */
async function outcomeOf(text: string, k: number): Promise<'ok' | 'error'> {
  const file = join(folder, `trial-${k}.yaml`);
  writeFileSync(file, text);
  try {
    const audience = await readAudience(file, await readTopics(templates), templates);
    expect(isWithin(resolve(templates, audience.template), templates)).toBe(true);
    expect(audience.pages >= 1 && audience.pages <= 4).toBe(true);
    expect(audience.title.length).toBeGreaterThan(0);
    return 'ok';
  } catch (error) {
    expect(error).toBeInstanceOf(BriefsError);
    const line = (error as BriefsError).oneLine;
    expect(line.startsWith(`${file}`)).toBe(true);
    expect(line).not.toContain('\n');
    return 'error';
  }
}

const KEYS = ['title', 'subtitle', 'template', 'style', 'pages', 'topics', 'focus', 'quotable', 'blocks', 'figures', 'headings', 'office', 'date', 'mark', 'issue', 'titel', 'Template', '<<', ''];
const SCALARS = ['试一试', '""', 'null', '~', 'true', '0', '-1', '3', '99999999999999999999', '1e400', '.nan', '2018-03-01', '2018-13-45', 'official', 'offical', 'headline', 'topics',
  '../../../../etc/passwd', '/etc/passwd', 'brief.md.hbs', 'audiences/../brief.md.hbs', '%2e%2e/x', '!!binary aGk=', '&a 1', '*a', '*undefined', '"\\u0000"', '[economy, livelihood]', '[nosuch]',
  '[figures, highlights]', '[highlight]', '{targets: 目标}', '{nosuch: x}', '[[1, 2]]', '{a: {b: {c: [d]}}}', '|\n  多行\n  文本', "'${x}'", '{{title}}'];

describe('audience files, fuzzed (fast-check)', () => {
  it('any mix of known, misspelt and odd keys and values is read or refused in one line naming the file', async () => {
    let k = 0;
    const seen = new Set<string>();
    await fc.assert(
      // Half the files start from a valid audience, so that changes to a good file are tried too.
      fc.asyncProperty(fc.boolean(), fc.array(fc.tuple(fc.constantFrom(...KEYS), fc.constantFrom(...SCALARS)), { maxLength: 6 }), async (valid, pairs) => {
        const base = valid ? ['title: 试一试', 'topics: [economy]', 'blocks: [highlights]'] : [];
        seen.add(await outcomeOf([...base, ...pairs.map(([key, value]) => `${key}: ${value}`)].join('\n'), k++));
      }),
      // Found by a run: a block scalar's line breaks were quoted into the error line.
      { numRuns: 300, examples: [[true, [['template', '|\n  多行\n  文本']]]] },
    );
    // Both outcomes were met: the generator reaches valid files as well as broken ones.
    expect(seen).toEqual(new Set(['ok', 'error']));
  });

  it('any text at all, however broken as YAML, is refused in one line naming the file', async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 400 }), async (text) => {
        await outcomeOf(text, 1000 + k++);
      }),
      { numRuns: 300 },
    );
  });
});
