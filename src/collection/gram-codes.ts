// The n-grams a substring index keys rooms by: every 1-, 2- and 3-unit run of a string's case-folded
// UTF-16 code units (fold-case.ts, the matcher's own folding), each as one number, so building an
// index never allocates a string per gram. A needle of up to 3 units IS one gram (its posting is
// exactly the rooms that match); a longer one's trigrams all occur in every name that holds it.
//
// Codes: each folded unit gets a small "letter" number (1, 2, … in order of first sight, shared by
// the whole process so every index and every merge agrees); a gram of letters (a, b, c), a and b 0 for
// shorter grams, is (a << 20 | b << 10 | c), a small integer V8 neither boxes nor hashes slowly, while
// all letters are below 1024 (any Latin, Greek, Cyrillic… alphabet); past that, a larger exact number.
import { foldUnit } from '../compile/fold-case.js';

const SMALL = 1024;
/** Code unit → its folded unit's letter (0: not seen yet). */
const letterOfUnit = new Int32Array(65536);
/** Folded unit → letter, and back. */
const letterOfFolded = new Map<number, number>();
const foldedOfLetter: number[] = [0];

const newLetter = (unit: number): number => {
  const folded = foldUnit(unit);
  let letter = letterOfFolded.get(folded);
  if (letter === undefined) {
    letter = foldedOfLetter.length;
    foldedOfLetter.push(folded);
    letterOfFolded.set(folded, letter);
  }
  letterOfUnit[unit] = letter;
  return letter;
};

/** The letter of a code unit (units that fold alike share it). */
export const letterOf = (unit: number): number => letterOfUnit[unit] || newLetter(unit);

/** The code of the gram of letters (a, b, c); a = 0 for a 2-gram, a = b = 0 for a 1-gram. */
export const gramCode = (a: number, b: number, c: number): number =>
  a < SMALL && b < SMALL && c < SMALL ? (a << 20) | (b << 10) | c : 2 ** 30 + (a * 2 ** 17 + b) * 2 ** 17 + c;

/** The folded text of a gram code, for explain. */
export const gramText = (code: number): string => {
  const letters =
    code < 2 ** 30
      ? [code >>> 20, (code >>> 10) & 1023, code & 1023]
      : [Math.floor((code - 2 ** 30) / 2 ** 34), Math.floor((code - 2 ** 30) / 2 ** 17) % 2 ** 17, (code - 2 ** 30) % 2 ** 17];
  return String.fromCharCode(...letters.filter((x) => x !== 0).map((x) => foldedOfLetter[x] as number));
};

/** Visits the code of every gram of the string `s` (repeats included: the caller dedupes per room). */
export const forEachGramOf = (s: string, visit: (code: number) => void): void => {
  let a = 0;
  let b = 0;
  for (let i = 0; i < s.length; i++) {
    const c = letterOf(s.charCodeAt(i));
    visit(gramCode(0, 0, c));
    if (b !== 0) {
      visit(gramCode(0, b, c));
      if (a !== 0) visit(gramCode(a, b, c));
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
  const letters = Array.from({ length: needle.length }, (_, i) => letterOf(needle.charCodeAt(i)));
  const [x = 0, y = 0, z = 0] = letters;
  if (letters.length === 0) return { exact: true, codes: [] };
  if (letters.length === 1) return { exact: true, codes: [gramCode(0, 0, x)] };
  if (letters.length === 2) return { exact: true, codes: [gramCode(0, x, y)] };
  if (letters.length === 3) return { exact: true, codes: [gramCode(x, y, z)] };
  const codes = new Set<number>();
  for (let i = 0; i + 3 <= letters.length; i++)
    codes.add(gramCode(letters[i] as number, letters[i + 1] as number, letters[i + 2] as number));
  return { exact: false, codes: [...codes] };
};
