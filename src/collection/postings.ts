// Equality and presence indexes over ranks (positions in the collection's primary order).
// Equality: string value → the ranks of the documents holding it, directly or as an array element
// (multi-key, like MongoDB's: `tags`), which is exactly what the engine's `eq`/`in` match — wanted
// values are always strings, so other values are never indexed. Presence: the ranks where the path
// holds any value (`open` is present while a call is open).
import { compilePath } from '../value/get-path.js';
import { holdsTrue } from '../value/holds-true.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { EMPTY, fromSortedRanks, setBytes, type RankSet } from './rank-set.js';

export interface PresenceIndex {
  readonly kind: 'presence';
  readonly path: FieldPath;
  /** Which rooms it holds: those with any value at the path (`exists`), or those holding `true` there (a flag: `onHold`). */
  readonly holds: 'any' | 'true';
  readonly present: RankSet;
}

/** The test a presence index applies to the value at its path. */
export const presenceTest = (holds: PresenceIndex['holds']): ((value: unknown) => boolean) =>
  holds === 'true' ? holdsTrue : (value) => value !== undefined;

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
  return builder.finish();
};

/** Incremental construction, ranks in ascending order: lets a collection read each room once for all its indexes. */
export interface IndexBuilder<I> {
  readonly add: (rank: number, doc: Room) => void;
  readonly finish: () => I;
}

export const keyIndexBuilder = (n: number, path: FieldPath): IndexBuilder<KeyIndex> => {
  const read = compilePath(path);
  const ids = new Map<string, number>();
  // Growable typed buffers: (key id, rank) per entry, in rank order.
  let entryKey = new Int32Array(Math.max(16, n));
  let entryRank = new Int32Array(Math.max(16, n));
  let entries = 0;
  const lastRank: number[] = [];
  const add = (key: string, r: number): void => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
      lastRank.push(-1);
    }
    // A value repeated in one array counts once.
    if (lastRank[id] === r) return;
    lastRank[id] = r;
    if (entries === entryKey.length) {
      const grownKey = new Int32Array(entries * 2);
      grownKey.set(entryKey);
      entryKey = grownKey;
      const grownRank = new Int32Array(entries * 2);
      grownRank.set(entryRank);
      entryRank = grownRank;
    }
    entryKey[entries] = id;
    entryRank[entries++] = r;
  };
  let arrayCount = 0;
  const addDoc = (r: number, doc: Room): void => {
    const v = read(doc);
    if (typeof v === 'string') add(v, r);
    else if (Array.isArray(v)) {
      arrayCount++;
      for (const x of v) if (typeof x === 'string') add(x, r);
    }
  };
  return {
    add: addDoc,
    finish: () => finishKeyIndex(n, path, ids, entryKey.subarray(0, entries), entryRank.subarray(0, entries), arrayCount),
  };
};

const finishKeyIndex = (
  n: number,
  path: FieldPath,
  ids: ReadonlyMap<string, number>,
  entryKey: Int32Array,
  entryRank: Int32Array,
  arrayCount: number,
): KeyIndex => {
  const keyCount = ids.size;
  const offsets = new Int32Array(keyCount + 1);
  for (const id of entryKey) offsets[id + 1] = (offsets[id + 1] as number) + 1;
  for (let id = 0; id < keyCount; id++) offsets[id + 1] = (offsets[id + 1] as number) + (offsets[id] as number);
  const fill = offsets.slice(0, keyCount);
  const ranks = new Int32Array(entryKey.length);
  // Entries arrive in rank order, so each key's slice ends up ascending.
  for (let e = 0; e < entryKey.length; e++) {
    const id = entryKey[e] as number;
    ranks[fill[id] as number] = entryRank[e] as number;
    fill[id] = (fill[id] as number) + 1;
  }
  return keyIndexFromParts(n, path, { ids: [ids], offsets, ranks, arrayCount });
};

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

export const presenceIndexBuilder = (n: number, path: FieldPath, holds: PresenceIndex['holds'] = 'any'): IndexBuilder<PresenceIndex> => {
  const read = compilePath(path);
  const test = presenceTest(holds);
  const ranks: number[] = [];
  return {
    add: (r, doc) => {
      if (test(read(doc))) ranks.push(r);
    },
    finish: () => ({ kind: 'presence', path, holds, present: fromSortedRanks(ranks, n) }),
  };
};

export const keyIndexBytes = (index: KeyIndex): number => index.bytes;
