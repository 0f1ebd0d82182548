// frozenCopy: a deep-frozen copy equal to its input, on both of its paths (small objects: keyed
// stores; wide ones like rooms: a spread, which keeps V8's fast properties).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frozenCopy, frozenCopyWithout } from '../../src/value/freeze-copy.js';
import { expectDeepFrozen } from '../support/expect-deep-frozen.js';

const wide = (extra: Record<string, unknown>): Record<string, unknown> => {
  const o: Record<string, unknown> = {};
  for (let i = 0; i < 20; i++) o[`f${i}`] = i % 3 === 0 ? { at: new Date(i), tags: ['a', String(i)] } : `v${i}`;
  return { ...o, ...extra };
};

describe('frozenCopy', () => {
  it('copies any JSON-like value, deep-frozen, never sharing objects with the input', () =>
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue(), { minKeys: 0, maxKeys: 30 }), (value) => {
        const copy = frozenCopy(value) as Record<string, unknown>;
        expect(copy).toEqual(value);
        expect(Object.keys(copy)).toEqual(Object.keys(value));
        expectDeepFrozen(copy);
        if (Object.keys(value).length > 0) expect(copy).not.toBe(value);
      }),
      { numRuns: 300 },
    ));
  it('keeps an own "__proto__" key as a key of a wide object, not as its prototype', () => {
    const input = JSON.parse(JSON.stringify(wide({}))) as Record<string, unknown>;
    Object.defineProperty(input, '__proto__', { value: { polluted: true }, enumerable: true, writable: true, configurable: true });
    const copy = frozenCopy(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.hasOwn(copy, '__proto__')).toBe(true);
    expect((copy as { polluted?: boolean }).polluted).toBeUndefined();
  });
  it('copies nested objects of a wide object instead of sharing them', () => {
    const input = wide({});
    const copy = frozenCopy(input) as Record<string, { tags: string[] }>;
    expect(copy['f0']).not.toBe(input['f0']);
    expect(copy['f0']!.tags).not.toBe((input['f0'] as { tags: string[] }).tags);
    expect(Object.isFrozen(input['f0'])).toBe(false);
  });
  it('drops skipped keys, wide or not', () => {
    expect(Object.keys(frozenCopyWithout(wide({ joinCode: 'x' }), new Set(['joinCode'])))).not.toContain('joinCode');
    expect(frozenCopyWithout({ a: 1, joinCode: 'x' }, new Set(['joinCode']))).toEqual({ a: 1 });
  });
});
