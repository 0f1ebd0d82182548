// A substring index over one string field (`name` for voip's roomName, `fname` for livechat's): for
// every gram (gram-codes.ts) the ranks of the rooms whose case-folded text holds it. A needle of 1 to 3
// code units is answered exactly by one posting; a longer one by intersecting its trigrams' postings
// (a superset of the matches, which the planner verifies with the real matcher).
//
// Layout, as postings.ts: sparse postings share one Int32Array (CSR: gram id → [offsets[id],
// offsets[id + 1]) of `ranks`); a posting of n/32 ranks or more is a bitmap instead (its CSR range is
// empty), so the dense 1- and 2-grams (`a`, `e`, digits) cost n/8 bytes each, not 4 per room.
// Building buffers one gram id per (room, distinct gram) in chunks, counting as it goes, then fills in
// rank order: peak memory is the entries once plus the result, no doubling copies.
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
/** Distinct strings whose grams are remembered while building (a bound on the build's extra memory). */
const MAX_CACHED = 1 << 16;

/**
 * Collects each room's distinct gram ids by position (chunks of ids, CSR by position), then lays the
 * postings out in rank order. The gram loop is one function over local variables (no call per gram,
 * no closure slot per step): it runs ~35 times per room.
 */
export const gramIndexBuilder = (n: number, path: FieldPath): IndexBuilder<GramIndex> => {
  const read = compilePath(path);
  const ids = new GramIds();
  const values = new Array<unknown>(n).fill(undefined);
  // Position p's distinct gram ids are entries [start[p], start[p + 1]) of the chunks.
  const start = new Int32Array(n + 1);
  const chunks = new GramEntries();
  return {
    add: (p: number, doc: Room) => {
      const value = read(doc);
      if (typeof value === 'string') {
        chunks.addOne(value, p + 1, ids);
        values[p] = value;
      } else if (Array.isArray(value)) {
        for (const x of value) if (typeof x === 'string') chunks.addString(x, p + 1, ids);
        values[p] = value;
      }
      start[p + 1] = chunks.entries;
    },
    finish: (order) => layOut(n, path, ids, chunks, start, values, order),
  };
};

/** Gram code → dense id: open addressing over small codes (no Map hashing per gram), a Map for the rare large ones (letters past 1024). */
class GramIds {
  bits = 12;
  slots = new Int32Array(1 << 12).fill(-1);
  slotIds = new Int32Array(1 << 12);
  small = 0;
  readonly large = new Map<number, number>();
  /** The codes by id. */
  readonly codes: number[] = [];
  /** Per id: how many positions hold it, and the last position (+1) that did. */
  counts = new Int32Array(1024);
  seen = new Int32Array(1024);

  /** The id of a large code (≥ 2^30). */
  largeId(code: number): number {
    let id = this.large.get(code);
    if (id === undefined) {
      this.large.set(code, (id = this.codes.length));
      this.newId(code);
    }
    return id;
  }

  /** Registers the next id for `code` (its slot, if small, is set by the caller). */
  newId(code: number): number {
    const id = this.codes.length;
    this.codes.push(code);
    if (id === this.counts.length) {
      const counts = new Int32Array(id * 2);
      counts.set(this.counts);
      this.counts = counts;
      const seen = new Int32Array(id * 2);
      seen.set(this.seen);
      this.seen = seen;
    }
    return id;
  }

  grow(): void {
    const bits = ++this.bits;
    const mask = (1 << bits) - 1;
    const slots = new Int32Array(1 << bits).fill(-1);
    const slotIds = new Int32Array(1 << bits);
    for (let i = 0; i < this.slots.length; i++) {
      const code = this.slots[i] as number;
      if (code < 0) continue;
      let h = Math.imul(code, 0x9e3779b1) >>> (32 - bits);
      while (slots[h] !== -1) h = (h + 1) & mask;
      slots[h] = code;
      slotIds[h] = this.slotIds[i] as number;
    }
    this.slots = slots;
    this.slotIds = slotIds;
  }

  /** The id of a small code (< 2^30). */
  smallId(code: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    let h = Math.imul(code, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const at = slots[h] as number;
      if (at === code) return this.slotIds[h] as number;
      if (at === -1) break;
      h = (h + 1) & mask;
    }
    const id = this.newId(code);
    slots[h] = code;
    this.slotIds[h] = id;
    if (++this.small * 2 > slots.length) this.grow();
    return id;
  }
}

/** The (position, distinct gram id) entries, in chunks (no doubling copies of one big array). */
class GramEntries {
  readonly chunks: Int32Array[] = [new Int32Array(CHUNK)];
  chunk: Int32Array = this.chunks[0] as Int32Array;
  fill = 0;
  entries = 0;

  private take(id: number, mark: number, ids: GramIds): void {
    const seen = ids.seen;
    if (seen[id] === mark) return; // a gram repeated in one room counts once
    seen[id] = mark;
    ids.counts[id] = (ids.counts[id] as number) + 1;
    if (this.fill === CHUNK) {
      this.chunks.push((this.chunk = new Int32Array(CHUNK)));
      this.fill = 0;
    }
    this.chunk[this.fill++] = id;
    this.entries++;
  }

  /** Where the distinct gram ids of a string seen before are (in `known`): names repeat (one visitor, many calls). */
  private readonly cached = new Map<string, number>();
  private known = new Int32Array(1 << 16);
  private knownLength = 0;

  /** Adds the grams of a room's only string: replayed when the string was seen before. */
  addOne(s: string, mark: number, ids: GramIds): void {
    const at = this.cached.get(s);
    if (at !== undefined) {
      const known = this.known;
      const to = at + (known[at] as number) + 1;
      const counts = ids.counts;
      for (let k = at + 1; k < to; k++) {
        const id = known[k] as number;
        counts[id] = (counts[id] as number) + 1;
        if (this.fill === CHUNK) {
          this.chunks.push((this.chunk = new Int32Array(CHUNK)));
          this.fill = 0;
        }
        this.chunk[this.fill++] = id;
      }
      this.entries += (known[at] as number);
      return;
    }
    const before = this.entries;
    this.addString(s, mark, ids);
    const added = this.entries - before;
    if (this.cached.size >= MAX_CACHED) return;
    // Copy the ids just written (they may straddle two chunks).
    if (this.knownLength + added + 1 > this.known.length) {
      const grown = new Int32Array(Math.max(this.known.length * 2, this.knownLength + added + 1));
      grown.set(this.known.subarray(0, this.knownLength));
      this.known = grown;
    }
    const known = this.known;
    const start = this.knownLength;
    known[start] = added;
    for (let e = before; e < this.entries; e++) known[start + 1 + e - before] = (this.chunks[e >>> 20] as Int32Array)[e & (CHUNK - 1)] as number;
    this.cached.set(s, start);
    this.knownLength = start + added + 1;
  }

  /** Adds the grams of `s` for the room marked `mark` (its position + 1). */
  addString(s: string, mark: number, ids: GramIds): void {
    let a = 0;
    let b = 0;
    for (let i = 0; i < s.length; i++) {
      const c = letterOf(s.charCodeAt(i));
      let code = gramCode(0, 0, c);
      this.take(code < 2 ** 30 ? ids.smallId(code) : ids.largeId(code), mark, ids);
      if (b !== 0) {
        code = gramCode(0, b, c);
        this.take(code < 2 ** 30 ? ids.smallId(code) : ids.largeId(code), mark, ids);
        if (a !== 0) {
          code = gramCode(a, b, c);
          this.take(code < 2 ** 30 ? ids.smallId(code) : ids.largeId(code), mark, ids);
        }
      }
      a = b;
      b = c;
    }
  }
}

const layOut = (
  n: number,
  path: FieldPath,
  gramIds: GramIds,
  entries: GramEntries,
  start: Int32Array,
  valuesByPosition: ReadonlyArray<unknown>,
  order: Int32Array | undefined,
): GramIndex => {
  const idCount = gramIds.codes.length;
  const counts = gramIds.counts;
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
  const chunks = entries.chunks;
  const values = order === undefined ? valuesByPosition : new Array<unknown>(n).fill(undefined);
  for (let r = 0; r < n; r++) {
    const p = order === undefined ? r : (order[r] as number);
    if (order !== undefined) (values as unknown[])[r] = valuesByPosition[p];
    const from = start[p] as number;
    const to = start[p + 1] as number;
    const word = r >>> 5;
    const bit = 1 << (r & 31);
    for (let e = from; e < to; e++) {
      const id = (chunks[e >>> 20] as Int32Array)[e & (CHUNK - 1)] as number;
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
  const ids = new Map(gramIds.codes.map((code, id) => [code, id]));
  return gramIndexFromParts(path, { ids, offsets, ranks, dense, values });
};

/** Trigram postings a long needle intersects at most (the smallest ones; more rarely pay for their probes). */
const MAX_TRIGRAMS = 6;

/** A gram index from its layout. @internal */
export const gramIndexFromParts = (path: FieldPath, parts: GramIndexParts): GramIndex => {
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
  let gramCount = 0;
  for (const set of dense.values()) {
    bytes += setBytes(set);
    entries += setSize(set);
  }
  for (let id = 0; id < offsets.length - 1; id++) if (dense.has(id) || (offsets[id + 1] as number) > (offsets[id] as number)) gramCount++;
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
