// The sliced sorts the leveled compaction runs (collection/derived/slices.ts) sort exactly as the native
// sort does, across their run and merge-pass boundaries (16,384 numbers; 1,024 indexes), and stably.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drain, sortFloat64Steps, sortIndexesSteps } from '../../src/collection/derived/slices.js';

const lengths = fc.constantFrom(0, 1, 1023, 1024, 1025, 3000, 16_384, 16_385, 40_000, 70_001);

describe('sliced sorts', () => {
  it('sortFloat64Steps = Float64Array.prototype.sort', () => {
    fc.assert(
      fc.property(lengths, fc.integer(), (n, seed) => {
        let x = seed | 0;
        const a = new Float64Array(n);
        for (let i = 0; i < n; i++) a[i] = ((x = (Math.imul(x, 1103515245) + 12345) | 0) % 5000) / 7 + 0; // + 0: no -0 (equal to 0 for the merge, ordered before it by the native sort)
        const expected = Float64Array.from(a).sort();
        expect(drain(sortFloat64Steps(a))).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });

  it('sortIndexesSteps = a stable sort of the indexes by the comparator', () => {
    fc.assert(
      fc.property(lengths, fc.integer({ min: 1, max: 50 }), (n, buckets) => {
        const key = Array.from({ length: n }, (_, i) => (i * 7919) % buckets);
        const cmp = (a: number, b: number) => (key[a] as number) - (key[b] as number);
        const expected = Int32Array.from(Array.from({ length: n }, (_, i) => i).sort((a, b) => cmp(a, b) || a - b));
        expect(drain(sortIndexesSteps(n, cmp))).toEqual(expected);
      }),
      { numRuns: 12 },
    );
  });
});
