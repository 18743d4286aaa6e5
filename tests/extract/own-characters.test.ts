import { describe, expect, it } from 'vitest';
import { inOwnCharacters, readTextOf } from '../../pipeline/extract/own-characters.js';

describe('a name read from the simplified form, printed in the report’s own characters', () => {
  it('leaves a simplified paragraph’s names as they are', () => {
    const text = readTextOf('原煤产量达到8199万吨。');
    expect(text.read).toBe(text.own);
    expect(inOwnCharacters('原煤产量', text, 0)).toBe('原煤产量');
  });

  it('takes the traditional characters at the place the name was read', () => {
    const text = readTextOf('電力一百零八億度，等於一九四九年的二點五倍。');
    expect(text.read).toBe('电力一百零八亿度，等于一九四九年的二点五倍。');
    expect(inOwnCharacters('电力', text, 9)).toBe('電力');
  });

  it('maps each piece of a name pieced from two places, and keeps words the paragraph does not hold', () => {
    const text = readTextOf('生産資料的産值在工業總産值中的比重，將由百分之二十八點八上升爲百分之四十二點三。');
    expect(inOwnCharacters('工业总产值中的比重', text, 20)).toBe('工業總産值中的比重');
    expect(inOwnCharacters('生产资料比重（第1项）', text, 20)).toBe('生産資料比重（第1项）');
  });

  it('takes, of two characters written alike in simplified, the one nearest the figure', () => {
    // 髮 and 發 are both 发 in simplified characters.
    const text = readTextOf('理髮業的發展，發展理髮業十個');
    expect(text.read).toBe('理发业的发展，发展理发业十个');
    expect(inOwnCharacters('发', text, 0)).toBe('髮');
    expect(inOwnCharacters('发', text, 5)).toBe('發');
    expect(inOwnCharacters('发', text, 12)).toBe('髮');
  });
});
