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
import { sortPositionsByTime } from './time-sort.js';

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

/** An ordered index built in two phases: `add` every position in order, then `finish` over the same docs. */
export interface OrderedIndexBuilder {
  readonly add: (position: number, doc: Room) => void;
  readonly finish: (docs: ReadonlyArray<Room>) => OrderedIndex;
}

/**
 * Two-phase construction (as postings.ts's builders): `add` reads each document once, in position
 * order, keeping its time (NaN for anything but a valid Date) and, for the rare non-Dates, the value;
 * `finish` sorts. Valid Dates (nearly every document) are radix-sorted by (time, position)
 * (time-sort.ts) and runs of equal times re-sorted by _id; everything else (missing, other types,
 * invalid Dates: all below valid Dates in BSON order) takes the comparator sort and goes first. `_id`s
 * are read only for those and for ties.
 */
export const orderedIndexBuilder = (n: number, path: FieldPath): OrderedIndexBuilder => {
  const read = compilePath(path);
  const time = new Float64Array(n);
  const otherPositions: number[] = [];
  const otherValues: unknown[] = [];
  let arrayCount = 0;
  return {
    add: (p: number, doc: Room): void => {
      const v = read(doc);
      const t = validTime(v);
      time[p] = t;
      if (t !== t) {
        otherPositions.push(p);
        otherValues.push(v);
        if (Array.isArray(v)) arrayCount++;
      }
    },
    finish: (docs: ReadonlyArray<Room>): OrderedIndex => {
      const idAt = (p: number): unknown => readId(docs[p]);
      const valid = new Int32Array(n - otherPositions.length);
      for (let p = 0, k = 0; p < n; p++) if (time[p] === time[p]) valid[k++] = p;
      const byTime = sortPositionsByTime(valid, time);
      // The others by (value, _id, position): indexes into otherPositions / otherValues.
      const otherIds = otherPositions.map(idAt);
      const others = otherPositions.map((_, k) => k);
      others.sort((a, b) => {
        const va = otherValues[a];
        const vb = otherValues[b];
        // Missing (the common "other": an open room's closedAt) against missing: straight to the _id.
        return (
          (va === undefined && vb === undefined ? 0 : compareValues(va, vb)) ||
          compareIds(otherIds[a], otherIds[b]) ||
          (otherPositions[a] as number) - (otherPositions[b] as number)
        );
      });
      const base = others.length;
      const order = new Int32Array(n);
      const times = new Float64Array(n);
      for (let i = 0; i < base; i++) {
        order[i] = otherPositions[others[i] as number] as number;
        times[i] = Number.NaN;
      }
      order.set(byTime, base);
      for (let i = base; i < n; i++) times[i] = time[order[i] as number] as number;
      sortTiesById(order, times, base, idAt);
      const rankOf = new Int32Array(n);
      const groupStart = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        rankOf[order[i] as number] = i;
        const same =
          i === 0
            ? false
            : i < base
              ? compareValues(otherValues[others[i - 1] as number], otherValues[others[i] as number]) === 0
              : i > base && times[i - 1] === times[i];
        groupStart[i] = same ? (groupStart[i - 1] as number) : i;
      }
      return orderedIndexOf({ path, order, rankOf, groupStart, validDateStart: base, times, read }, arrayCount);
    },
  };
};

/** Within each run of equal times in order[base..] (times: by entry), sorts by _id (then position: already the run's order). */
const sortTiesById = (order: Int32Array, times: Float64Array, base: number, idAt: (p: number) => unknown): void => {
  const n = order.length;
  let runStart = base;
  for (let j = base + 1; j <= n; j++) {
    if (j < n && times[j] === times[runStart]) continue;
    // Runs are short (a handful of rooms created in the same millisecond): insertion sort in place
    // (stable: equal _ids keep their position order).
    for (let a = runStart + 1; a < j; a++) {
      const x = order[a] as number;
      const id = idAt(x);
      let b = a - 1;
      while (b >= runStart && compareIds(idAt(order[b] as number), id) > 0) {
        order[b + 1] = order[b] as number;
        b--;
      }
      order[b + 1] = x;
    }
    runStart = j;
  }
};

export const buildOrderedIndex = (docs: ReadonlyArray<Room>, path: FieldPath): OrderedIndex => {
  const builder = orderedIndexBuilder(docs.length, path);
  for (let p = 0; p < docs.length; p++) builder.add(p, docs[p] as Room);
  return builder.finish(docs);
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
