// The n-grams a substring index keys rooms by: every 1-, 2- and 3-unit run of a string's case-folded
// UTF-16 code units (fold-case.ts, the matcher's own folding), each as one number, so building an
// index never allocates a string per gram. A needle of up to 3 units IS one gram (its posting is
// exactly the rooms that match); a longer needle's trigrams all occur in every matching name.
import { foldUnit } from '../compile/fold-case.js';

/** Codes of the grams (u), (u, v), (u, v, w): 1 + unit per place, in base 65537, so lengths never collide. */
const BASE = 65537;

/** The code of the folded units `units[from, to)` (1 to 3 of them). */
const codeOf = (units: ArrayLike<number>, from: number, to: number): number => {
  let code = 0;
  for (let i = from; i < to; i++) code = code * BASE + (units[i] as number) + 1;
  return code;
};

/** The folded text of a gram code, for explain. */
export const gramText = (code: number): string => {
  const units: number[] = [];
  for (let c = code; c > 0; c = Math.floor(c / BASE)) units.unshift((c % BASE) - 1);
  return String.fromCharCode(...units);
};

/**
 * Visits the code of every gram of the string `s` (repeats included: the caller dedupes per room).
 * Each unit is folded once; the 2- and 3-gram codes roll forward from the previous units.
 */
export const forEachGramOf = (s: string, visit: (code: number) => void): void => {
  let a = 0; // 1 + the unit two places back (0: none)
  let b = 0; // 1 + the previous unit
  for (let i = 0; i < s.length; i++) {
    const c = foldUnit(s.charCodeAt(i)) + 1;
    visit(c);
    if (b !== 0) {
      visit(b * BASE + c);
      if (a !== 0) visit((a * BASE + b) * BASE + c);
    }
    a = b;
    b = c;
  }
};

/**
 * Visits the grams of a field's value as the matcher sees it: a string, or each string element of an
 * array (MongoDB's any-element rule); other values hold no text and no gram.
 */
export const forEachGramOfValue = (value: unknown, visit: (code: number) => void): void => {
  if (typeof value === 'string') forEachGramOf(value, visit);
  else if (Array.isArray(value)) for (const x of value) if (typeof x === 'string') forEachGramOf(x, visit);
};

/** The grams that stand for a needle: itself when it is 1 to 3 units long (exact), else its distinct trigrams. */
export const needleGrams = (needle: string): { readonly exact: boolean; readonly codes: ReadonlyArray<number> } => {
  const units = Array.from({ length: needle.length }, (_, i) => foldUnit(needle.charCodeAt(i)));
  if (units.length <= 3) return { exact: true, codes: units.length === 0 ? [] : [codeOf(units, 0, units.length)] };
  const codes = new Set<number>();
  for (let i = 0; i + 3 <= units.length; i++) codes.add(codeOf(units, i, i + 3));
  return { exact: false, codes: [...codes] };
};
