// An ordered multiset as a list of sorted chunks (the sortedcontainers layout): insert costs O(log n)
// comparisons plus a splice inside one chunk of ≤ 2·LOAD items, whatever the size; remove costs no
// comparison (each item knows its chunk); reading positions [from, to) walks from the front:
// O(from / LOAD + (to - from)), which is what a page near the top needs.
//
// Why not a sorted array: a splice moves O(n) pointers per change (1M matches → ~1 ms). Why not a
// balanced tree: more allocation per item and slower walks; chunks keep memory contiguous. Why each
// item holds its chunk: at 1M rooms a removal's ~18 comparisons each read a cold room key (cache misses
// that grew the per-change cost with the collection); an identity scan of one chunk reads contiguous memory.

const LOAD = 512;

/** What an item carries for the list: the chunk it sits in (set by the list; an item sits in one list at most). */
export interface Placed {
  home: unknown;
}

export interface SortedList<T extends Placed> {
  readonly size: number;
  insert(item: T): void;
  /** Removes `item` (by identity, no comparison); false when it is not in this list. */
  remove(item: T): boolean;
  /** The item at `index`, or undefined. */
  at(index: number): T | undefined;
  /** Items at positions [from, to) in order. */
  slice(from: number, to: number): T[];
}

/** A sorted list under `compare` (a total order), filled from `items` (sorted here, once). */
export const createSortedList = <T extends Placed>(compare: (a: T, b: T) => number, items: ReadonlyArray<T> = []): SortedList<T> => {
  const sorted = [...items].sort(compare);
  const chunks: T[][] = [];
  const settle = (chunk: T[]): T[] => {
    for (const item of chunk) item.home = chunk;
    return chunk;
  };
  for (let i = 0; i < sorted.length; i += LOAD) chunks.push(settle(sorted.slice(i, i + LOAD)));
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
        chunks.push(settle([item]));
        return;
      }
      const c = chunkFor(item);
      const chunk = chunks[c] as T[];
      chunk.splice(lowerBound(chunk, item), 0, item);
      item.home = chunk;
      if (chunk.length > 2 * LOAD) chunks.splice(c + 1, 0, settle(chunk.splice(LOAD)));
    },
    remove: (item) => {
      const chunk = item.home as T[] | undefined;
      const i = chunk?.indexOf(item) ?? -1;
      if (chunk === undefined || i < 0) return false;
      chunk.splice(i, 1);
      item.home = undefined;
      size--;
      if (chunk.length === 0) chunks.splice(chunks.indexOf(chunk), 1);
      return true;
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
