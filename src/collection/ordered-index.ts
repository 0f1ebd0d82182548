// An ordered index on one path: document positions sorted by (compareValues on the value, then _id,
// then insertion position) — exactly the engine's sort order with its tie-breaks, over ALL documents
// (missing values, wrong types and invalid Dates included), so walking it pages like a sort would.
//
// `groupStart[i]` is the first index of the run of entries whose value equals entry i's value: a
// descending walk jumps to it and emits the run forward, because ties stay `_id` ascending whatever
// the direction of the key. Valid Dates (the normal case) form one contiguous tail, ordered by time,
// so a Date range is a binary search.
import { compareValues } from '../compile/compare-values.js';
import { compilePath, type PathReader } from '../compile/get-path.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';

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

const validTime = (v: unknown): number => (v instanceof Date ? v.getTime() : Number.NaN);

export const buildOrderedIndex = (docs: ReadonlyArray<Room>, path: FieldPath): OrderedIndex => {
  const n = docs.length;
  const read = compilePath(path);
  const readId = compilePath({ dotted: '_id', steps: ['_id'] });
  const values = new Array<unknown>(n);
  const ids = new Array<unknown>(n);
  const time = new Float64Array(n);
  let hasArrays = false;
  for (let i = 0; i < n; i++) {
    const doc = docs[i];
    const v = read(doc);
    values[i] = v;
    ids[i] = readId(doc);
    time[i] = validTime(v);
    if (Array.isArray(v)) hasArrays = true;
  }
  const byId = (a: number, b: number): number => {
    const x = ids[a];
    const y = ids[b];
    if (typeof x === 'string' && typeof y === 'string') return x < y ? -1 : x > y ? 1 : a - b;
    return compareValues(x, y) || a - b;
  };
  const positions = new Array<number>(n);
  for (let i = 0; i < n; i++) positions[i] = i;
  positions.sort((a, b) => {
    const ta = time[a] as number;
    const tb = time[b] as number;
    // Both valid Dates: compare times (the fast path); otherwise the full BSON order.
    if (ta === ta && tb === tb) return ta - tb || byId(a, b);
    return compareValues(values[a], values[b]) || byId(a, b);
  });
  const order = Int32Array.from(positions);
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
  return { path, order, rankOf, groupStart, validDateStart, times, hasArrays, read };
};

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
