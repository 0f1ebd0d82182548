// The compiled sort is a total order (ties broken by _id, then position): paging is deterministic.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileSort } from '../../src/compile/compile-sort.js';
import { SortSpec } from '../../src/query/sort-spec.js';

const doc = fc.record({
  _id: fc.string({ maxLength: 2 }),
  a: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.constant(undefined)),
  b: fc.string({ maxLength: 1 }),
});
const spec = fc.uniqueArray(fc.record({ field: fc.constantFrom('a', 'b', '_id'), dir: fc.constantFrom(1 as const, -1 as const) }), {
  selector: (k) => k.field,
  maxLength: 3,
});

describe('compileSort', () => {
  it('is a total order consistent with each key and direction', () =>
    fc.assert(
      fc.property(spec, fc.array(doc, { maxLength: 20 }), (keys, docs) => {
        const sort = compileSort(keys.map((k) => SortSpec.key(k.field, k.dir)));
        const keyed = docs.map((d, position) => ({ doc: d, keys: sort.keysOf(d), position }));
        const sorted = [...keyed].sort(sort.ord.compare);
        for (let i = 0; i + 1 < sorted.length; i++) {
          expect(sort.ord.compare(sorted[i]!, sorted[i + 1]!)).toBe(-1); // strict: no two items equal
        }
        // Reversing the input never changes the order of distinct (_id, keys) documents.
        const again = [...keyed].reverse().sort(sort.ord.compare);
        expect(again.map((k) => k.position)).toEqual(sorted.map((k) => k.position));
      }),
      { numRuns: 500 },
    ));
  it('appends the _id tie-break unless _id is already a key', () => {
    expect(compileSort([SortSpec.key('ts', -1)]).spec.map((k) => k.path.dotted)).toEqual(['ts', '_id']);
    expect(compileSort([SortSpec.key('_id', -1), SortSpec.key('ts', 1)]).spec.map((k) => k.path.dotted)).toEqual(['_id', 'ts']);
  });
});
