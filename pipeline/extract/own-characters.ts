import { simplifiedForm } from '../util/simplified-form.js';

/**
 * A text as extraction reads it (simplified characters, so the patterns written in simplified
 * characters match a report printed in traditional ones) beside the report's own characters.
 * Both have the same length, so an offset found in one holds in the other.
 */
export interface ReadText {
  /** For matching. */
  read: string;
  /** For printing. */
  own: string;
}

export function readTextOf(own: string): ReadText {
  const read = simplifiedForm(own);
  // Offsets must hold: a conversion that moved characters (one outside the basic plane) is not used.
  return { read: read.length === own.length ? read : own, own };
}

/**
 * The report's own characters for a string made from the read form of `text`: a name cut from a
 * clause, pieced from several (城镇 + …收入), or carried from an earlier clause. Each longest run
 * of it found in the paragraph is replaced by the characters at the same place, taking the
 * occurrence nearest `near` (the figure) where the run is written more than once; characters the
 * paragraph does not hold (a canonical word added to a name) stay as they are.
 */
export function inOwnCharacters(made: string, text: ReadText, near: number): string {
  if (text.read === text.own || !made) return made;
  let out = '';
  for (let i = 0; i < made.length; ) {
    let taken = 0;
    for (let length = made.length - i; length >= 1 && !taken; length--) {
      const at = nearestOccurrence(text.read, made.slice(i, i + length), near);
      if (at >= 0) {
        out += text.own.slice(at, at + length);
        taken = length;
      }
    }
    if (!taken) {
      out += made[i];
      taken = 1;
    }
    i += taken;
  }
  return out;
}

/** Where `piece` is written nearest `near` (the earlier of two as near); -1 if nowhere. */
function nearestOccurrence(text: string, piece: string, near: number): number {
  const before = text.lastIndexOf(piece, near);
  const after = text.indexOf(piece, near + 1);
  if (before < 0 || after < 0) return Math.max(before, after);
  return near - before <= after - near ? before : after;
}
