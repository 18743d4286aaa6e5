import { describe, expect, it } from 'vitest';
import { extractIndicators } from '../../pipeline/extract/extract-indicators.js';
import { readReportText } from '../../pipeline/read/read-report.js';
import { simplifiedForm } from '../../pipeline/util/simplified-form.js';

/**
 * Paragraphs of the State Council's 1954 report, printed in traditional characters
 * (tests/fixtures/corpus/national/national-1954.txt): extraction's patterns are written in
 * simplified characters, and must read these as well, printing the report's own characters.
 */
function indicatorsOf(paragraph: string) {
  const lines = ['1954年国务院政府工作报告', paragraph];
  const report = readReportText(Buffer.from(lines.join('\n')), 'traditional.txt');
  return extractIndicators(report.tree, report.identity.year);
}

const figure = (i: { value: number; unit: string }) => `${i.value}${i.unit}`;

describe('a report printed in traditional characters', () => {
  it('names each product by the report’s own characters, with its output in 万吨 and its multiple of 1949', () => {
    const found = indicatorsOf(
      '拿幾項最重要的工業産品的一九五四年預計産量來同一九四九年産量比較一下，我們可以看到以下的動人的數字：電力一百零八億度，等於一九四九年的二點五倍；原煤八千一百九十九萬噸，等於一九四九年的二點六倍；生鐵三百零三萬噸，等於一九四九年的十二點四倍；鋼二百十七萬噸，等於一九四九年的十三點七倍；金屬切削機床一萬三千五百十三台，等於一九四九年的八點五倍。',
    );
    expect(found.map((i) => `${i.name} ${figure(i)}`)).toEqual([
      '電力 108亿度',
      '電力 2.5倍',
      '原煤 8199万吨',
      '原煤 2.6倍',
      '生鐵 303万吨',
      '生鐵 12.4倍',
      '鋼 217万吨',
      '鋼 13.7倍',
      '金屬切削機床 1.3513万台',
      '金屬切削機床 8.5倍',
    ]);
    // 等於一九四九年的二點五倍 compares with 1949: the multiple is not 1949's figure.
    for (const multiple of found.filter((i) => i.unit === '倍')) {
      expect(multiple.verb).toBe('等于');
      expect(multiple.period).not.toBe('1949');
    }
    expect(found.find((i) => i.name === '原煤')!.text).toBe('原煤八千一百九十九萬噸');
  });

  it('reads 億餘元 as 亿元 with 余, named by what was lost', () => {
    const found = indicatorsOf(
      '這個工程因爲盲目採購材料而積壓資金一百四十四億餘元，因爲沒有及時向國家申請調撥物資損失二十五億七千多萬元，因爲材料使用的浪費損失十八億餘元，因爲勞動效率過低損失二十三億五千多萬元。',
    );
    expect(found.map((i) => `${figure(i)} ${i.qualifier}`)).toEqual(['144亿元 余', '25.7亿元 多', '18亿元 余', '23.5亿元 多']);
    expect(found[0].name).toContain('積壓資金');
    expect(found[2].name).toContain('材料使用的浪費損失');
    expect(found[0].text).toBe('這個工程因爲盲目採購材料而積壓資金一百四十四億餘元');
  });

  it('dates a share that fell from 1950 to 1954 as results, not as targets of 1954', () => {
    const found = indicatorsOf('從一九五〇年到一九五四年，農民所繳納的稅款所佔的比重從百分之二十九點六降低到百分之十三點四。');
    expect(found.map((i) => `${i.name} ${figure(i)} ${i.kind}`)).toEqual(['農民所繳納的稅款所佔的比重 29.6% share', '農民所繳納的稅款所佔的比重 13.4% share']);
    expect(found[1].from).toBe(29.6);
  });

  it('counts 萬戶 as 万户 of the households named before it, a target of next spring', () => {
    const found = indicatorsOf('農業生産合作社在今年八月已經發展到十萬個，預計明年春耕時將達五十萬個以上，參加的農戶將達一千萬戶以上。');
    const households = found.find((i) => i.unit === '万户')!;
    expect(`${households.name} ${figure(households)} ${households.qualifier} ${households.kind}`).toBe('參加的農戶 1000万户 以上 target');
    expect(found.map(figure)).toEqual(['10万个', '50万个', '1000万户']);
    expect(found.map((i) => i.name)).not.toContain('個');
  });

  it('gives the same figures from a paragraph and its simplified copy, each named in its own characters', () => {
    const traditional =
      '一九五四年國家預算中的收入，不包括上年結餘在內，等於一九五〇年的三點六倍。同時，財政收入的來源也有了很大的改變：從一九五〇年到一九五四年，農民所繳納的稅款所佔的比重從百分之二十九點六降低到百分之十三點四，而社會主義的國營企業和合作社繳納的稅款和利潤所佔的比重却從百分之三十四點一增加到百分之六十六點一。一九五四年預算中經濟建設的支出等於一九五〇年的六倍半；經濟建設費佔整個財政支出的比重，也從一九五〇年的百分之二十五點五增加到一九五四年預算的百分之四十五點四。五年來國家財政用於經濟建設的經費共達三百二十八萬億元。';
    const simplified = simplifiedForm(traditional);
    expect(simplified).not.toBe(traditional);
    const fromTraditional = indicatorsOf(traditional);
    const fromSimplified = indicatorsOf(simplified);
    expect(fromTraditional.length).toBeGreaterThanOrEqual(8);
    const figures = (list: typeof fromTraditional) => list.map((i) => [i.value, i.unit, i.kind, i.qualifier, i.period, i.direction, i.from, i.verb]);
    expect(figures(fromTraditional)).toEqual(figures(fromSimplified));
    fromTraditional.forEach((t, k) => {
      const s = fromSimplified[k];
      // A name may be pieced together (its years cut out); every piece is the paragraph's own characters.
      for (const c of t.name) expect(traditional, `${c} of ${t.name}`).toContain(c);
      for (const c of s.name) expect(simplified, `${c} of ${s.name}`).toContain(c);
      expect(simplifiedForm(t.name)).toBe(s.name);
      expect(traditional).toContain(t.text);
      expect(simplifiedForm(t.text)).toBe(s.text);
    });
    expect(fromTraditional.map((i) => i.name)).toContain('國家財政用於經濟建設的經費');
  });
});
