// The lazy-key top-k accumulator (first-key precheck, Date fast path) equals a full sort's prefix,
// for keys of every BSON type, both directions, ties broken by position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/value/compare-values.js';
import { createTopK, rankedCompare } from '../../src/exec/top-k.js';

const arbKey = fc.oneof(
  fc.date({ min: new Date(0), max: new Date(10_000), noInvalidDate: false }),
  fc.constantFrom(new Date(5), new Date(Number.NaN), undefined, null, 1, 'a', 'b', true, [1], { x: 1 }),
  fc.integer({ min: 0, max: 5 }),
);

describe('createTopK', () => {
  it('keeps the first k of the sorted matches', () =>
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbKey, fc.constantFrom('a', 'b', 'c')), { maxLength: 80 }),
        fc.constantFrom(1, -1),
        fc.oneof(fc.nat(90), fc.constant(Number.POSITIVE_INFINITY)),
        fc.boolean(),
        (rows, dir, k, shuffle) => {
          const docs = rows.map(([key, id], i) => ({ key, id, i }));
          const readers = [(d: unknown) => (d as { key: unknown }).key, (d: unknown) => (d as { id: unknown }).id];
          const directions = [dir, 1];
          const acc = createTopK<(typeof docs)[number]>({ readers, directions }, k, compareValues);
          // Positions need not arrive in order (index plans offer in rank order).
          const order = shuffle ? [...docs].reverse() : docs;
          for (const d of order) acc.offer(d, d.i);
          const compare = rankedCompare(directions, compareValues);
          const expected = docs
            .map((d) => ({ doc: d, keys: [d.key, d.id], position: d.i }))
            .sort(compare)
            .slice(0, k)
            .map((x) => x.position);
          expect(acc.result().map((x) => x.position)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    ));
});
