// A substring index over one string field (`name` for voip's roomName, `fname` for livechat's): for
// every gram (gram-codes.ts) the ranks of the rooms whose case-folded text holds it. A needle of 1 to 3
// code units is answered exactly by one posting; a longer one by intersecting its trigrams' postings
// (a superset of the matches, which the planner verifies with the real matcher).
//
// Layout, as postings.ts: sparse postings share one Int32Array (CSR: gram id → [offsets[id],
// offsets[id + 1]) of `ranks`); a posting of n/32 ranks or more is a bitmap instead (its CSR range is
// empty), so the dense 1- and 2-grams (`a`, `e`, digits) cost n/8 bytes each, not 4 per room.
// Building buffers one gram id per (room, distinct gram) in chunks, then counts, then fills: peak
// memory is the entries once plus the result, no doubling copies.
import { compilePath } from '../value/get-path.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { gramCode, gramText, letterOf, needleGrams } from './gram-codes.js';
import type { IndexBuilder } from './postings.js';
import { EMPTY, setBytes, setSize, type RankSet } from './rank-set.js';

/** One gram's posting, as the planner reads it. */
export interface GramPosting {
  /** The folded gram, for explain. */
  readonly gram: string;
  readonly set: RankSet;
}

export interface GramIndex {
  readonly kind: 'gram';
  readonly path: FieldPath;
  /**
   * The postings standing for `needle`, smallest first: one exact posting for 1 to 3 code units; else
   * the postings of its distinct trigrams, whose intersection holds every match. `exact` also when a
   * trigram occurs nowhere (nothing matches). Undefined for the empty needle (it matches every string).
   */
  readonly lookup: (needle: string) => { readonly exact: boolean; readonly postings: ReadonlyArray<GramPosting> } | undefined;
  /** The field's value of the room at each rank (the very string or array the room holds): candidates are verified on it. */
  readonly values: ReadonlyArray<unknown>;
  /** Distinct grams indexed. */
  readonly gramCount: number;
  /** (room, distinct gram) pairs. */
  readonly entries: number;
  readonly bytes: number;
}

/**
 * The layout, kept so compaction (merge-grams.ts) remaps ranks instead of re-reading every room.
 * `ids` may hold grams whose rooms all left (an empty range, no bitmap). @internal
 */
export interface GramIndexParts {
  readonly ids: ReadonlyMap<number, number>;
  readonly offsets: Int32Array;
  readonly ranks: Int32Array;
  readonly dense: ReadonlyMap<number, RankSet>;
  /** Rank → the field's value when it is a string or an array (else undefined). */
  readonly values: ReadonlyArray<unknown>;
}

const partsOf = new WeakMap<GramIndex, GramIndexParts>();

/** The layout of an index made by this module (undefined otherwise). @internal */
export const gramIndexParts = (index: GramIndex): GramIndexParts | undefined => partsOf.get(index);

const CHUNK = 1 << 20;

/**
 * Collects each room's distinct gram ids (ranks ascending), then lays the postings out. The gram loop
 * is written out here (no callback per gram): it runs ~40 times per room.
 */
export const gramIndexBuilder = (n: number, path: FieldPath): IndexBuilder<GramIndex> => {
  const read = compilePath(path);
  // Gram code → id: open addressing over small codes (no Map hashing ~40 times per room), a Map for the
  // rare large ones (letters past 1024); `codes` lists the codes by id.
  let bits = 12;
  let slots = new Int32Array(1 << bits).fill(-1);
  let slotIds = new Int32Array(1 << bits);
  const large = new Map<number, number>();
  const codes: number[] = [];
  const grow = (): void => {
    bits++;
    const mask = (1 << bits) - 1;
    const nextSlots = new Int32Array(1 << bits).fill(-1);
    const nextIds = new Int32Array(1 << bits);
    for (let i = 0; i < slots.length; i++) {
      const code = slots[i] as number;
      if (code < 0) continue;
      let h = Math.imul(code, 0x9e3779b1) >>> (32 - bits);
      while (nextSlots[h] !== -1) h = (h + 1) & mask;
      nextSlots[h] = code;
      nextIds[h] = slotIds[i] as number;
    }
    slots = nextSlots;
    slotIds = nextIds;
  };
  let small = 0;
  const idOf = (code: number): number => {
    if (code >= 2 ** 30) {
      let id = large.get(code);
      if (id === undefined) {
        large.set(code, (id = codes.length));
        codes.push(code);
      }
      return id;
    }
    const mask = slots.length - 1;
    let h = Math.imul(code, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const at = slots[h] as number;
      if (at === code) return slotIds[h] as number;
      if (at === -1) break;
      h = (h + 1) & mask;
    }
    const id = codes.length;
    codes.push(code);
    slots[h] = code;
    slotIds[h] = id;
    if (++small * 2 > slots.length) grow();
    return id;
  };
  let lastRank = new Int32Array(1024).fill(-1);
  const chunks: Int32Array[] = [new Int32Array(CHUNK)];
  let chunk = chunks[0] as Int32Array;
  let fill = 0;
  let entries = 0;
  const docRanks: number[] = [];
  const docEnds: number[] = [];
  const values = new Array<unknown>(n).fill(undefined);
  let rank = 0;
  const take = (code: number): void => {
    const id = idOf(code);
    if (id === lastRank.length) {
      const grown = new Int32Array(id * 2).fill(-1);
      grown.set(lastRank);
      lastRank = grown;
    }
    if (lastRank[id] === rank) return; // a gram repeated in one room counts once
    lastRank[id] = rank;
    if (fill === CHUNK) {
      chunks.push((chunk = new Int32Array(CHUNK)));
      fill = 0;
    }
    chunk[fill++] = id;
    entries++;
  };
  const addString = (s: string): void => {
    let a = 0;
    let b = 0;
    for (let i = 0; i < s.length; i++) {
      const c = letterOf(s.charCodeAt(i));
      take(gramCode(0, 0, c));
      if (b !== 0) {
        take(gramCode(0, b, c));
        if (a !== 0) take(gramCode(a, b, c));
      }
      a = b;
      b = c;
    }
  };
  return {
    add: (r: number, doc: Room) => {
      rank = r;
      const before = entries;
      const value = read(doc);
      if (typeof value === 'string') addString(value);
      else if (Array.isArray(value)) for (const x of value) if (typeof x === 'string') addString(x);
      if (typeof value === 'string' || Array.isArray(value)) values[r] = value;
      if (entries > before) {
        docRanks.push(r);
        docEnds.push(entries);
      }
    },
    finish: () => layOut(n, path, new Map(codes.map((code, id) => [code, id])), chunks, entries, docRanks, docEnds, values),
  };
};

const layOut = (
  n: number,
  path: FieldPath,
  ids: ReadonlyMap<number, number>,
  chunks: ReadonlyArray<Int32Array>,
  entries: number,
  docRanks: ReadonlyArray<number>,
  docEnds: ReadonlyArray<number>,
  values: ReadonlyArray<unknown>,
): GramIndex => {
  const idCount = ids.size;
  const counts = new Int32Array(idCount);
  for (let k = 0; k < chunks.length; k++) {
    const chunk = chunks[k] as Int32Array;
    const end = Math.min(CHUNK, entries - k * CHUNK);
    for (let e = 0; e < end; e++) {
      const id = chunk[e] as number;
      counts[id] = (counts[id] as number) + 1;
    }
  }
  // Dense grams get a bitmap (slot ≥ 0) and an empty CSR range.
  const slot = new Int32Array(idCount).fill(-1);
  const bitmaps: Uint32Array[] = [];
  const offsets = new Int32Array(idCount + 1);
  for (let id = 0; id < idCount; id++) {
    const count = counts[id] as number;
    const isDense = count * 32 >= n;
    if (isDense) {
      slot[id] = bitmaps.length;
      bitmaps.push(new Uint32Array((n + 31) >>> 5));
    }
    offsets[id + 1] = (offsets[id] as number) + (isDense ? 0 : count);
  }
  const ranks = new Int32Array(offsets[idCount] as number);
  const at = offsets.slice(0, idCount);
  let k = 0;
  let chunk = chunks[0] as Int32Array;
  let e = 0;
  for (let d = 0; d < docRanks.length; d++) {
    const r = docRanks[d] as number;
    const word = r >>> 5;
    const bit = 1 << (r & 31);
    for (const end = docEnds[d] as number; e < end; e++) {
      if ((e & (CHUNK - 1)) === 0 && e > 0) chunk = chunks[++k] as Int32Array;
      const id = chunk[e & (CHUNK - 1)] as number;
      const b = slot[id] as number;
      if (b < 0) {
        const i = at[id] as number;
        ranks[i] = r;
        at[id] = i + 1;
      } else {
        const words = bitmaps[b] as Uint32Array;
        words[word] = (words[word] as number) | bit;
      }
    }
  }
  const dense = new Map<number, RankSet>();
  for (let id = 0; id < idCount; id++) {
    const b = slot[id] as number;
    if (b >= 0) dense.set(id, { kind: 'bitmap', words: bitmaps[b] as Uint32Array, size: counts[id] as number });
  }
  return gramIndexFromParts(path, { ids, offsets, ranks, dense, values });
};

/** Trigram postings a long needle intersects at most (the smallest ones; more rarely pay for their probes). */
const MAX_TRIGRAMS = 6;

/** Gram ids gramIndexFromParts visited itself (O(grams) in one call): builds pay it, merges must not (tests check). @internal */
export const gramFromPartsWork = { visits: 0 };

/**
 * A gram index from its layout: O(grams) to count the non-empty ones, O(dense grams) when the caller counted
 * them on the way (`knownGramCount`: a merge, in slices). @internal
 */
export const gramIndexFromParts = (path: FieldPath, parts: GramIndexParts, knownGramCount?: number): GramIndex => {
  const { ids, offsets, ranks, dense, values } = parts;
  const postingOf = (code: number): RankSet => {
    const id = ids.get(code);
    if (id === undefined) return EMPTY;
    const bitmap = dense.get(id);
    if (bitmap !== undefined) return bitmap;
    const from = offsets[id] as number;
    const to = offsets[id + 1] as number;
    return from === to ? EMPTY : { kind: 'list', ranks: ranks.subarray(from, to) };
  };
  // Map entries roughly; the values array is one pointer per room (the strings are the rooms' own).
  let bytes = offsets.byteLength + ranks.byteLength + ids.size * 40 + values.length * 8;
  let entries = ranks.length;
  for (const set of dense.values()) {
    bytes += setBytes(set);
    entries += setSize(set);
  }
  let gramCount = knownGramCount ?? 0;
  if (knownGramCount === undefined) {
    gramFromPartsWork.visits += offsets.length - 1;
    for (let id = 0; id < offsets.length - 1; id++) if (dense.has(id) || (offsets[id + 1] as number) > (offsets[id] as number)) gramCount++;
  }
  const index: GramIndex = {
    kind: 'gram',
    path,
    values,
    gramCount,
    entries,
    bytes,
    lookup: (needle) => {
      const { exact, codes } = needleGrams(needle);
      if (codes.length === 0) return undefined;
      const postings = codes
        .map((code) => ({ gram: gramText(code), set: postingOf(code) }))
        .sort((a, b) => setSize(a.set) - setSize(b.set));
      const first = postings[0] as GramPosting;
      if (setSize(first.set) === 0) return { exact: true, postings: [first] };
      return { exact, postings: postings.slice(0, MAX_TRIGRAMS) };
    },
  };
  partsOf.set(index, parts);
  return index;
};

export const gramIndexBytes = (index: GramIndex): number => index.bytes;
