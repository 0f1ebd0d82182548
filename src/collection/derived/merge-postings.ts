// Compaction of equality and presence indexes (merge-collection.ts): every posting is its surviving
// ranks remapped (the rank map is increasing on survivors, so they stay ascending) merged with the
// changed rooms' new ranks. Reads only the changed rooms (and the removed ones, to count their arrays).
import { compilePath } from '../../value/get-path.js';
import type { Room } from '../../model/room.js';
import { keyIdOf, keyIndexFromParts, keyIndexParts, keyMapBytes, type KeyIndex } from '../postings.js';
import { presenceTest, type PresenceIndex } from '../presence-index.js';
import { forEachAsc, setSize, type RankSet } from '../rank-set.js';
import {
  CHUNK,
  copyPrefixSteps,
  drain,
  fromSortedRanksSteps,
  ROOM_READ,
  ROOMS_PER_STEP,
  sortIndexesSteps,
  sortPairsSteps,
  type Steps,
} from './slices.js';

/** How the base's ranks map to the compacted collection's. */
export interface RankRemap {
  /** Old rank → new rank, -1 for a tombstoned room. */
  readonly rankMap: Int32Array;
  /** The changed rooms' current values, and their new ranks. */
  readonly deltaDocs: ReadonlyArray<Room>;
  readonly deltaRank: Int32Array;
  /** Delta indexes by ascending new rank. */
  readonly deltaByRank: Int32Array;
  /** The base rooms that left (removed or replaced). */
  readonly removed: ReadonlyArray<Room>;
  /** Size of the compacted collection. */
  readonly size: number;
}

/** Map layers a merged key index may chain before it is flattened (posting lookups probe each). */
const MAX_LAYERS = 8;

/** Visits the string keys a value is indexed under, each once (keyIndexBuilder counts an array's repeats once). */
const forEachKey = (v: unknown, visit: (key: string) => void): void => {
  if (typeof v === 'string') visit(v);
  else if (Array.isArray(v)) {
    // Arrays are short (tags): a quadratic repeat check allocates nothing.
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'string' && v.indexOf(x) === i) visit(x);
    }
  }
};

/** The delta's entries by (key id, rank), in slices. */
function* sortEntriesSteps(
  entryKey: ReadonlyArray<number>,
  entryRank: ReadonlyArray<number>,
  idCount: number,
  size: number,
): Steps<{ dKey: Int32Array; dRank: Int32Array }> {
  const count = entryKey.length;
  const scale = 2 ** Math.ceil(Math.log2(size + 1));
  if (idCount * scale <= Number.MAX_SAFE_INTEGER) {
    // id · scale + rank (rank < scale) is an exact double: a native numeric sort, no comparator calls.
    const sorted = yield* sortPairsSteps(entryKey, entryRank, scale);
    return { dKey: sorted.ids, dRank: sorted.ranks };
  }
  const dKey = new Int32Array(count);
  const dRank = new Int32Array(count);
  // Entries are in rank order and the sort is stable: by key id, then rank.
  const byKey = yield* sortIndexesSteps(count, (a, b) => (entryKey[a] as number) - (entryKey[b] as number));
  for (let e = 0; e < count; e++) {
    dKey[e] = entryKey[byKey[e] as number] as number;
    dRank[e] = entryRank[byKey[e] as number] as number;
    if ((e & (CHUNK - 1)) === CHUNK - 1) yield CHUNK;
  }
  yield count & (CHUNK - 1);
  return { dKey, dRank };
}

/** `old` over the compacted collection, or undefined when `old` was not made by postings.ts. */
export const mergeKeyIndex = (old: KeyIndex, remap: RankRemap): KeyIndex | undefined => drain(mergeKeyIndexSteps(old, remap));

/** mergeKeyIndex in slices (slices.ts). */
export function* mergeKeyIndexSteps(old: KeyIndex, remap: RankRemap): Steps<KeyIndex | undefined> {
  const parts = keyIndexParts(old);
  if (parts === undefined) return undefined;
  const { ids, offsets, ranks } = parts;
  const { rankMap, deltaDocs, deltaRank, deltaByRank } = remap;
  const read = compilePath(old.path);
  let arrayCount = parts.arrayCount;
  // Without arrays in the base no removed room held one: don't read them.
  if (arrayCount > 0) {
    for (let t = 0; t < remap.removed.length; t++) {
      if (Array.isArray(read(remap.removed[t]))) arrayCount--;
      if (t % ROOMS_PER_STEP === ROOMS_PER_STEP - 1) yield CHUNK;
    }
  }
  // The delta's entries (key id, rank); keys the base lacks get ids after the base's.
  const oldIdCount = offsets.length - 1;
  const added = new Map<string, number>();
  let addedBytes = 0;
  const entryKey: number[] = [];
  const entryRank: number[] = [];
  for (let j = 0; j < deltaByRank.length; j++) {
    const i = deltaByRank[j] as number;
    const v = read(deltaDocs[i]);
    if (Array.isArray(v)) arrayCount++;
    forEachKey(v, (key) => {
      let id = keyIdOf(parts, key) ?? added.get(key);
      if (id === undefined) {
        added.set(key, (id = oldIdCount + added.size));
        addedBytes += keyMapBytes(key);
      }
      entryKey.push(id);
      entryRank.push(deltaRank[i] as number);
    });
    if (j % ROOMS_PER_STEP === ROOMS_PER_STEP - 1) yield CHUNK;
  }
  yield (deltaByRank.length % ROOMS_PER_STEP) * ROOM_READ;
  const idCount = oldIdCount + added.size;
  const { dKey, dRank } = yield* sortEntriesSteps(entryKey, entryRank, idCount, remap.size);
  // One sequential pass in key id order: survivors remapped, delta ranks merged in; a dense key's bitmap
  // is made as its range ends (what keyIndexFromParts would do in one O(keys + n) step).
  const starts = new Int32Array(idCount + 1);
  const out = new Int32Array(ranks.length + dRank.length);
  const dense = new Map<number, RankSet>();
  let w = 0;
  let j = 0;
  let live = 0;
  let since = 0;
  for (let id = 0; id < idCount; id++) {
    starts[id] = w;
    if (++since >= CHUNK) {
      yield since;
      since = 0;
    }
    if (id < oldIdCount) {
      const to = offsets[id + 1] as number;
      for (let e = offsets[id] as number; e < to; e++) {
        // A key most rooms hold (`t`, `direction`) has a posting of ~n entries: yield inside it too.
        if (++since >= CHUNK) {
          yield since;
          since = 0;
        }
        const r = rankMap[ranks[e] as number] as number;
        if (r < 0) continue;
        while (j < dKey.length && dKey[j] === id && (dRank[j] as number) < r) out[w++] = dRank[j++] as number;
        out[w++] = r;
      }
    }
    while (j < dKey.length && dKey[j] === id) out[w++] = dRank[j++] as number;
    const count = w - (starts[id] as number);
    if (count === 0) continue;
    live++;
    if (count * 32 >= remap.size) dense.set(id, yield* fromSortedRanksSteps(out.subarray(starts[id] as number, w), remap.size));
  }
  starts[idCount] = w;
  yield since;
  const newRanks = w === out.length ? out : yield* copyPrefixSteps(out, w);
  const layers = added.size === 0 ? ids : [...ids, added];
  // Keep the map layers (new keys in a layer of their own, emptied keys as empty ranges) while the ids
  // that are dead or outside the first layer stay under 1/8 of the live keys and the layers few: a
  // flatten copies every key (0.1 to 1 s for 300k visitors at 1M rooms), so it is amortised over
  // >= live/8 key changes. With no such id the layout is exactly a built index's.
  const overhead = idCount - live + (idCount - (ids[0]?.size ?? 0));
  if (overhead === 0 || (layers.length <= MAX_LAYERS && overhead * 8 <= live)) {
    const keyBytes = parts.keyBytes === undefined ? undefined : parts.keyBytes + addedBytes;
    const merged = { ids: layers, offsets: starts, ranks: newRanks, arrayCount, ...(keyBytes === undefined ? {} : { keyBytes }) };
    return keyIndexFromParts(remap.size, old.path, merged, { dense, keyCount: live });
  }
  // Flatten: one map of the live keys, renumbered in id order (layers hold increasing id ranges, each
  // in insertion order), so every key's range stays [offsets[id], offsets[id + 1]); ranks unchanged.
  const flat = new Map<string, number>();
  const flatOffsets = new Int32Array(live + 1);
  const flatDense = new Map<number, RankSet>();
  let keyBytes = 0;
  for (const layer of layers) {
    for (const [key, id] of layer) {
      // Copying a key is a hash insert: count it as a few units.
      if ((id & 1023) === 1023) yield 4096;
      if (starts[id + 1] === starts[id]) continue;
      const set = dense.get(id);
      if (set !== undefined) flatDense.set(flat.size, set);
      flatOffsets[flat.size] = starts[id] as number;
      flat.set(key, flat.size);
      keyBytes += keyMapBytes(key);
    }
  }
  flatOffsets[live] = w;
  yield live;
  const flattened = { ids: [flat], offsets: flatOffsets, ranks: newRanks, arrayCount, keyBytes };
  return keyIndexFromParts(remap.size, old.path, flattened, { dense: flatDense, keyCount: live });
}

/** `old` over the compacted collection. */
export const mergePresenceIndex = (old: PresenceIndex, remap: RankRemap): PresenceIndex => drain(mergePresenceIndexSteps(old, remap));

/** mergePresenceIndex in slices (slices.ts). */
export function* mergePresenceIndexSteps(old: PresenceIndex, remap: RankRemap): Steps<PresenceIndex> {
  const { rankMap, deltaDocs, deltaRank, deltaByRank } = remap;
  const read = compilePath(old.path);
  const holds = presenceTest(old.holds);
  const added: number[] = [];
  for (let j = 0; j < deltaByRank.length; j++) {
    const i = deltaByRank[j] as number;
    if (holds(read(deltaDocs[i]))) added.push(deltaRank[i] as number);
    if (j % ROOMS_PER_STEP === ROOMS_PER_STEP - 1) yield CHUNK;
  }
  const out = new Int32Array(setSize(old.present) + added.length);
  let w = 0;
  let j = 0;
  const visit = (oldRank: number): boolean => {
    const r = rankMap[oldRank] as number;
    if (r < 0) return true;
    while (j < added.length && (added[j] as number) < r) out[w++] = added[j++] as number;
    out[w++] = r;
    return true;
  };
  // Old ranks in spans: a span costs its members plus span / 32 bitmap words (or a list's binary search).
  for (let from = 0; from < rankMap.length; from += 4 * CHUNK) {
    const before = w;
    forEachAsc(old.present, from, Math.min(rankMap.length, from + 4 * CHUNK), visit);
    yield w - before + Math.min(4 * CHUNK, rankMap.length - from) / 32;
  }
  while (j < added.length) out[w++] = added[j++] as number;
  yield deltaByRank.length;
  const present = yield* fromSortedRanksSteps(out.subarray(0, w), remap.size);
  return { kind: 'presence', path: old.path, holds: old.holds, present };
}
