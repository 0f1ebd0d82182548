// The reference's schema stage restates ajv; this checks the restatement against ajv itself in
// rocketchat mode (same verdict, same first message), on qs-shaped and on wider JSON values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbAnyParams } from '../arbitraries/index.js';
import { upstreamAjvVerdict } from '../support/ajv-upstream.js';
import { oracleConfig } from '../support/oracle-config.js';
import { PARAM_ORDER, referenceSchema } from './reference-schema.js';

/** Values outside what qs produces (null, numbers, booleans) to pin the coercion rules the doc states. */
const arbWideValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, -1, 1.5, NaN, Infinity, '', ' ', 'x', '1', 'true', 'inbound'),
  fc.array(fc.constantFrom<unknown>(null, true, 0, 2.5, 'a', '', {}, []), { maxLength: 3 }),
  fc.constantFrom<unknown>({}, { a: '1' }),
);

const arbWideParams = fc.array(fc.tuple(fc.constantFrom(...PARAM_ORDER, 'foo'), arbWideValue), { maxLength: 3 }).map((entries) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
});

describe('reference schema stage ≡ upstream ajv (rocketchat mode)', () => {
  const check = (params: Record<string, unknown>): void => {
    const ours = referenceSchema(params, 'rocketchat');
    const theirs = upstreamAjvVerdict(params);
    expect(ours.ok ? 'ok' : ours.message).toEqual(theirs.ok ? 'ok' : theirs.message);
  };
  it('on qs-shaped params', () => {
    fc.assert(fc.property(arbAnyParams('rocketchat'), check), oracleConfig(500));
  });
  it('on null, numbers and booleans too', () => {
    fc.assert(fc.property(arbWideParams, check), oracleConfig(500));
  });
});
