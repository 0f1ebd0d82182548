// Sets of ranks (positions in a collection's primary order), the currency of the planner.
// A set is a sorted Int32Array (sparse), a bitmap (dense, one bit per rank, roaring's rule: a list
// costs 4 bytes per member, a bitmap n/8 bytes, so lists stay below n/32 members) or an interval.
//
// How intersections work: the smallest set drives; when it is small (a list or a short interval)
// each of its members is tested against the others (O(1) bit test, O(log m) binary search), else
// the bitmaps are ANDed word by word (32 ranks per operation) and counted with popcount.

export type RankSet =
  | { readonly kind: 'interval'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'list'; readonly ranks: Int32Array }
  | { readonly kind: 'bitmap'; readonly words: Uint32Array; readonly size: number };

/** Work done while combining sets: list entries visited plus bitmap words read. */
export interface SetWork {
  keys: number;
}

export const EMPTY: RankSet = Object.freeze({ kind: 'list', ranks: new Int32Array(0) });

export const interval = (lo: number, hi: number): RankSet => ({ kind: 'interval', lo, hi: Math.max(lo, hi) });

export const setSize = (s: RankSet): number => (s.kind === 'interval' ? s.hi - s.lo : s.kind === 'list' ? s.ranks.length : s.size);

const popcount = (x0: number): number => {
  let x = x0 - ((x0 >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
};

/** First index in `a` whose value is >= `r`. */
export const lowerBound = (a: ArrayLike<number>, r: number, from = 0, to = a.length): number => {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < r) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/** The first index ≥ `from` of ascending `a` holding a value ≥ `r`: exponential steps forward, then a binary search. */
const gallop = (a: Int32Array, from: number, r: number): number => {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < a.length && (a[hi] as number) < r) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  return lowerBound(a, r, lo, Math.min(hi, a.length));
};

export const setHas = (s: RankSet, r: number): boolean => {
  switch (s.kind) {
    case 'interval':
      return r >= s.lo && r < s.hi;
    case 'bitmap':
      return (((s.words[r >>> 5] as number) >>> (r & 31)) & 1) === 1;
    case 'list': {
      const i = lowerBound(s.ranks, r);
      return i < s.ranks.length && s.ranks[i] === r;
    }
  }
};

const wordsFor = (n: number): number => (n + 31) >>> 5;

/** A list or a bitmap, whichever is smaller, from ascending distinct ranks. */
export const fromSortedRanks = (ranks: ArrayLike<number>, n: number): RankSet => {
  if (ranks.length * 32 < n) return { kind: 'list', ranks: Int32Array.from(ranks) };
  const words = new Uint32Array(wordsFor(n));
  for (let i = 0; i < ranks.length; i++) {
    const r = ranks[i] as number;
    words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
  }
  return { kind: 'bitmap', words, size: ranks.length };
};

const toBitmapWords = (s: RankSet, n: number): Uint32Array => {
  if (s.kind === 'bitmap') return s.words;
  const words = new Uint32Array(wordsFor(n));
  if (s.kind === 'list') {
    for (let i = 0; i < s.ranks.length; i++) {
      const r = s.ranks[i] as number;
      words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
    }
  } else {
    for (let r = s.lo; r < s.hi; r++) words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
  }
  return words;
};

const bitmapFrom = (words: Uint32Array, n: number): RankSet => {
  let size = 0;
  for (let w = 0; w < words.length; w++) if (words[w] !== 0) size += popcount(words[w] as number);
  // Shrink to a list when sparse, so later walks and intersections stay proportional to the size.
  if (size * 32 < n) {
    const ranks = new Int32Array(size);
    let k = 0;
    for (let w = 0; w < words.length; w++) {
      let x = words[w] as number;
      while (x !== 0) {
        const bit = 31 - Math.clz32(x & -x);
        ranks[k++] = (w << 5) + bit;
        x &= x - 1;
      }
    }
    return { kind: 'list', ranks };
  }
  return { kind: 'bitmap', words, size };
};

/** The ranks in [0, n) that are not in `s`. */
export const complement = (s: RankSet, n: number, work: SetWork): RankSet => {
  const src = toBitmapWords(s, n);
  const words = new Uint32Array(src.length);
  for (let w = 0; w < src.length; w++) words[w] = ~(src[w] as number) >>> 0;
  const tail = n & 31;
  if (tail !== 0 && words.length > 0) words[words.length - 1] = (words[words.length - 1] as number) & ((1 << tail) - 1);
  work.keys += src.length;
  return bitmapFrom(words, n);
};

/** Union of sets (the `$in` of several values, the `$or` of agents). */
export const unionAll = (sets: ReadonlyArray<RankSet>, n: number, work: SetWork): RankSet => {
  const nonEmpty = sets.filter((s) => setSize(s) > 0);
  if (nonEmpty.length === 0) return EMPTY;
  if (nonEmpty.length === 1) return nonEmpty[0] as RankSet;
  const total = nonEmpty.reduce((acc, s) => acc + setSize(s), 0);
  if (total * 32 < n && nonEmpty.every((s) => s.kind === 'list')) {
    const all = new Int32Array(total);
    let k = 0;
    for (const s of nonEmpty) {
      const ranks = (s as { ranks: Int32Array }).ranks;
      all.set(ranks, k);
      k += ranks.length;
    }
    all.sort();
    let m = 0;
    for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[i - 1]) all[m++] = all[i] as number;
    work.keys += total;
    return { kind: 'list', ranks: all.slice(0, m) };
  }
  const words = new Uint32Array(wordsFor(n));
  for (const s of nonEmpty) {
    if (s.kind === 'bitmap') {
      for (let w = 0; w < words.length; w++) words[w] = (words[w] as number) | (s.words[w] as number);
      work.keys += words.length;
    } else if (s.kind === 'list') {
      for (let i = 0; i < s.ranks.length; i++) {
        const r = s.ranks[i] as number;
        words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
      }
      work.keys += s.ranks.length;
    } else {
      for (let r = s.lo; r < s.hi; r++) words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
      work.keys += s.hi - s.lo;
    }
  }
  return bitmapFrom(words, n);
};

/** Intersection of sets over ranks [0, n). */
export const intersectAll = (sets: ReadonlyArray<RankSet>, n: number, work: SetWork): RankSet => {
  if (sets.length === 0) return interval(0, n);
  const bySize = [...sets].sort((a, b) => setSize(a) - setSize(b));
  const driver = bySize[0] as RankSet;
  if (bySize.length === 1) return driver;
  const others = bySize.slice(1);
  const driverSize = setSize(driver);
  if (driverSize === 0) return EMPTY;
  // Intervals narrow every other set to a window: a bitmap AND only reads the window's words.
  let lo = 0;
  let hi = n;
  for (const s of bySize) {
    if (s.kind === 'interval') {
      lo = Math.max(lo, s.lo);
      hi = Math.min(hi, s.hi);
    }
  }
  if (hi <= lo) return EMPTY;
  const wordCount = ((hi + 31) >>> 5) - (lo >>> 5);
  const probeCost = driverSize * others.length * 2;
  const andCost = (wordCount * sets.length) / 2;
  if (driver.kind !== 'bitmap' && probeCost <= andCost) {
    // The driver's ranks ascend, so each other list is searched forward from where the previous probe
    // stopped (galloping): ~log(gap) steps per probe instead of log(list size).
    const out = new Int32Array(driverSize);
    let kept = 0;
    const cursors = new Int32Array(others.length);
    const keep = (r: number): void => {
      for (let j = 0; j < others.length; j++) {
        const s = others[j] as RankSet;
        if (s.kind !== 'list') {
          if (!setHas(s, r)) return;
          continue;
        }
        const a = s.ranks;
        const i = gallop(a, cursors[j] as number, r);
        cursors[j] = i;
        if (i >= a.length || a[i] !== r) return;
      }
      out[kept++] = r;
    };
    if (driver.kind === 'list') for (let i = 0; i < driver.ranks.length; i++) keep(driver.ranks[i] as number);
    else for (let r = driver.lo; r < driver.hi; r++) keep(r);
    work.keys += driverSize * others.length;
    const ranks = out.subarray(0, kept);
    return kept * 32 < n ? { kind: 'list', ranks: kept === driverSize ? ranks : ranks.slice() } : fromSortedRanks(ranks, n);
  }
  const words = new Uint32Array(wordsFor(n));
  const w0 = lo >>> 5;
  const w1 = (hi + 31) >>> 5;
  words.fill(0xffffffff, w0, w1);
  if ((lo & 31) !== 0) words[w0] = (words[w0] as number) & ~((1 << (lo & 31)) - 1);
  if ((hi & 31) !== 0) words[w1 - 1] = (words[w1 - 1] as number) & ((1 << (hi & 31)) - 1);
  for (const s of bySize) {
    if (s.kind === 'interval') continue;
    const src = toBitmapWords(s, n);
    for (let w = w0; w < w1; w++) words[w] = (words[w] as number) & (src[w] as number);
    work.keys += w1 - w0;
  }
  return bitmapFrom(words, n);
};

/**
 * Visits the members of `s` in [from, to) in ascending order; stops when `visit` returns false.
 * Returns false if it was stopped.
 */
export const forEachAsc = (s: RankSet, from: number, to: number, visit: (r: number) => boolean): boolean => {
  switch (s.kind) {
    case 'interval': {
      const end = Math.min(to, s.hi);
      for (let r = Math.max(from, s.lo); r < end; r++) if (!visit(r)) return false;
      return true;
    }
    case 'list': {
      const a = s.ranks;
      for (let i = lowerBound(a, from); i < a.length; i++) {
        const r = a[i] as number;
        if (r >= to) return true;
        if (!visit(r)) return false;
      }
      return true;
    }
    case 'bitmap': {
      const words = s.words;
      const last = Math.min(words.length, (to + 31) >>> 5);
      for (let w = from >>> 5; w < last; w++) {
        let x = words[w] as number;
        if (w === from >>> 5 && (from & 31) !== 0) x &= ~((1 << (from & 31)) - 1);
        while (x !== 0) {
          const r = (w << 5) + 31 - Math.clz32(x & -x);
          if (r >= to) return true;
          if (!visit(r)) return false;
          x &= x - 1;
        }
      }
      return true;
    }
  }
};

/** The greatest member of `s` below `before`, or -1. */
export const prevMember = (s: RankSet, before: number): number => {
  switch (s.kind) {
    case 'interval': {
      const top = Math.min(before, s.hi) - 1;
      return top >= s.lo ? top : -1;
    }
    case 'list':
      return (s.ranks[lowerBound(s.ranks, before) - 1] as number | undefined) ?? -1;
    case 'bitmap': {
      if (before <= 0) return -1;
      const words = s.words;
      let w = (before - 1) >>> 5;
      const top = (before - 1) & 31;
      let x = (words[w] as number) & (top === 31 ? 0xffffffff : (1 << (top + 1)) - 1);
      for (;;) {
        if (x !== 0) return (w << 5) + 31 - Math.clz32(x);
        if (--w < 0) return -1;
        x = words[w] as number;
      }
    }
  }
};

/** Bytes held by the set's arrays. */
export const setBytes = (s: RankSet): number => (s.kind === 'interval' ? 0 : s.kind === 'list' ? s.ranks.byteLength : s.words.byteLength);
