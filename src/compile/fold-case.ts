// The case folding of the substring matcher (`new RegExp(escaped, 'i')`, no `u` flag), one UTF-16 code
// unit at a time: what a substring index must fold names and needles with to agree with the matcher.
// The spec's Canonicalize: a unit upper-cases to a single unit or stays; non-ASCII never folds to ASCII.

const ASCII = /^[\x00-\x7f]*$/;
/** Units per fromCharCode call (its arguments go on the stack). */
const CHUNK = 4096;

/** Folded unit of each code unit, -1 until first asked (filled lazily: no 64k toUpperCase calls at import). */
let table: Int32Array | undefined;

const canonicalize = (unit: number): number => {
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const folded = upper.charCodeAt(0);
  return unit >= 128 && folded < 128 ? unit : folded;
};

/** The code unit the case-insensitive matcher compares `unit` as. */
export const foldUnit = (unit: number): number => {
  if (table === undefined) table = new Int32Array(65536).fill(-1);
  let folded = table[unit] as number;
  if (folded < 0) table[unit] = folded = canonicalize(unit);
  return folded;
};

/**
 * `s` with every code unit folded: `new RegExp(escape(needle), 'i').test(name)` holds exactly when
 * `foldCase(name).includes(foldCase(needle))`.
 */
export const foldCase = (s: string): string => {
  // The engine's toUpperCase is the folding for ASCII, and for most other text: take it when every unit agrees
  // (it differs where a unit upper-cases to several, to ASCII from beyond it, or is half of a surrogate pair).
  const upper = s.toUpperCase();
  if (ASCII.test(s)) return upper;
  if (upper.length === s.length) {
    let same = true;
    for (let i = 0; i < s.length && same; i++) same = foldUnit(s.charCodeAt(i)) === upper.charCodeAt(i);
    if (same) return upper;
  }
  const units = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) units[i] = foldUnit(s.charCodeAt(i));
  let out = '';
  for (let i = 0; i < units.length; i += CHUNK) out += String.fromCharCode(...units.subarray(i, i + CHUNK));
  return out;
};
