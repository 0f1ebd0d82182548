import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortPositionsByTime } from '../../src/collection/time-sort.js';

// The radix sort of the ordered indexes against a comparison sort, over every span of times a Date can
// hold (one millisecond to the whole ±8.64e15 range: the fallback) and lists with many equal times.
const MAX_TIME = 8.64e15;

describe('sortPositionsByTime', () => {
  it('orders positions by (time, position), as a comparison sort does', () => {
    const times = fc.oneof(
      fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_050 }),
      fc.integer({ min: -2_000_000_000_000, max: 2_000_000_000_000 }),
      fc.double({ min: -MAX_TIME, max: MAX_TIME, noNaN: true }).map(Math.trunc),
      fc.constantFrom(-MAX_TIME, MAX_TIME, 0, 2 ** 32, 2 ** 32 - 1, 2 ** 43 + 5),
    );
    fc.assert(
      fc.property(fc.array(fc.option(times, { nil: undefined }), { maxLength: 300 }), (xs) => {
        const time = Float64Array.from(xs, (t) => (t === undefined ? Number.NaN : t + 0));
        const positions = Int32Array.from(xs.flatMap((t, p) => (t === undefined ? [] : [p])));
        const expected = Array.from(positions).sort((a, b) => (time[a] as number) - (time[b] as number) || a - b);
        expect(Array.from(sortPositionsByTime(positions.slice(), time))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});
