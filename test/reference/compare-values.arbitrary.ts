// Arbitrary values for the comparator laws: every BSON type rank, small pools so that equal and
// nearly-equal values (same keys, prefixes, NaN, -0, invalid Dates) meet often.

import fc from 'fast-check';

const arbScalar: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, 0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, '', 'a', 'b', 'B', 'é', 'ab', true, false),
  fc.constantFrom(0, 1, 1000, NaN).map((t) => new Date(t)),
);

export const arbCompareValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown; array: unknown[]; object: Record<string, unknown> }>(
  (tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, arbScalar, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 3 }),
    object: fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3, noNullPrototype: true }),
  }),
).value;
