// Merge work in slices (leveled-deriver.ts): the merges are generators that yield the work units done since
// their last yield (a unit ≈ one element of one index visited), so a caller can stop after a budget and
// resume later. `drain` runs one to the end (the one-shot compaction).

import type { RankSet } from '../rank-set.js';

/** A resumable computation: yields work units done, returns its result. */
export type Steps<T> = Generator<number, T, void>;

/** Elements a loop handles between two yields: small enough that a slice overshoots its budget by little. */
export const CHUNK = 8192;

/** Work units of reading one room's field: a cold object (~1 µs at 1M rooms), not a typed-array element. */
export const ROOM_READ = 8;

/** Rooms a loop reads between two yields (CHUNK units). */
export const ROOMS_PER_STEP = CHUNK / ROOM_READ;

/** Runs `steps` to its end; returns its result and the work units it reported. */
export const drain = <T>(steps: Steps<T>): T => {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
};

/**
 * `fromSortedRanks(ranks, n)` (rank-set.ts) in slices: the same list or bitmap. A bitmap sets one bit per
 * member, CHUNK members between yields; a list (< n/32 members) is one copy.
 */
export function* fromSortedRanksSteps(ranks: Int32Array, n: number): Steps<RankSet> {
  const count = ranks.length;
  if (count * 32 < n) {
    yield count;
    return { kind: 'list', ranks: ranks.slice() };
  }
  const words = new Uint32Array((n + 31) >>> 5);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    for (let i = from; i < to; i++) {
      const r = ranks[i] as number;
      words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
    }
    yield to - from;
  }
  return { kind: 'bitmap', words, size: count };
}

/**
 * (id, rank) pairs sorted by id then rank, in slices: packed as id · scale + rank (an exact double when
 * id · scale ≤ 2^53, the caller's check; scale: a power of two above every rank), a native numeric sort, unpacked.
 */
export function* sortPairsSteps(
  ids: ReadonlyArray<number>,
  ranks: ReadonlyArray<number>,
  scale: number,
): Steps<{ readonly ids: Int32Array; readonly ranks: Int32Array }> {
  const count = ids.length;
  let packed = new Float64Array(count);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    for (let e = from; e < to; e++) packed[e] = (ids[e] as number) * scale + (ranks[e] as number);
    yield to - from;
  }
  packed = yield* sortFloat64Steps(packed);
  const outIds = new Int32Array(count);
  const outRanks = new Int32Array(count);
  for (let from = 0; from < count; from += CHUNK) {
    const to = Math.min(count, from + CHUNK);
    for (let e = from; e < to; e++) {
      const x = packed[e] as number;
      const id = Math.floor(x / scale);
      outIds[e] = id;
      outRanks[e] = x - id * scale;
    }
    yield to - from;
  }
  return { ids: outIds, ranks: outRanks };
}

/** Elements a copy moves per yield (a memcpy: ~8 elements per work unit). */
const COPY = 8 * CHUNK;

/** `a.slice(0, length)` in slices. */
export function* copyPrefixSteps(a: Int32Array, length: number): Steps<Int32Array<ArrayBuffer>> {
  const out = new Int32Array(length);
  for (let from = 0; from < length; from += COPY) {
    const to = Math.min(length, from + COPY);
    out.set(a.subarray(from, to), from);
    yield (to - from) / 8;
  }
  return out;
}

/** Sorted runs handed to the native sort at once (≈ 1 ms of work each). */
const RUN = 16_384;

/**
 * Bottom-up merge passes over `src`, whose runs of `width` are already sorted, ping-ponging with `dst`;
 * `inOrder(x, y)`: x may precede y. Yields every `every` elements written; returns the sorted buffer.
 */
function* mergePassesSteps<A extends Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer>>(
  src: A,
  dst: A,
  width: number,
  inOrder: (x: number, y: number) => boolean,
  every: number,
): Steps<A> {
  const n = src.length;
  for (; width < n; width *= 2) {
    let since = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      for (let w = lo; w < hi; w++) {
        if (j >= hi || (i < mid && inOrder(src[i] as number, src[j] as number))) dst[w] = src[i++] as number;
        else dst[w] = src[j++] as number;
        if (++since === every) {
          yield since;
          since = 0;
        }
      }
    }
    yield since;
    const t = src;
    src = dst;
    dst = t;
  }
  return src;
}

/**
 * Sorts `a` ascending (numbers only, no NaN), in slices: native sorts of runs, then merge passes.
 * Returns the sorted array (`a` itself or a buffer of the same length).
 */
export function* sortFloat64Steps(a: Float64Array<ArrayBuffer>): Steps<Float64Array<ArrayBuffer>> {
  const n = a.length;
  if (n <= RUN) {
    a.sort();
    yield n;
    return a;
  }
  for (let i = 0; i < n; i += RUN) {
    a.subarray(i, Math.min(n, i + RUN)).sort();
    yield RUN * 4;
  }
  return yield* mergePassesSteps(a, new Float64Array(n), RUN, (x, y) => x <= y, CHUNK);
}

/** Runs handed to the native comparator sort at once. */
const INDEX_RUN = 1024;

/**
 * The indexes 0..count-1 sorted by `cmp` (stable), in slices: native sorts of short runs, then merge passes.
 * Each yield reports the comparisons done since the last one (≈ count · log count in all).
 */
export function* sortIndexesSteps(count: number, cmp: (a: number, b: number) => number): Steps<Int32Array<ArrayBuffer>> {
  const src = new Int32Array(count);
  for (let i = 0; i < count; i++) src[i] = i;
  const stable = (a: number, b: number): number => cmp(a, b) || a - b;
  for (let i = 0; i < count; i += INDEX_RUN) {
    const run = Math.min(count, i + INDEX_RUN) - i;
    src.subarray(i, i + run).sort(stable);
    yield run * Math.ceil(Math.log2(run + 1));
  }
  return yield* mergePassesSteps(src, new Int32Array(count), INDEX_RUN, (x, y) => stable(x, y) <= 0, 1024);
}
