// top-k equals a full sort's prefix, whatever k.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topK } from '../../src/exec/top-k.js';

describe('topK', () => {
  it('returns the first k of the sorted input', () =>
    fc.assert(
      fc.property(fc.array(fc.integer(), { maxLength: 200 }), fc.nat(220), (xs, k) => {
        const cmp = (a: number, b: number) => a - b;
        expect(topK(xs, k, cmp).sorted).toEqual([...xs].sort(cmp).slice(0, k));
      }),
      { numRuns: 1000 },
    ));
  it('uses a bounded heap when k is small', () => {
    expect(
      topK(
        Array.from({ length: 100 }, (_, i) => 100 - i),
        5,
        (a, b) => a - b,
      ),
    ).toEqual({ sorted: [1, 2, 3, 4, 5], ordering: 'top-k' });
  });
});
