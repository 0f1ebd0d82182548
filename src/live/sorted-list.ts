// An ordered multiset as a list of sorted chunks (the sortedcontainers layout): insert and remove
// cost O(log n) comparisons plus a splice inside one chunk of ≤ 2·LOAD items, whatever the size, and
// reading positions [from, to) walks from the front: O(from / LOAD + (to - from)), which is what a
// page near the top needs.
//
// Why not a sorted array: a splice moves O(n) pointers per change (1M matches → ~1 ms). Why not a
// balanced tree: more allocation per item and slower walks; chunks keep memory contiguous.

const LOAD = 512;

export interface SortedList<T> {
  readonly size: number;
  insert(item: T): void;
  /** Removes `item` (found by comparison, then identity); false when it is not there. */
  remove(item: T): boolean;
  /** The item at `index`, or undefined. */
  at(index: number): T | undefined;
  /** Items at positions [from, to) in order. */
  slice(from: number, to: number): T[];
}

/** A sorted list under `compare` (a total order), filled from `items` (sorted here, once). */
export const createSortedList = <T>(compare: (a: T, b: T) => number, items: ReadonlyArray<T> = []): SortedList<T> => {
  const sorted = [...items].sort(compare);
  const chunks: T[][] = [];
  for (let i = 0; i < sorted.length; i += LOAD) chunks.push(sorted.slice(i, i + LOAD));
  let size = sorted.length;

  /** First chunk whose last item is >= item (or the last chunk). */
  const chunkFor = (item: T): number => {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const chunk = chunks[mid] as T[];
      if (compare(chunk[chunk.length - 1] as T, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** First index in `chunk` whose item is >= item. */
  const lowerBound = (chunk: T[], item: T): number => {
    let lo = 0;
    let hi = chunk.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(chunk[mid] as T, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };

  return {
    get size() {
      return size;
    },
    insert: (item) => {
      size++;
      if (chunks.length === 0) {
        chunks.push([item]);
        return;
      }
      const c = chunkFor(item);
      const chunk = chunks[c] as T[];
      chunk.splice(lowerBound(chunk, item), 0, item);
      if (chunk.length > 2 * LOAD) chunks.splice(c + 1, 0, chunk.splice(LOAD));
    },
    remove: (item) => {
      if (chunks.length === 0) return false;
      // Equal items may straddle chunks: scan forward from the first candidate while they compare equal.
      for (let c = chunkFor(item); c < chunks.length; c++) {
        const chunk = chunks[c] as T[];
        for (let i = lowerBound(chunk, item); i < chunk.length; i++) {
          const x = chunk[i] as T;
          if (x === item) {
            chunk.splice(i, 1);
            size--;
            if (chunk.length === 0) chunks.splice(c, 1);
            return true;
          }
          if (compare(x, item) !== 0) return false;
        }
      }
      return false;
    },
    at: (index) => {
      if (index < 0 || index >= size) return undefined;
      let i = index;
      for (const chunk of chunks) {
        if (i < chunk.length) return chunk[i];
        i -= chunk.length;
      }
      return undefined;
    },
    slice: (from, to) => {
      const out: T[] = [];
      let skip = Math.max(0, from);
      let want = Math.min(to, size) - skip;
      for (let c = 0; c < chunks.length && want > 0; c++) {
        const chunk = chunks[c] as T[];
        if (skip >= chunk.length) {
          skip -= chunk.length;
          continue;
        }
        const end = Math.min(chunk.length, skip + want);
        for (let i = skip; i < end; i++) out.push(chunk[i] as T);
        want -= end - skip;
        skip = 0;
      }
      return out;
    },
  };
};
