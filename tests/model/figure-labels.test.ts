import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAudienceSettings } from '../../pipeline/audiences/audience.js';
import { briefCandidates } from '../../pipeline/model/brief-view.js';
import { prepareReport } from '../../pipeline/model/prepare-report.js';
import { repoRoot } from '../helpers/readers.js';

const corpus = join(repoRoot, 'tests', 'fixtures', 'corpus');
const reports = ['', 'national', 'provinces'].flatMap((dir) => readdirSync(join(corpus, dir)).filter((f) => f.endsWith('.txt') && !f.includes('gb18030')).map((f) => join(corpus, dir, f)));

/** Shapes a reader would not accept as the name of an indicator. */
const FORBIDDEN: Array<[string, RegExp]> = [
  ['a verb first (what was done, not what is measured)', /^(?:维修|新建|建成|改造|开工|推进|实施|完成|打造|引进|培育|开展|累计|连获|连续|获得|达到|提高|降低|下降|增加|减少|实现|新开|整治)/],
  ['增速 after a rate or a level that fell', /(?:涨幅|增速|增长|率|指数)增速$|PM2\.5增速|浓度增速/],
  ['a fragment of a clause', /[的，,、；：]|之一|以上|左右|(?:总值|总额|收入)总量$/],
  ['a count of years or awards', /[一二三四五六七八九十\d]+[年届]/],
];

describe('key-figure labels over the corpus', () => {
  it('are indicator names a reader accepts, over figures the report prints', async () => {
    const { audiences, topics } = await readAudienceSettings(join(repoRoot, 'templates'));
    const problems: string[] = [];
    for (const path of reports) {
      const { model } = await prepareReport(path);
      // Digits a copy broke apart with spaces (7 4 7 7 2亿元) are one number, printed whole.
      const text = model.paragraphs.map((p) => p.text).join('').replace(/％/g, '%').replace(/(?<=\d) (?=\d)/g, '');
      for (const audience of audiences) {
        for (const figure of briefCandidates(model, audience, topics).flatMap((b) => b.figures)) {
          for (const [why, shape] of FORBIDDEN) if (shape.test(figure.label)) problems.push(`${path.split('/').pop()} ${audience.name}: “${figure.label}” (${figure.figure}): ${why}`);
          const digits = figure.figure.match(/\d+(?:\.\d+)?/)?.[0] ?? '';
          if (!text.includes(digits)) problems.push(`${path.split('/').pop()} ${audience.name}: ${figure.figure} is not printed in the report`);
        }
      }
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
