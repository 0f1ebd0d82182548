// toJsonValue is JSON.parse(JSON.stringify(x)) without the text: checked against it on arbitrary values.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toJsonValue } from '../../src/value/to-json-value.js';

describe('toJsonValue', () => {
  it('agrees with a JSON round trip', () => {
    const values = fc.anything({
      withDate: true,
      withBoxedValues: true,
      withNullPrototype: true,
      withSparseArray: true,
      withTypedArray: true,
      withMap: true,
      withSet: true,
      withObjectString: true,
    });
    fc.assert(
      fc.property(values, (x) => {
        expect(toJsonValue(x)).toStrictEqual(JSON.parse(JSON.stringify(x) ?? 'null'));
      }),
      { numRuns: 500 },
    );
  });

  it('turns Dates into ISO strings and invalid ones into null', () => {
    expect(toJsonValue({ a: new Date(0), b: new Date(Number.NaN), c: undefined, d: [undefined] })).toStrictEqual({
      a: '1970-01-01T00:00:00.000Z',
      b: null,
      d: [null],
    });
  });

  it('keeps an own "__proto__" key as data', () => {
    const x = JSON.parse('{"__proto__":{"polluted":1},"a":1}') as unknown;
    const out = toJsonValue(x) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(['__proto__', 'a']);
    expect(out).toStrictEqual(JSON.parse(JSON.stringify(x)));
  });

  it('throws like JSON.stringify on bigint', () => {
    expect(() => toJsonValue({ n: 1n })).toThrow(TypeError);
  });
});
