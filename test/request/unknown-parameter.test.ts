// An unknown parameter: default mode names it (and a likely intended one), rocketchat mode keeps
// upstream's words; the engine and the reference agree on arbitrary keys, typos of known ones included.
import fc from 'fast-check';
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, parseRoomsParams, type Mode } from '../../src/index.js';
import { closestParameter } from '../../src/request/unknown-parameter.js';
import { PARAM_ORDER, referenceSchema } from '../reference/reference-schema.js';

const errorOf = (params: Record<string, unknown>, mode: Mode): string => {
  const parsed = parseRoomsParams(params, { mode, limits: DEFAULT_LIMITS });
  return E.isLeft(parsed) && 'error' in parsed.left.body ? parsed.left.body.error : 'ok';
};

describe('unknown parameter', () => {
  it('is named in default mode, with a suggestion when one is close', () => {
    expect(errorOf({ agent: 'x' }, 'default')).toBe('unknown parameter "agent" (did you mean "agents"?) [invalid-params]');
    expect(errorOf({ Count: '1' }, 'default')).toBe('unknown parameter "Count" (did you mean "count"?) [invalid-params]');
    expect(errorOf({ sortt: '{}' }, 'default')).toBe('unknown parameter "sortt" (did you mean "sort"?) [invalid-params]');
    expect(errorOf({ foo: '1' }, 'default')).toBe('unknown parameter "foo" [invalid-params]');
    expect(errorOf({ [`x${'y'.repeat(99)}`]: '1' }, 'default')).toBe(`unknown parameter "x${'y'.repeat(63)}…" [invalid-params]`);
  });

  it('keeps upstream words in rocketchat mode, and fields is unknown there', () => {
    expect(errorOf({ agent: 'x' }, 'rocketchat')).toBe('must NOT have additional properties [invalid-params]');
    expect(errorOf({ fields: '{}' }, 'rocketchat')).toBe('must NOT have additional properties [invalid-params]');
  });

  it('keeps the status and errorType', () => {
    const parsed = parseRoomsParams({ agent: 'x' });
    expect(E.isLeft(parsed) && [parsed.left.status, parsed.left.code, parsed.left.body]).toMatchObject([
      400,
      'invalid-params',
      { errorType: 'invalid-params' },
    ]);
  });

  it('suggests only close names', () => {
    expect(closestParameter('open', PARAM_ORDER)).toBe('open');
    expect(closestParameter('ab', PARAM_ORDER)).toBeUndefined();
    expect(closestParameter('visitor', PARAM_ORDER)).toBe('visitorId');
    expect(closestParameter('limit', PARAM_ORDER)).toBeUndefined();
    expect(closestParameter('visitorID', PARAM_ORDER)).toBe('visitorId');
  });

  it('engine ≡ reference on arbitrary keys and typos of known ones', () => {
    const typo = fc
      .tuple(fc.constantFrom(...PARAM_ORDER), fc.nat(12), fc.string({ maxLength: 2 }))
      .map(([k, i, s]) => k.slice(0, i % (k.length + 1)) + s + k.slice((i % (k.length + 1)) + 1));
    // Unknown keys only: a known key passes the schema stage and meets the later ones (sort, fields, …).
    const arbKey = fc
      .oneof(fc.string({ maxLength: 12 }), typo, fc.string({ minLength: 60, maxLength: 70 }))
      .filter((k) => !PARAM_ORDER.includes(k));
    fc.assert(
      fc.property(arbKey, fc.constantFrom<Mode>('default', 'rocketchat'), (key, mode) => {
        const params = { [key]: '1' };
        const ref = referenceSchema(params, mode);
        const ours = errorOf(params, mode);
        expect(ref.ok).toBe(false);
        expect(ours.replace(/ \[invalid-params\]$/, '')).toBe(ref.ok ? 'ok' : ref.message);
      }),
      { numRuns: 1000 },
    );
  });
});
