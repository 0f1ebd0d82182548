// Reference BSON order (docs/semantics-differences.md "Order"), written naively from the decisions doc.
// missing = null < numbers (NaN lowest) < strings < objects < arrays < booleans < Dates (invalid lowest).

/** Rank of a value's type in the BSON order; anything exotic (undefined, functions, bigint...) counts as missing. */
export function referenceTypeRank(value: unknown): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return 1;
  if (typeof value === 'string') return 2;
  if (typeof value === 'boolean') return 5;
  if (value instanceof Date) return 6;
  if (Array.isArray(value)) return 4;
  if (typeof value === 'object') return 3;
  return 0;
}

function sign(n: number): number {
  if (n < 0) return -1;
  if (n > 0) return 1;
  return 0;
}

function compareNumbers(a: number, b: number): number {
  // NaN is the lowest number and equal to itself; -0 equals 0 (plain < and > already do that).
  const aNaN = Number.isNaN(a);
  const bNaN = Number.isNaN(b);
  if (aNaN && bNaN) return 0;
  if (aNaN) return -1;
  if (bNaN) return 1;
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function compareStrings(a: string, b: string): number {
  // UTF-16 code unit order, as the decisions doc says (JS `<`).
  if (a < b) return -1;
  if (a > b) return 1;
  return 0;
}

function compareDates(a: Date, b: Date): number {
  return compareNumbers(a.getTime(), b.getTime());
}

function compareArrays(a: ReadonlyArray<unknown>, b: ReadonlyArray<unknown>): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = referenceCompare(a[i], b[i]);
    if (c !== 0) return c;
  }
  // A prefix sorts first.
  return compareNumbers(a.length, b.length);
}

function compareObjects(a: object, b: object): number {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  const va = a as Record<string, unknown>;
  const vb = b as Record<string, unknown>;
  const n = Math.min(ka.length, kb.length);
  for (let i = 0; i < n; i++) {
    const keyA = ka[i] as string;
    const keyB = kb[i] as string;
    // Entry by entry: the value's type rank first, then the key, then the value.
    const rank = compareNumbers(referenceTypeRank(va[keyA]), referenceTypeRank(vb[keyB]));
    if (rank !== 0) return rank;
    const key = compareStrings(keyA, keyB);
    if (key !== 0) return key;
    const value = referenceCompare(va[keyA], vb[keyB]);
    if (value !== 0) return value;
  }
  return compareNumbers(ka.length, kb.length);
}

/** Total preorder over any values: negative, zero or positive like a comparator. */
export function referenceCompare(a: unknown, b: unknown): number {
  const ra = referenceTypeRank(a);
  const rb = referenceTypeRank(b);
  if (ra !== rb) return sign(ra - rb);
  if (ra === 0) return 0;
  if (ra === 1) return compareNumbers(a as number, b as number);
  if (ra === 2) return compareStrings(a as string, b as string);
  if (ra === 3) return compareObjects(a as object, b as object);
  if (ra === 4) return compareArrays(a as unknown[], b as unknown[]);
  if (ra === 5) {
    if (a === b) return 0;
    return a === false ? -1 : 1;
  }
  return compareDates(a as Date, b as Date);
}
