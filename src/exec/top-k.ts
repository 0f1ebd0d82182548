// The k smallest items under `compare`, in order, without sorting everything: a bounded max-heap,
// O(n log k) time and O(k) memory. Falls back to a full sort when k is most of n.
import { GATE_KEYS, openGate, type ScanGate } from '../compile/scan-source.js';

type Compare<T> = (a: T, b: T) => number;

const siftDown = <T>(heap: T[], compare: Compare<T>, start: number): void => {
  const n = heap.length;
  let i = start;
  for (;;) {
    const l = 2 * i + 1;
    const r = l + 1;
    let top = i;
    if (l < n && compare(heap[l] as T, heap[top] as T) > 0) top = l;
    if (r < n && compare(heap[r] as T, heap[top] as T) > 0) top = r;
    if (top === i) return;
    [heap[i], heap[top]] = [heap[top] as T, heap[i] as T];
    i = top;
  }
};

const siftUp = <T>(heap: T[], compare: Compare<T>, start: number): void => {
  let i = start;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (compare(heap[i] as T, heap[parent] as T) <= 0) return;
    [heap[i], heap[parent]] = [heap[parent] as T, heap[i] as T];
    i = parent;
  }
};

/** The first `k` items of `items` sorted by `compare` (which must be a total order). */
export const topK = <T>(items: ReadonlyArray<T>, k: number, compare: Compare<T>): { sorted: T[]; ordering: 'top-k' | 'full-sort' } => {
  if (k <= 0) return { sorted: [], ordering: 'top-k' };
  if (k * 4 >= items.length) return { sorted: [...items].sort(compare).slice(0, k), ordering: 'full-sort' };
  const heap: T[] = [];
  for (const item of items) {
    if (heap.length < k) {
      heap.push(item);
      siftUp(heap, compare, heap.length - 1);
    } else if (compare(item, heap[0] as T) < 0) {
      heap[0] = item;
      siftDown(heap, compare, 0);
    }
  }
  return { sorted: heap.sort(compare), ordering: 'top-k' };
};

/** A matched document with its sort keys (read once) and its insertion position (the last tie-break). */
export interface Ranked<D> {
  readonly doc: D;
  readonly keys: unknown[];
  readonly position: number;
}

/** A ranked item of createTopK: its first key also as a number when it is a valid Date (NaN otherwise). */
interface Timed<D> extends Ranked<D> {
  readonly time: number;
}

const timeOf = (key: unknown): number => (key instanceof Date ? key.getTime() : Number.NaN);

/** Collects matches one by one and hands back the first `k` in sort order. */
export interface TopKAccumulator<D> {
  offer(doc: D, position: number): void;
  /** The heap's worst sort keys, for a scan loop that rejects most rooms before offering them (compile/scan-source.ts). */
  readonly gate: ScanGate;
  /** The kept items, sorted. */
  result(): Ranked<D>[];
  readonly ordering: 'top-k' | 'full-sort';
}

export interface SortReaders {
  readonly readers: ReadonlyArray<(doc: unknown) => unknown>;
  /** 1 or -1 per key. */
  readonly directions: ReadonlyArray<number>;
  /**
   * The first key's plain read and its own-property check (value/raw-path.ts): a document whose plain
   * first key loses to the heap's worst is rejected without the safe read when a missing key would lose too.
   */
  readonly first?: { readonly raw: (doc: unknown) => unknown; readonly owns: (doc: unknown) => boolean };
}

/** Compares ranked items by the keys (BSON order, per-key direction), then by position. */
export const rankedCompare = (directions: ReadonlyArray<number>, compareValues: (a: unknown, b: unknown) => number) => {
  const m = directions.length;
  return (a: Ranked<unknown>, b: Ranked<unknown>): number => {
    for (let i = 0; i < m; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return c * (directions[i] as number);
    }
    return a.position - b.position;
  };
};

/**
 * A bounded max-heap of the best `k` (k = Infinity: keep all, sort once). A document is first
 * compared on its FIRST key only against the heap's worst: most documents of a large scan lose there
 * and never get a keys array allocated.
 */
export const createTopK = <D>(
  { readers, directions, first: optimistic }: SortReaders,
  k: number,
  compareValues: (a: unknown, b: unknown) => number,
): TopKAccumulator<D> => {
  const general = rankedCompare(directions, compareValues);
  const m = directions.length;
  const dir0 = directions[0] as number;
  // Two valid Dates first (the usual `ts`/`closedAt` sort) compare as the numbers kept beside the keys:
  // the heap's comparisons then read no Date object (the same order: compareValues orders valid Dates by time).
  const compare = (a: Timed<D>, b: Timed<D>): number => {
    const x = a.time;
    const y = b.time;
    if (x === x && y === y) {
      if (x !== y) return x < y ? -dir0 : dir0;
      for (let i = 1; i < m; i++) {
        const c = compareValues(a.keys[i], b.keys[i]);
        if (c !== 0) return c * (directions[i] as number);
      }
      return a.position - b.position;
    }
    return general(a, b);
  };
  const heap: Timed<D>[] = [];
  const item = (doc: D, position: number): Timed<D> => {
    const keys = keysOf(doc);
    return { doc, keys, position, time: timeOf(keys[0]) };
  };
  const keysOf = (doc: D): unknown[] => {
    const keys = new Array<unknown>(readers.length);
    for (let i = 0; i < readers.length; i++) keys[i] = (readers[i] as (d: unknown) => unknown)(doc);
    return keys;
  };
  const gate: ScanGate = openGate();
  const gateKeys = Math.min(GATE_KEYS, readers.length);
  if (!Number.isFinite(k)) {
    return {
      gate,
      ordering: 'full-sort',
      offer: (doc, position) => void heap.push(item(doc, position)),
      result: () => heap.sort(compare),
    };
  }
  const first = readers[0] as (d: unknown) => unknown;
  // The heap's worst first key, as a time when it is a valid Date (the usual `ts`/`closedAt` sort):
  // then a candidate that is a valid Date too is compared by number, without a compareValues call.
  let worstTime = Number.NaN;
  // A document missing the first key (the safe read's undefined) sorts strictly after the worst.
  let missingLoses = false;
  const refreshWorst = (): void => {
    const worst = heap[0] as Timed<D>;
    worstTime = worst.time;
    missingLoses = compareValues(undefined, worst.keys[0]) * dir0 > 0;
    for (let i = 0; i < gateKeys; i++) {
      const w = worst.keys[i];
      const t = w instanceof Date ? w.getTime() : Number.NaN;
      gate.missingLoses[i] = compareValues(undefined, w) * (directions[i] as number) > 0;
      if (t === t) {
        gate.kinds[i] = 1;
        gate.times[i] = t;
      } else if (typeof w === 'string') {
        gate.kinds[i] = 2;
        gate.texts[i] = w;
      } else gate.kinds[i] = 0;
    }
    gate.position = worst.position;
    gate.full = true;
  };
  const raw = optimistic?.raw;
  const owns = optimistic?.owns;
  /** The plain first key loses strictly to the worst (false when unsure); the caller still checks it is the safe key. */
  const rawLoses = (doc: D): boolean => {
    try {
      const v = (raw as (d: unknown) => unknown)(doc);
      if (worstTime === worstTime && v instanceof Date) {
        const t = v.getTime();
        if (t === t) return (t < worstTime ? -dir0 : t > worstTime ? dir0 : 0) > 0;
      }
      return compareValues(v, (heap[0] as Ranked<D>).keys[0]) * dir0 > 0;
    } catch {
      return false;
    }
  };
  return {
    gate,
    ordering: 'top-k',
    offer: (doc, position) => {
      if (k <= 0) return;
      if (heap.length < k) {
        heap.push(item(doc, position));
        siftUp(heap, compare, heap.length - 1);
        if (heap.length === k) refreshWorst();
        return;
      }
      if (raw !== undefined && rawLoses(doc) && (missingLoses || (owns as (d: unknown) => boolean)(doc))) return;
      const worst = heap[0] as Ranked<D>;
      const v = first(doc);
      let c: number;
      const t = worstTime === worstTime && v instanceof Date ? v.getTime() : Number.NaN;
      if (t === t) c = t < worstTime ? -dir0 : t > worstTime ? dir0 : 0;
      else c = compareValues(v, worst.keys[0]) * dir0;
      if (c > 0) return;
      if (c === 0) {
        // A tie on the first key (a `queue` sort): the next keys decide, still without allocating.
        for (let i = 1; i < readers.length && c === 0; i++) {
          c = compareValues((readers[i] as (d: unknown) => unknown)(doc), worst.keys[i]) * (directions[i] as number);
        }
        if (c === 0) c = position - worst.position;
        if (c >= 0) return;
      }
      heap[0] = item(doc, position);
      siftDown(heap, compare, 0);
      refreshWorst();
    },
    result: () => heap.sort(compare),
  };
};
