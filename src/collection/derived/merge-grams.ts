// Compaction of a substring index (merge-collection.ts): every gram's posting is its surviving ranks
// remapped (the rank map is increasing on survivors, so they stay ascending) merged with the changed
// rooms' new ranks, laid out as gram-index.ts builds it (bitmap from n/32 members). Reads only the
// changed rooms; O(entries + dense bitmaps' words + delta grams · log).
import { compilePath } from '../../value/get-path.js';
import { forEachGramOfValue } from '../gram-codes.js';
import { checkedValue, gramIndexFromParts, gramIndexParts, type GramIndex } from '../gram-index.js';
import type { RankRemap } from './merge-postings.js';
import { forEachAsc, setSize, type RankSet } from '../rank-set.js';
import { CHUNK, copyPrefixSteps, drain, sortPairsSteps, type Steps } from './slices.js';

/** The delta's (gram id, new rank) entries sorted by id then rank; new grams get ids after the old ones. */
function* deltaEntriesSteps(
  old: GramIndex,
  ids: ReadonlyMap<number, number>,
  remap: RankRemap,
): Steps<{ added: Map<number, number> | undefined; dId: Int32Array; dRank: Int32Array }> {
  const read = compilePath(old.path);
  const { deltaDocs, deltaRank, deltaByRank } = remap;
  let added: Map<number, number> | undefined;
  const entryId: number[] = [];
  const entryRank: number[] = [];
  const seen = new Set<number>();
  for (let j = 0; j < deltaByRank.length; j++) {
    const i = deltaByRank[j] as number;
    const r = deltaRank[i] as number;
    seen.clear();
    forEachGramOfValue(read(deltaDocs[i]), (code) => {
      if (seen.has(code)) return;
      seen.add(code);
      let id = ids.get(code) ?? added?.get(code);
      if (id === undefined) {
        added ??= new Map();
        id = ids.size + added.size;
        added.set(code, id);
      }
      entryId.push(id);
      entryRank.push(r);
    });
    if ((j & 255) === 255) yield 256 * 16;
  }
  // id · scale + rank is an exact double (ids < 2^31, ranks < scale ≤ 2^31): a native numeric sort.
  const scale = 2 ** Math.ceil(Math.log2(remap.size + 1));
  const sorted = yield* sortPairsSteps(entryId, entryRank, scale);
  const dId = sorted.ids;
  const dRank = sorted.ranks;
  return { added, dId, dRank };
}

/** The values by new rank: survivors moved, the changed rooms' values read. */
function* mergeValuesSteps(old: GramIndex, values: ReadonlyArray<unknown>, remap: RankRemap): Steps<unknown[]> {
  const read = compilePath(old.path);
  const out = new Array<unknown>(remap.size);
  for (let r = 0; r < out.length; r++) {
    out[r] = undefined;
    if ((r & (CHUNK - 1)) === CHUNK - 1) yield CHUNK;
  }
  const { rankMap, deltaDocs, deltaRank } = remap;
  for (let r = 0; r < values.length; r++) {
    const to = rankMap[r] as number;
    if (to >= 0) out[to] = values[r];
    if ((r & (CHUNK - 1)) === CHUNK - 1) yield CHUNK;
  }
  for (let i = 0; i < deltaDocs.length; i++) {
    out[deltaRank[i] as number] = checkedValue(read(deltaDocs[i]));
  }
  yield deltaDocs.length;
  return out;
}

/** `old` over the compacted collection, or undefined when `old` was not made by gram-index.ts. */
export const mergeGramIndex = (old: GramIndex, remap: RankRemap): GramIndex | undefined => drain(mergeGramIndexSteps(old, remap));

/** mergeGramIndex in slices (slices.ts). */
export function* mergeGramIndexSteps(old: GramIndex, remap: RankRemap): Steps<GramIndex | undefined> {
  const parts = gramIndexParts(old);
  if (parts === undefined) return undefined;
  const { ids, offsets, ranks, dense, values } = parts;
  const { rankMap, size: n } = remap;
  const { added, dId, dRank } = yield* deltaEntriesSteps(old, ids, remap);
  const oldIdCount = offsets.length - 1;
  const idCount = oldIdCount + (added?.size ?? 0);
  let largestDense = 0;
  for (const set of dense.values()) largestDense = Math.max(largestDense, setSize(set));
  // Each gram's merged posting is written at the end of `out`; a dense one is then turned into a bitmap
  // and its room in `out` given back, so `out` never needs more than this.
  const out = new Int32Array(ranks.length + dRank.length + largestDense);
  const newOffsets = new Int32Array(idCount + 1);
  const newDense = new Map<number, RankSet>();
  let w = 0;
  let j = 0;
  let since = 0;
  let gramCount = 0;
  for (let id = 0; id < idCount; id++) {
    if (++since >= CHUNK) {
      yield since;
      since = 0;
    }
    const start = w;
    const push = (r: number): boolean => {
      if (r < 0) return true;
      while (j < dId.length && dId[j] === id && (dRank[j] as number) < r) out[w++] = dRank[j++] as number;
      out[w++] = r;
      return true;
    };
    if (id < oldIdCount) {
      const bitmap = dense.get(id);
      if (bitmap !== undefined) {
        const visit = (oldRank: number): boolean => push(rankMap[oldRank] as number);
        // Old ranks in spans: a span costs its members plus span / 32 bitmap words.
        for (let from = 0; from < rankMap.length; from += 4 * CHUNK) {
          const before = w;
          forEachAsc(bitmap, from, Math.min(rankMap.length, from + 4 * CHUNK), visit);
          yield w - before + Math.min(4 * CHUNK, rankMap.length - from) / 32;
        }
      } else {
        const to = offsets[id + 1] as number;
        for (let e = offsets[id] as number; e < to; e++) {
          push(rankMap[ranks[e] as number] as number);
          if (++since >= CHUNK) {
            yield since;
            since = 0;
          }
        }
      }
    }
    while (j < dId.length && dId[j] === id) out[w++] = dRank[j++] as number;
    const count = w - start;
    if (count > 0) gramCount++;
    if (count > 0 && count * 32 >= n) {
      const bits = new Uint32Array((n + 31) >>> 5);
      // A gram most names hold has ~n members: CHUNK of them between yields.
      for (let from = start; from < w; from += CHUNK) {
        const to = Math.min(w, from + CHUNK);
        for (let e = from; e < to; e++) {
          const r = out[e] as number;
          bits[r >>> 5] = (bits[r >>> 5] as number) | (1 << (r & 31));
        }
        yield to - from;
      }
      newDense.set(id, { kind: 'bitmap', words: bits, size: count });
      since += bits.length / 32;
      w = start;
    }
    newOffsets[id + 1] = w;
  }
  yield since;
  const newRanks = out.length - w > w >>> 3 ? yield* copyPrefixSteps(out, w) : out.subarray(0, w);
  let newIds: ReadonlyMap<number, number> = ids;
  if (added !== undefined) {
    // Copy-on-write: older collections keep reading the old map (new grams are rare once names repeat).
    // A hash insert per gram: a few units each, CHUNK / 4 grams between yields.
    const grown = new Map<number, number>();
    let copied = 0;
    for (const [code, id] of ids) {
      grown.set(code, id);
      if (++copied === CHUNK / 4) {
        yield CHUNK;
        copied = 0;
      }
    }
    for (const [code, id] of added) grown.set(code, id);
    newIds = grown;
    yield copied * 4 + added.size * 4;
  }
  const newValues = yield* mergeValuesSteps(old, values, remap);
  const merged = { ids: newIds, offsets: newOffsets, ranks: newRanks, dense: newDense, values: newValues };
  return gramIndexFromParts(old.path, merged, gramCount);
}
