// A substring index over one string field (`name` for voip's roomName, `fname` for livechat's): for
// every gram (gram-codes.ts) the ranks of the rooms whose case-folded text holds it. A needle of 1 to 3
// code units is answered exactly by one posting; a longer one by intersecting its trigrams' postings
// (a superset of the matches, which the planner verifies with the real matcher).
//
// Layout, as postings.ts: sparse postings share one Int32Array (CSR: gram id → [offsets[id],
// offsets[id + 1]) of `ranks`); a posting of n/32 ranks or more is a bitmap instead (its CSR range is
// empty), so the dense 1- and 2-grams (`a`, `e`, digits) cost n/8 bytes each, not 4 per room.
// Building keeps one list of gram ids per distinct string (a room points at its list), then fills in
// rank order: peak memory is the distinct lists plus the result, no doubling copies.
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
/** Distinct strings whose gram list is shared while building (a bound on the build's extra memory). */
const MAX_CACHED = 1 << 16;

/**
 * Collects one list of distinct gram ids per distinct string (names repeat: one visitor, many calls),
 * each room pointing at its list, then lays the postings out in rank order. The gram loop is one
 * method over local variables (no call per gram): it runs ~35 times per new string.
 */
export const gramIndexBuilder = (n: number, path: FieldPath): IndexBuilder<GramIndex> => {
  const read = compilePath(path);
  const ids = new GramIds();
  const values = new Array<unknown>(n).fill(undefined);
  const lists = new GramLists();
  // Position p's gram list (GramLists.ref), or -1: no string there.
  const listAt = new Int32Array(n).fill(-1);
  return {
    add: (p: number, doc: Room) => {
      const value = read(doc);
      if (typeof value === 'string') {
        listAt[p] = lists.ofString(value, ids);
        values[p] = value;
      } else if (Array.isArray(value)) {
        listAt[p] = lists.ofStrings(value, ids);
        values[p] = value;
      }
    },
    finish: (order) => layOut(n, path, ids, lists, listAt, values, order),
  };
};

/**
 * Lists of distinct gram ids in chunks: a list is [length, rooms using it, ids…] within one chunk, named
 * by its ref (chunk * CHUNK + offset). A string seen before reuses its list (up to MAX_CACHED strings).
 */
class GramLists {
  readonly chunks: Int32Array[] = [new Int32Array(CHUNK)];
  private chunk: Int32Array = this.chunks[0] as Int32Array;
  private fill = 0;
  /** Every list's ref, in order made. */
  readonly refs: number[] = [];
  private readonly cached = new Map<string, number>();
  private scratch = new Int32Array(256);
  private length = 0;

  /** The list of `s`'s grams (one more room uses it). */
  ofString(s: string, ids: GramIds): number {
    let ref = this.cached.get(s);
    if (ref === undefined) {
      this.length = 0;
      this.addString(s, this.refs.length + 1, ids);
      ref = this.store();
      if (this.cached.size < MAX_CACHED) this.cached.set(s, ref);
    }
    const chunk = this.chunks[ref >>> 20] as Int32Array;
    const at = (ref & (CHUNK - 1)) + 1;
    chunk[at] = (chunk[at] as number) + 1;
    return ref;
  }

  /** The list of the grams of an array's strings (its own list, used once). */
  ofStrings(xs: ReadonlyArray<unknown>, ids: GramIds): number {
    this.length = 0;
    const mark = this.refs.length + 1;
    for (const x of xs) if (typeof x === 'string') this.addString(x, mark, ids);
    const ref = this.store();
    const chunk = this.chunks[ref >>> 20] as Int32Array;
    const at = (ref & (CHUNK - 1)) + 1;
    chunk[at] = 1;
    return ref;
  }

  /** Copies the scratch list into the chunks (a list never straddles two). */
  private store(): number {
    const length = this.length;
    if (this.fill + length + 2 > CHUNK) {
      this.chunks.push((this.chunk = new Int32Array(Math.max(CHUNK, length + 2))));
      this.fill = 0;
    }
    const ref = (this.chunks.length - 1) * CHUNK + this.fill;
    const chunk = this.chunk;
    chunk[this.fill] = length;
    chunk[this.fill + 1] = 0;
    chunk.set(this.scratch.subarray(0, length), this.fill + 2);
    this.fill += length + 2;
    this.refs.push(ref);
    return ref;
  }

  private take(id: number, mark: number, ids: GramIds): void {
    const seen = ids.seen;
    if (seen[id] === mark) return; // a gram repeated in one list counts once
    seen[id] = mark;
    if (this.length === this.scratch.length) {
      const grown = new Int32Array(this.length * 2);
      grown.set(this.scratch);
      this.scratch = grown;
    }
    this.scratch[this.length++] = id;
  }

  /** Adds the grams of `s` to the scratch list marked `mark`. */
  private addString(s: string, mark: number, ids: GramIds): void {
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

/** Gram code → dense id: open addressing over small codes (no Map hashing per gram), a Map for the rare large ones (letters past 1024). */
class GramIds {
  bits = 12;
  slots = new Int32Array(1 << 12).fill(-1);
  slotIds = new Int32Array(1 << 12);
  small = 0;
  readonly large = new Map<number, number>();
  /** The codes by id. */
  readonly codes: number[] = [];
  /** Per id: the last list (its mark) that took it. */
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
    if (id === this.seen.length) {
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

const layOut = (
  n: number,
  path: FieldPath,
  gramIds: GramIds,
  lists: GramLists,
  listAt: Int32Array,
  valuesByPosition: ReadonlyArray<unknown>,
  order: Int32Array | undefined,
): GramIndex => {
  const idCount = gramIds.codes.length;
  const chunks = lists.chunks;
  // Rooms per gram: each list's ids count once per room using it.
  const counts = new Int32Array(idCount);
  for (const ref of lists.refs) {
    const chunk = chunks[ref >>> 20] as Int32Array;
    const at = ref & (CHUNK - 1);
    const uses = chunk[at + 1] as number;
    for (let e = at + 2, to = at + 2 + (chunk[at] as number); e < to; e++) {
      const id = chunk[e] as number;
      counts[id] = (counts[id] as number) + uses;
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
  const values = order === undefined ? valuesByPosition : new Array<unknown>(n).fill(undefined);
  for (let r = 0; r < n; r++) {
    const p = order === undefined ? r : (order[r] as number);
    const ref = listAt[p] as number;
    if (ref < 0) continue;
    if (order !== undefined) (values as unknown[])[r] = valuesByPosition[p];
    const chunk = chunks[ref >>> 20] as Int32Array;
    const from = (ref & (CHUNK - 1)) + 2;
    const to = from + (chunk[from - 2] as number);
    const word = r >>> 5;
    const bit = 1 << (r & 31);
    for (let e = from; e < to; e++) {
      const id = chunk[e] as number;
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
