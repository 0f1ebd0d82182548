// The livechat reference's schema stage restates ajv; this checks the restatement against ajv itself on the
// 6.13 schema in rocketchat mode (same verdict, same joined message, same coerced values), on qs-shaped and wider values.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arbAnyLivechatParams } from '../../arbitraries/livechat/index.js';
import { upstreamLivechatAjvVerdict } from '../../support/ajv-upstream-livechat.js';
import { oracleConfig } from '../../support/oracle-config.js';
import { LIVECHAT_PARAM_ORDER, referenceLivechatSchema } from './livechat-schema.js';

const NO_LIMITS = { maxListLength: Infinity, maxParamLength: Infinity };

/** Values outside what qs produces (null, numbers, booleans) to pin the coercion rules. */
const arbWideValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, 1, -1, 1.5, NaN, Infinity, '', ' ', 'x', '1', 'true', 'false'),
  fc.array(fc.constantFrom<unknown>(null, true, 0, 2.5, 'a', '', {}, []), { maxLength: 3 }),
  fc.constantFrom<unknown>({}, { a: '1' }),
);

const arbWideParams = fc
  .array(fc.tuple(fc.constantFrom(...LIVECHAT_PARAM_ORDER, 'units', 'foo'), arbWideValue), { maxLength: 3 })
  .map((entries) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = v;
    return out;
  });

/** ajv's coerced object with null (= absent) keys dropped, to compare with the reference's values. */
function present(coerced: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(coerced)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

describe('livechat reference schema stage ≡ upstream ajv on the 6.13 schema (rocketchat mode)', () => {
  const check = (params: Record<string, unknown>): void => {
    const ours = referenceLivechatSchema(params, 'rocketchat', NO_LIMITS);
    const theirs = upstreamLivechatAjvVerdict(params);
    expect(ours.ok ? 'ok' : ours.message).toEqual(theirs.ok ? 'ok' : theirs.message);
    if (ours.ok && theirs.ok) expect(ours.values).toEqual(present(theirs.coerced));
  };
  it('on qs-shaped params', () => {
    fc.assert(fc.property(arbAnyLivechatParams('rocketchat'), check), oracleConfig(500));
  });
  it('on null, numbers and booleans too', () => {
    fc.assert(fc.property(arbWideParams, check), oracleConfig(500));
  });
  it.each([
    [{ open: ['a', 'b'] }, 'must be string\n must be boolean\n must match a schema in anyOf'],
    [{ agents: 'x' }, 'must be array'],
    [{ count: 'abc' }, 'must be number'],
    [{ units: ['u'] }, 'must NOT have additional properties'],
    [{ departmentId: ['a'] }, 'must be string'],
  ])('spec example %j', (params, message) => {
    expect(upstreamLivechatAjvVerdict(params)).toEqual({ ok: false, message });
    expect(referenceLivechatSchema(params, 'rocketchat')).toEqual({ ok: false, message });
  });
});
