// An ordered index on one path: document positions sorted by (compareValues on the value, then _id,
// then insertion position) — exactly the engine's sort order with its tie-breaks, over ALL documents
// (missing values, wrong types and invalid Dates included), so walking it pages like a sort would.
//
// `groupStart[i]` is the first index of the run of entries whose value equals entry i's value: a
// descending walk jumps to it and emits the run forward, because ties stay `_id` ascending whatever
// the direction of the key. Valid Dates (the normal case) form one contiguous tail, ordered by time,
// so a Date range is a binary search.
import { compareValues } from '../value/compare-values.js';
import { compilePath, type PathReader } from '../value/get-path.js';
import { validTime } from '../value/valid-time.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { lowerBound } from './rank-set.js';

export interface OrderedIndex {
  readonly path: FieldPath;
  /** Index entry → document position, in (value, _id, position) order. */
  readonly order: Int32Array;
  /** Document position → index entry. */
  readonly rankOf: Int32Array;
  /** Index entry → first entry of its run of equal values. */
  readonly groupStart: Int32Array;
  /** Entries [validDateStart, n) hold valid Dates, by time. */
  readonly validDateStart: number;
  /** Time of each entry from validDateStart on (NaN before). */
  readonly times: Float64Array;
  /** Some document holds an array at the path (then a range can't use the index: MongoDB matches arrays element-wise). */
  readonly hasArrays: boolean;
  readonly read: PathReader;
}

/** Reads `_id`: the tie-break of every ordered index. */
export const readId = compilePath({ steps: ['_id'] });

/** The `_id` tie-break's order: strings by code unit (nearly every id), else BSON order. */
export const compareIds = (x: unknown, y: unknown): number =>
  typeof x === 'string' && typeof y === 'string' ? (x < y ? -1 : x > y ? 1 : 0) : compareValues(x, y);

/**
 * Positions in (value, _id, position) order. Valid Dates (nearly every document) are sorted without
 * a comparator: each time is replaced by its rank among the distinct times, `rank * n + position`
 * is a safe integer (n < 2^26), and Float64Array's native sort orders those; runs of equal times are
 * then re-sorted by _id. Everything else (missing, other types, invalid Dates: all below valid Dates
 * in BSON order) takes the comparator sort and goes first.
 */
const sortPositions = (values: ReadonlyArray<unknown>, time: Float64Array, byId: (a: number, b: number) => number): Int32Array => {
  const n = values.length;
  const others: number[] = [];
  let validCount = 0;
  for (let i = 0; i < n; i++) if (time[i] === time[i]) validCount++;
  const times = new Float64Array(validCount);
  const validPositions = new Int32Array(validCount);
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = time[i] as number;
    if (t === t) {
      times[k] = t;
      validPositions[k++] = i;
    } else others.push(i);
  }
  others.sort((a, b) => compareValues(values[a], values[b]) || byId(a, b));
  if (n * n > Number.MAX_SAFE_INTEGER) {
    // Past 2^26 documents rank * n + position is no longer exact: comparator sort.
    const valid = Array.from(validPositions).sort((a, b) => (time[a] as number) - (time[b] as number) || byId(a, b));
    return Int32Array.from([...others, ...valid]);
  }
  const distinct = times.slice().sort();
  const keys = new Float64Array(validCount);
  for (let j = 0; j < validCount; j++) {
    keys[j] = lowerBound(distinct, times[j] as number) * n + (validPositions[j] as number);
  }
  keys.sort();
  const order = new Int32Array(n);
  order.set(others, 0);
  const base = others.length;
  for (let j = 0; j < validCount; j++) order[base + j] = (keys[j] as number) % n;
  // Equal times: order by _id (then position, already the order within the run).
  let runStart = 0;
  for (let j = 1; j <= validCount; j++) {
    if (j < validCount && Math.floor((keys[j] as number) / n) === Math.floor((keys[runStart] as number) / n)) continue;
    // Runs are short (a handful of rooms created in the same millisecond): insertion sort in place.
    for (let a = base + runStart + 1; a < base + j; a++) {
      const x = order[a] as number;
      let b = a - 1;
      while (b >= base + runStart && byId(order[b] as number, x) > 0) {
        order[b + 1] = order[b] as number;
        b--;
      }
      order[b + 1] = x;
    }
    runStart = j;
  }
  return order;
};

export const buildOrderedIndex = (docs: ReadonlyArray<Room>, path: FieldPath): OrderedIndex => {
  const n = docs.length;
  const read = compilePath(path);
  const values = new Array<unknown>(n);
  const ids = new Array<unknown>(n);
  const time = new Float64Array(n);
  let arrayCount = 0;
  for (let i = 0; i < n; i++) {
    const doc = docs[i];
    const v = read(doc);
    values[i] = v;
    ids[i] = readId(doc);
    time[i] = validTime(v);
    if (Array.isArray(v)) arrayCount++;
  }
  const byId = (a: number, b: number): number => compareIds(ids[a], ids[b]) || a - b;
  const order = sortPositions(values, time, byId);
  const rankOf = new Int32Array(n);
  const groupStart = new Int32Array(n);
  const times = new Float64Array(n);
  let validDateStart = n;
  for (let i = 0; i < n; i++) {
    const p = order[i] as number;
    rankOf[p] = i;
    const t = time[p] as number;
    times[i] = t;
    if (t === t && validDateStart === n) validDateStart = i;
    const prev = i > 0 ? (order[i - 1] as number) : -1;
    const same = prev >= 0 && (t === t ? time[prev] === t : compareValues(values[prev], values[p]) === 0);
    groupStart[i] = same ? (groupStart[i - 1] as number) : i;
  }
  return orderedIndexOf({ path, order, rankOf, groupStart, validDateStart, times, read }, arrayCount);
};

// How many documents hold an array, per index: compaction (merge-order.ts) keeps `hasArrays` exact by
// counting the removed and added rooms' arrays instead of re-reading the survivors.
const arrayCounts = new WeakMap<OrderedIndex, number>();

/** An ordered index from its prepared arrays; `arrayCount` = documents holding an array at the path. @internal */
export const orderedIndexOf = (parts: Omit<OrderedIndex, 'hasArrays'>, arrayCount: number): OrderedIndex => {
  const { path, order, rankOf, groupStart, validDateStart, times, read } = parts;
  const index: OrderedIndex = { path, order, rankOf, groupStart, validDateStart, times, hasArrays: arrayCount > 0, read };
  arrayCounts.set(index, arrayCount);
  return index;
};

/** Documents holding an array at the index's path (undefined: an index not made by this module). @internal */
export const orderedIndexArrayCount = (index: OrderedIndex): number | undefined => arrayCounts.get(index);

/** Entries [lo, hi) whose value is a valid Date within [gte, lte] (inclusive bounds). */
export const dateRangeEntries = (index: OrderedIndex, gte: Date | undefined, lte: Date | undefined): { lo: number; hi: number } => {
  const { times, validDateStart } = index;
  const n = times.length;
  const first = (t: number, strict: boolean): number => {
    let lo = validDateStart;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const x = times[mid] as number;
      if (x < t || (strict && x === t)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const loTime = gte?.getTime() ?? Number.NEGATIVE_INFINITY;
  const hiTime = lte?.getTime() ?? Number.POSITIVE_INFINITY;
  if (Number.isNaN(loTime) || Number.isNaN(hiTime)) return { lo: n, hi: n };
  return { lo: first(loTime, false), hi: first(hiTime, true) };
};

export const orderedIndexBytes = (index: OrderedIndex): number =>
  index.order.byteLength + index.rankOf.byteLength + index.groupStart.byteLength + index.times.byteLength;
