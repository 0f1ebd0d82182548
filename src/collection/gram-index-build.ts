// Builds a substring index (gram-index.ts) from the rooms in one pass: one list of gram ids per distinct
// string (a room points at its list), then the postings filled in rank order, so peak memory is the
// distinct lists plus the result, no doubling copies.
import { compilePath } from '../value/get-path.js';
import type { Room } from '../model/room.js';
import type { FieldPath } from '../query/field-path.js';
import { gramCode, letterOf } from './gram-codes.js';
import { checkedValue, gramIndexFromParts, type GramIndex } from './gram-index.js';
import type { IndexBuilder } from './postings.js';
import type { RankSet } from './rank-set.js';

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
        values[p] = lists.folded;
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
  /** The string `ofString` was last given, case-folded (`checkedValue`): one string per distinct name while cached. */
  folded = '';
  /** A cached string → its slot: its list's ref and its folded form are at that slot of `cachedRefs`, `cachedFolded`. */
  private readonly cached = new Map<string, number>();
  private readonly cachedRefs: number[] = [];
  private readonly cachedFolded: string[] = [];
  private scratch = new Int32Array(256);
  private length = 0;

  /** The list of `s`'s grams (one more room uses it). */
  ofString(s: string, ids: GramIds): number {
    const known = this.cached.get(s);
    let ref: number;
    if (known === undefined) {
      this.length = 0;
      this.addString(s, this.refs.length + 1, ids);
      ref = this.store();
      this.folded = checkedValue(s) as string;
      if (this.cached.size < MAX_CACHED) {
        this.cached.set(s, this.cachedRefs.length);
        this.cachedRefs.push(ref);
        this.cachedFolded.push(this.folded);
      }
    } else {
      ref = this.cachedRefs[known] as number;
      this.folded = this.cachedFolded[known] as string;
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
