// Compaction of one ordered index (merge-collection.ts): the surviving rooms keep their relative order,
// so the new order is the old one (tombstones dropped, positions remapped) merged with the few changed
// rooms, each placed by a binary search. No sort, and no surviving room is read except next to a changed one.
//
// Why it equals buildOrderedIndex over the new docs (survivors in base order, then the delta): order.ts
// sorts by (key, _id, position), key = the value by compareValues when it is not a valid Date (these come
// first), else its time. Survivors keep their positions' order and all sit before the delta, so on equal
// (value, _id) a survivor precedes a delta room: a delta room goes after every old entry whose (key, _id)
// is <= its own. groupStart: two survivors adjacent after the merge hold equal values iff the later one's
// old run started at or before the earlier one (equal values are contiguous in a sorted order); next to
// a delta room, compare times (valid Dates) or values.
import { compareValues } from '../../value/compare-values.js';
import type { Room } from '../../model/room.js';
import { compareIds, orderedIndexArrayCount, orderedIndexOf, readId, type OrderedIndex } from '../order.js';
import { validTime } from '../../value/valid-time.js';
import { CHUNK, drain, ROOM_READ, ROOMS_PER_STEP, sortIndexesSteps, type Steps } from './slices.js';

/** How the base's documents map to the compacted collection's (shared by every index). */
export interface PositionRemap {
  readonly baseDocs: ReadonlyArray<Room>;
  /** Base position → new position (survivors keep their order), -1 for a tombstoned one. */
  readonly newPos: Int32Array;
  /** Tombstoned base positions (their rooms leave every index). */
  readonly tombstones: ReadonlyArray<number>;
  /** The changed rooms' current values, in slot order: delta room i gets new position `deltaStart + i`. */
  readonly deltaDocs: ReadonlyArray<Room>;
  readonly deltaStart: number;
}

export interface MergedOrder {
  readonly index: OrderedIndex;
  /** Old entry → new entry, -1 for a tombstoned one (for the primary order: old rank → new rank). */
  readonly entryMap: Int32Array;
  /** Delta room i → its entry. */
  readonly deltaEntry: Int32Array;
}

/** order.ts's key order: values that are not valid Dates (by compareValues) below valid Dates (by time). */
const compareKeys = (ta: number, va: unknown, tb: number, vb: unknown): number => {
  if (ta === ta) return tb === tb ? (ta < tb ? -1 : ta > tb ? 1 : 0) : 1;
  return tb === tb ? -1 : compareValues(va, vb);
};

const countArrays = (values: Iterable<unknown>): number => {
  let count = 0;
  for (const v of values) if (Array.isArray(v)) count++;
  return count;
};

/** What the merge loop reads (writeEntries). */
interface OrderInput {
  readonly order: Int32Array;
  readonly times: Float64Array;
  readonly groupStart: Int32Array;
  readonly newPos: Int32Array;
  /** place[k]: old entries at or before the k-th delta room (by key, _id); sorted[k]: that delta room. */
  readonly place: Int32Array;
  readonly sorted: Int32Array;
  readonly dTimes: Float64Array;
  readonly values: ReadonlyArray<unknown>;
  readonly deltaStart: number;
  readonly oldValue: (e: number) => unknown;
}

/** What it writes, and where it stands between slices. */
interface OrderOutput {
  readonly newOrder: Int32Array;
  readonly newTimes: Float64Array;
  readonly newGroup: Int32Array;
  readonly entryMap: Int32Array;
  readonly deltaEntry: Int32Array;
  validDateStart: number;
  /** Entries written; delta rooms placed; the previous entry: its old entry if a survivor (else -1), its delta index if a delta room. */
  w: number;
  k: number;
  prevOld: number;
  prevDelta: number;
}

/**
 * Writes the merged order for old entries [from, to) and the delta rooms placed before each (to = n + 1: the
 * delta rooms placed after every old entry too). Equal keys share a group: two survivors by their old runs,
 * valid Dates by time, else by compareValues.
 */
const writeEntries = (input: OrderInput, out: OrderOutput, from: number, to: number): void => {
  const { order, times, groupStart, newPos, place, sorted, dTimes, values, deltaStart, oldValue } = input;
  const { newOrder, newTimes, newGroup, entryMap, deltaEntry } = out;
  const n = order.length;
  const d = sorted.length;
  const m = newOrder.length;
  let { w, k, prevOld, prevDelta, validDateStart } = out;
  for (let e = from; e < to; e++) {
    while (k < d && (place[k] as number) <= e) {
      const i = sorted[k++] as number;
      const t = dTimes[i] as number;
      let same = false;
      if (w > 0) {
        if (t === t) same = newTimes[w - 1] === t;
        else same = compareValues(prevOld >= 0 ? oldValue(prevOld) : values[prevDelta], values[i]) === 0;
      }
      if (t === t && validDateStart === m) validDateStart = w;
      deltaEntry[i] = w;
      newOrder[w] = deltaStart + i;
      newTimes[w] = t;
      newGroup[w] = same ? (newGroup[w - 1] as number) : w;
      prevOld = -1;
      prevDelta = i;
      w++;
    }
    if (e === n) break;
    const p = newPos[order[e] as number] as number;
    if (p < 0) {
      entryMap[e] = -1;
      continue;
    }
    const t = times[e] as number;
    let same = false;
    if (w > 0) {
      if (t === t) same = newTimes[w - 1] === t;
      else if (prevOld >= 0) same = (groupStart[e] as number) <= prevOld;
      else same = compareValues(values[prevDelta], oldValue(e)) === 0;
    }
    if (t === t && validDateStart === m) validDateStart = w;
    entryMap[e] = w;
    newOrder[w] = p;
    newTimes[w] = t;
    newGroup[w] = same ? (newGroup[w - 1] as number) : w;
    prevOld = e;
    prevDelta = -1;
    w++;
  }
  out.w = w;
  out.k = k;
  out.prevOld = prevOld;
  out.prevDelta = prevDelta;
  out.validDateStart = validDateStart;
};

/** `old` over the compacted docs, or undefined when `old` was not made by order.ts (its array count is unknown). */
export const mergeOrderedIndex = (old: OrderedIndex, remap: PositionRemap): MergedOrder | undefined =>
  drain(mergeOrderedIndexSteps(old, remap));

/** mergeOrderedIndex in slices (slices.ts): O(n + d log n) work units, at most CHUNK between yields. */
export function* mergeOrderedIndexSteps(old: OrderedIndex, remap: PositionRemap): Steps<MergedOrder | undefined> {
  const oldArrays = orderedIndexArrayCount(old);
  if (oldArrays === undefined) return undefined;
  const { order, times, groupStart, read } = old;
  const { baseDocs, newPos, deltaDocs, deltaStart } = remap;
  const n = order.length;
  const d = deltaDocs.length;
  const m = deltaStart + d;
  const values = new Array<unknown>(d);
  const dTimes = new Float64Array(d);
  const dIds = new Array<unknown>(d);
  for (let i = 0; i < d; i++) {
    const doc = deltaDocs[i];
    values[i] = read(doc);
    dTimes[i] = validTime(values[i]);
    dIds[i] = readId(doc);
    if (i % ROOMS_PER_STEP === ROOMS_PER_STEP - 1) yield CHUNK;
  }
  yield (d % ROOMS_PER_STEP) * ROOM_READ;
  const oldValue = (e: number): unknown => read(baseDocs[order[e] as number]);
  const sorted = yield* sortIndexesSteps(
    d,
    (a, b) => compareKeys(dTimes[a] as number, values[a], dTimes[b] as number, values[b]) || compareIds(dIds[a], dIds[b]),
  );
  // place[k]: old entries ordered at or before the k-th delta room by (key, _id). Non-decreasing in k,
  // so each search gallops from the previous place: O(log gap) probes, few reads of base rooms.
  const place = new Int32Array(d);
  let from = 0;
  let probes = 0;
  for (let k = 0; k < d; k++) {
    const i = sorted[k] as number;
    const ti = dTimes[i] as number;
    const atOrBefore = (e: number): boolean => {
      probes++;
      const te = times[e] as number;
      const c = te === te || ti === ti ? compareKeys(te, undefined, ti, undefined) : compareValues(oldValue(e), values[i]);
      return c < 0 || (c === 0 && compareIds(readId(baseDocs[order[e] as number]), dIds[i]) <= 0);
    };
    let lo = from;
    let hi = from;
    for (let step = 1; hi < n && atOrBefore(hi); step *= 2) {
      lo = hi + 1;
      hi = from + step;
    }
    hi = Math.min(hi, n);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (atOrBefore(mid)) lo = mid + 1;
      else hi = mid;
    }
    place[k] = from = lo;
    // A probe reads a cold base room: count it as several units.
    if (probes >= CHUNK / 8) {
      yield probes * 8;
      probes = 0;
    }
  }
  yield probes * 8;
  const out: OrderOutput = {
    newOrder: new Int32Array(m),
    newTimes: new Float64Array(m),
    newGroup: new Int32Array(m),
    entryMap: new Int32Array(n),
    deltaEntry: new Int32Array(d),
    validDateStart: m,
    w: 0,
    k: 0,
    prevOld: -1,
    prevDelta: -1,
  };
  const input: OrderInput = { order, times, groupStart, newPos, place, sorted, dTimes, values, deltaStart, oldValue };
  // Entries in slices of CHUNK, the loop in a plain function: V8 optimizes it, not a generator's loop (~10× slower).
  for (let e = 0; e <= n; e += CHUNK) {
    writeEntries(input, out, e, Math.min(n + 1, e + CHUNK));
    yield Math.min(n + 1, e + CHUNK) - e;
  }
  const { newOrder, newTimes, newGroup, entryMap, deltaEntry, validDateStart } = out;
  const rankOf = new Int32Array(m);
  for (let r = 0; r < m; r++) {
    rankOf[newOrder[r] as number] = r;
    if ((r & (CHUNK - 1)) === CHUNK - 1) yield CHUNK;
  }
  // Without arrays in the base no removed room held one: don't read them.
  let removedArrays = 0;
  if (oldArrays > 0) {
    for (let t = 0; t < remap.tombstones.length; t++) {
      if (Array.isArray(read(baseDocs[remap.tombstones[t] as number]))) removedArrays++;
      if (t % ROOMS_PER_STEP === ROOMS_PER_STEP - 1) yield CHUNK;
    }
  }
  const arrayCount = oldArrays - removedArrays + countArrays(values);
  yield d;
  const parts = { path: old.path, order: newOrder, rankOf, groupStart: newGroup, validDateStart, times: newTimes, read };
  return { index: orderedIndexOf(parts, arrayCount), entryMap, deltaEntry };
}
