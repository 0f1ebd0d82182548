// Laws of the BSON order: a comparator that breaks them makes sorting and paging undefined.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareValues } from '../../src/index.js';

const leaf = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 4 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 2 }), tie('v'), { maxKeys: 3 }),
  ),
})).v;

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

describe('compareValues', () => {
  it('is reflexive', () =>
    fc.assert(
      fc.property(value, (a) => compareValues(a, a) === 0),
      { numRuns: 1000 },
    ));
  it('is antisymmetric', () =>
    fc.assert(
      fc.property(value, value, (a, b) => sign(compareValues(a, b)) === -sign(compareValues(b, a))),
      { numRuns: 1000 },
    ));
  it('is transitive', () =>
    fc.assert(
      fc.property(value, value, value, (a, b, c) => {
        // Sort boxed values: Array#sort moves bare `undefined` to the end without asking the comparator.
        const [x, y, z] = [{ v: a }, { v: b }, { v: c }].sort((p, q) => compareValues(p.v, q.v)).map((box) => box.v);
        return compareValues(x, y) <= 0 && compareValues(y, z) <= 0 && compareValues(x, z) <= 0;
      }),
      { numRuns: 1000 },
    ));
  it('follows the BSON type order', () => {
    const ordered = [null, -1, 2, 'a', 'b', { a: 1 }, [1], false, true, new Date(0), new Date(1)];
    for (let i = 0; i + 1 < ordered.length; i++) expect(compareValues(ordered[i], ordered[i + 1])).toBe(-1);
    expect(compareValues(undefined, null)).toBe(0);
    expect(compareValues(Number.NaN, -Infinity)).toBe(-1);
    expect(compareValues(new Date(Number.NaN), new Date(0))).toBe(-1);
  });
});
