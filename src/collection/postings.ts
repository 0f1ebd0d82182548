// Equality indexes over ranks (positions in the collection's primary order): string value → the ranks
// of the documents holding it, directly or as an array element (multi-key, like MongoDB's: `tags`), which
// is exactly what the engine's `eq`/`in` match — wanted values are always strings, so other values are
// never indexed. Presence indexes are in presence-index.ts; both are built by an IndexBuilder.
import { compilePath } from '../value/get-path.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { EMPTY, fromSortedRanks, setBytes, type RankSet } from './rank-set.js';

export interface KeyIndex {
  readonly kind: 'key';
  readonly path: FieldPath;
  /** The posting of `key` (empty when no document holds it). */
  readonly posting: (key: string) => RankSet;
  /** Distinct keys. */
  readonly keyCount: number;
  /** The keys in string order (JS `<`, the engine's string order), computed on first use. */
  readonly sortedKeys: () => ReadonlyArray<string>;
  /** Index entries; without arrays, the number of documents holding a string at the path. */
  readonly entries: number;
  /** Some document holds an array at the path: postings then over-approximate strict (non-array) equality. */
  readonly hasArrays: boolean;
  readonly bytes: number;
}

/**
 * Layout: sparse postings share one Int32Array (CSR: key id → [offsets[id], offsets[id + 1]) of
 * `ranks`), so a visitor index of 300k keys is 3 arrays, not 300k typed arrays; dense postings (more
 * than n/32 members) are bitmaps. A key's list is a subarray view made when a query asks for it.
 */
export const buildKeyIndex = (n: number, docAt: (r: number) => Room, path: FieldPath): KeyIndex => {
  const builder = keyIndexBuilder(n, path);
  for (let r = 0; r < n; r++) builder.add(r, docAt(r));
  return builder.finish(undefined);
};

/**
 * Two-phase construction, so a collection reads each room once, in insertion order (the rooms' own
 * memory order: no cache miss per room as a walk in rank order would pay): `add` takes every position
 * in ascending order and keeps only numbers (typed columns); `finish` lays the postings out in rank
 * order from those numbers alone. `order[rank]` = position (undefined: ranks are positions).
 */
export interface IndexBuilder<I> {
  readonly add: (position: number, doc: Room) => void;
  readonly finish: (order: Int32Array | undefined) => I;
}

/** A growable Int32Array (doubling). */
const grown = (a: Int32Array, need: number): Int32Array => {
  if (need <= a.length) return a;
  const next = new Int32Array(Math.max(need, a.length * 2));
  next.set(a);
  return next;
};

export const keyIndexBuilder = (n: number, path: FieldPath): IndexBuilder<KeyIndex> => {
  const read = compilePath(path);
  const ids = new Map<string, number>();
  // Position p's key id (NONE: no string there); a room holding several distinct keys (an array) has
  // MANY - k there and its ids in many[manyStart[k] .. manyStart[k + 1]).
  const keyAt = new Int32Array(n).fill(NONE);
  let many: Int32Array = new Int32Array(16);
  let manyLength = 0;
  const manyStart: number[] = [0];
  let counts: Int32Array = new Int32Array(64);
  let lastPosition: Int32Array = new Int32Array(64);
  let entries = 0;
  let arrayCount = 0;
  /** The id of `key`, or -1 when position `p` already holds it (a value repeated in one array counts once). */
  const idOf = (key: string, p: number): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      if (id === counts.length) {
        counts = grown(counts, id + 1);
        lastPosition = grown(lastPosition, id + 1);
      }
    } else if (lastPosition[id] === p + 1) return -1;
    lastPosition[id] = p + 1;
    counts[id] = (counts[id] as number) + 1;
    entries++;
    return id;
  };
  const addArray = (p: number, v: ReadonlyArray<unknown>): void => {
    let first = NONE;
    let more = false;
    for (const x of v) {
      if (typeof x !== 'string') continue;
      const id = idOf(x, p);
      if (id < 0) continue;
      if (first === NONE) first = id;
      else {
        if (!more) {
          many = grown(many, manyLength + 1);
          many[manyLength++] = first;
          more = true;
        }
        many = grown(many, manyLength + 1);
        many[manyLength++] = id;
      }
    }
    if (more) {
      keyAt[p] = MANY - (manyStart.length - 1);
      manyStart.push(manyLength);
    } else keyAt[p] = first;
  };
  return {
    add: (p, doc) => {
      const v = read(doc);
      if (typeof v === 'string') keyAt[p] = idOf(v, p);
      else if (Array.isArray(v)) {
        arrayCount++;
        addArray(p, v);
      }
    },
    finish: (order) => {
      const keyCount = ids.size;
      const offsets = new Int32Array(keyCount + 1);
      for (let id = 0; id < keyCount; id++) offsets[id + 1] = (offsets[id] as number) + (counts[id] as number);
      const fill = offsets.slice(0, keyCount);
      const ranks = new Int32Array(entries);
      // Ranks ascending, so each key's slice ends up ascending.
      for (let r = 0; r < n; r++) {
        const id = keyAt[order === undefined ? r : (order[r] as number)] as number;
        if (id >= 0) {
          const at = fill[id] as number;
          ranks[at] = r;
          fill[id] = at + 1;
        } else if (id !== NONE) {
          const k = MANY - id;
          for (let e = manyStart[k] as number, to = manyStart[k + 1] as number; e < to; e++) {
            const more = many[e] as number;
            const at = fill[more] as number;
            ranks[at] = r;
            fill[more] = at + 1;
          }
        }
      }
      return keyIndexFromParts(n, path, { ids: [ids], offsets, ranks, arrayCount });
    },
  };
};

const NONE = -1;
const MANY = -2;

/**
 * A key index's layout, kept so compaction (merge-postings.ts) can remap ranks instead of re-reading
 * every room. `ids` maps each key to its id in [0, offsets.length - 1), in layers with disjoint keys:
 * a merge adds a small layer for its new keys instead of copying a map of 300k visitors, and a key
 * whose rooms all left keeps its id with an empty range (a built index has one layer, no empty range).
 * @internal
 */
export interface KeyIndexParts {
  readonly ids: ReadonlyArray<ReadonlyMap<string, number>>;
  readonly offsets: Int32Array;
  readonly ranks: Int32Array;
  /** Documents holding an array at the path. */
  readonly arrayCount: number;
  /** The map keys' share of `bytes` (every layer's keys, emptied ones included); computed when absent. */
  readonly keyBytes?: number;
}

/**
 * What `keyIndexFromParts` would compute by visiting every key id and dense posting, handed over by a caller
 * that computed it on the way (a merge, in slices: merge-postings.ts), so making the index is O(dense keys).
 * @internal
 */
export interface KeyIndexLayout {
  /** Key id → its posting as a bitmap, for the keys holding at least n/32 ranks (fromSortedRanks of its range). */
  readonly dense: ReadonlyMap<number, RankSet>;
  /** Key ids with a non-empty range. */
  readonly keyCount: number;
}

/** Estimated bytes of the map entries and key strings (the key string and its map entry, roughly). */
export const keyMapBytes = (key: string): number => 2 * key.length + 40;

const partsOf = new WeakMap<KeyIndex, KeyIndexParts>();

/** The layout of an index made by this module (undefined otherwise). @internal */
export const keyIndexParts = (index: KeyIndex): KeyIndexParts | undefined => partsOf.get(index);

/** The id of `key` in `parts`, or undefined. @internal */
export const keyIdOf = (parts: KeyIndexParts, key: string): number | undefined => {
  for (const layer of parts.ids) {
    const id = layer.get(key);
    if (id !== undefined) return id;
  }
  return undefined;
};

/**
 * Key ids, keys and dense entries keyIndexFromParts visited itself (not handed a layout): O(keys + n) in one
 * call. Builds pay it; a merge must not (it does that work in slices): tests check it does not grow. @internal
 */
export const fromPartsWork = { visits: 0 };

/** The key index's dense postings and live key count, by visiting every key id. */
const layoutOf = (n: number, offsets: Int32Array, ranks: Int32Array): KeyIndexLayout => {
  const dense = new Map<number, RankSet>();
  let keyCount = 0;
  fromPartsWork.visits += offsets.length - 1;
  for (let id = 0; id < offsets.length - 1; id++) {
    const from = offsets[id] as number;
    const to = offsets[id + 1] as number;
    if (to === from) continue; // a key whose rooms all left (merged indexes only)
    keyCount++;
    if ((to - from) * 32 >= n) {
      fromPartsWork.visits += to - from;
      dense.set(id, fromSortedRanks(ranks.subarray(from, to), n));
    }
  }
  return { dense, keyCount };
};

/**
 * A key index over ranks [0, n) from its layout (dense postings become bitmaps here, unless `layout` brings
 * them): O(keys + dense entries), or O(dense keys) with `layout` and `parts.keyBytes`. @internal
 */
export const keyIndexFromParts = (n: number, path: FieldPath, parts: KeyIndexParts, layout?: KeyIndexLayout): KeyIndex => {
  const { ids, offsets, ranks, arrayCount } = parts;
  const { dense, keyCount } = layout ?? layoutOf(n, offsets, ranks);
  let keyBytes = parts.keyBytes;
  if (keyBytes === undefined) {
    keyBytes = 0;
    for (const layer of ids) {
      fromPartsWork.visits += layer.size;
      for (const key of layer.keys()) keyBytes += keyMapBytes(key);
    }
  }
  let bytes = offsets.byteLength + ranks.byteLength + keyBytes;
  for (const set of dense.values()) bytes += setBytes(set);
  const only = ids.length === 1 ? ids[0] : undefined;
  const idOf = only === undefined ? (key: string) => keyIdOf(parts, key) : (key: string) => only.get(key);
  const live = (key: string): boolean => {
    const id = idOf(key) as number;
    return (offsets[id + 1] as number) > (offsets[id] as number);
  };
  let sorted: string[] | undefined;
  const index: KeyIndex = {
    kind: 'key',
    path,
    keyCount,
    entries: ranks.length,
    sortedKeys: () => {
      if (sorted !== undefined) return sorted;
      const keys = ids.flatMap((layer) => [...layer.keys()]);
      return (sorted = (keyCount === keys.length ? keys : keys.filter(live)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    },
    hasArrays: arrayCount > 0,
    bytes,
    posting: (key) => {
      const id = idOf(key);
      if (id === undefined) return EMPTY;
      const from = offsets[id] as number;
      const to = offsets[id + 1] as number;
      if (to === from) return EMPTY;
      return dense.get(id) ?? { kind: 'list', ranks: ranks.subarray(from, to) };
    },
  };
  partsOf.set(index, parts.keyBytes === keyBytes ? parts : { ...parts, keyBytes });
  return index;
};

export const keyIndexBytes = (index: KeyIndex): number => index.bytes;
