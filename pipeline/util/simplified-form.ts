import { Converter } from 'opencc-js/t2cn';
import { configs } from 'opencc-js/preset/t2cn';

/**
 * A text as simplified characters, for matching only: the topics' keywords and the patterns that
 * find parts, tasks and risks are written in simplified characters, and a report printed in
 * traditional ones (1954: 工業, 這些, 問題) must match them too. What is printed is always the
 * report's own characters. OpenCC's traditional→simplified tables (opencc-js), phrase by phrase.
 *
 * The conversion keeps every character of the basic plane in its place (one for one), so an
 * offset found in the simplified form holds in the original text.
 */
export function simplifiedForm(text: string): string {
  const { convert, traditional } = converter();
  return traditional.test(text) ? convert(text) : text;
}

interface SimplifiedConverter {
  convert: (text: string) => string;
  /** Any character the tables change: a text with none is returned as it is, unconverted. */
  traditional: RegExp;
}

// Built on first use, once per thread: most reports are simplified and never need the tables
// beyond the quick test for a traditional character.
let built: SimplifiedConverter | null = null;

function converter(): SimplifiedConverter {
  if (built) return built;
  const changed = new Set<string>();
  for (const dict of configs.t2s.conversionChain.flat()) {
    const entries = typeof dict === 'string' ? dict.split('|').map((e) => e.split(' ') as [string, string]) : dict;
    for (const [from, to] of entries) {
      const a = [...from];
      const b = [...(to ?? '')];
      a.forEach((c, i) => c !== b[i] && changed.add(c));
    }
  }
  const escaped = [...changed].map((c) => c.replace(/[\\\]^-]/g, '\\$&')).join('');
  built = { convert: Converter({ from: 't', to: 'cn' }), traditional: new RegExp(`[${escaped}]`, 'u') };
  return built;
}
