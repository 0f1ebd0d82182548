// Sorting document positions by a time (epoch ms, an integer): a stable LSD radix sort over the
// time's offset from the smallest one, 11 bits per pass, skipping the digits every time shares. A year
// of milliseconds takes 4 linear passes over typed arrays: cheaper than any comparison sort, and the
// ingest's ordered indexes (order.ts) sort every room this way.

const BITS = 11;
const RADIX = 1 << BITS;
const MASK = RADIX - 1;
/** Digits of the low 32 bits: 0-10, 11-21, 22-31; of the high bits (below 2^22): 0-10, 11-21. */
const DIGITS = 5;

/** Digit `d` of the offset `x` (an integer below 2^54). */
const digitOf = (x: number, d: number): number => {
  switch (d) {
    case 0:
      return x & MASK; // ToInt32 keeps the low 32 bits of an integer
    case 1:
      return (x >>> BITS) & MASK;
    case 2:
      return (x >>> 0) >>> (2 * BITS);
    case 3:
      return Math.floor(x / 2 ** 32) & MASK;
    default:
      return (Math.floor(x / 2 ** 32) >>> BITS) & MASK;
  }
};

/**
 * `positions` (ascending) reordered by (time[position], position); `positions` itself is used as scratch. Every time must be an integer (a
 * valid Date's); `time` is indexed by position.
 */
export const sortPositionsByTime = (positions: Int32Array, time: Float64Array): Int32Array => {
  const m = positions.length;
  if (m < 2) return positions.slice();
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < m; i++) {
    const t = time[positions[i] as number] as number;
    if (t < min) min = t;
    if (t > max) max = t;
  }
  if (max - min >= 2 ** 53) {
    // Dates ~285,000 years apart: the offsets are no longer exact integers; a comparison sort.
    return Int32Array.from(positions).sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
  }
  const counts = new Int32Array(DIGITS * RADIX);
  for (let i = 0; i < m; i++) {
    const x = (time[positions[i] as number] as number) - min;
    for (let d = 0; d < DIGITS; d++) {
      const b = d * RADIX + digitOf(x, d);
      counts[b] = (counts[b] as number) + 1;
    }
  }
  // Sorted in place: the caller hands its array over.
  let src: Int32Array = positions;
  let dst: Int32Array = new Int32Array(m);
  for (let d = 0; d < DIGITS; d++) {
    const base = d * RADIX;
    // A digit every offset shares leaves the order as it is.
    let sharedByAll = false;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[base + b] as number;
      if (c === m) sharedByAll = true;
      if (c !== 0) break;
    }
    if (sharedByAll) continue;
    // Counts → first slot of each bucket.
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const c = counts[base + b] as number;
      counts[base + b] = sum;
      sum += c;
    }
    for (let i = 0; i < m; i++) {
      const p = src[i] as number;
      const b = base + digitOf((time[p] as number) - min, d);
      const at = counts[b] as number;
      dst[at] = p;
      counts[b] = at + 1;
    }
    const swap = src;
    src = dst;
    dst = swap;
  }
  return src;
};
