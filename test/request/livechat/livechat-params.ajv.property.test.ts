// rocketchat mode's schema stage ≡ Rocket.Chat 6.13's ajv validator on livechat/rooms parameters:
// same verdict, same message (all of ajv's messages joined as upstream joins them), same coerced values.

import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../../src/options.js';
import { livechatCodecFor } from '../../../src/request/livechat/livechat-params-codec.js';
import { validateWith } from '../../../src/request/validate-params.js';
import { LIVECHAT_PARAM_ORDER } from '../../reference/livechat/livechat-schema.js';
import { upstreamLivechatAjvVerdict as upstreamLivechatVerdict } from '../../support/ajv-upstream-livechat.js';
import { oracleConfig } from '../../support/oracle-config.js';

const KEYS = [...LIVECHAT_PARAM_ORDER, 'units', 'departamentId', 'visitorId'];

/** What qs produces: strings, lists of strings, nested objects. */
const arbQsValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom('', 'x', '1', '0', 'true', 'false', 't', '-1', '1.5', 'abc', '{}', '[]', 'null'),
  fc.array(fc.constantFrom('', 'a', 'true', '1'), { minLength: 1, maxLength: 3 }),
  fc.constantFrom<unknown>({ a: 'b' }, { 0: 'x' }),
);

/** Values outside what qs produces (null, numbers, booleans), to pin the coercion rules. */
const arbWideValue: fc.Arbitrary<unknown> = fc.oneof(
  arbQsValue,
  fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 1.5, Infinity, NaN),
  fc.array(fc.constantFrom<unknown>(null, true, 0, 2.5, 'a', '', {}, []), { maxLength: 3 }),
);

const paramsOf = (value: fc.Arbitrary<unknown>) =>
  fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 4 }).map((entries) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = v;
    return out;
  });

const ours = (params: Record<string, unknown>) => validateWith(livechatCodecFor('rocketchat', DEFAULT_LIMITS), params, 'rocketchat');

// ajv coerces to what the route then reads; our codec drops what means "absent" (null, "" for lists).
const comparable = (coerced: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(coerced).filter(([, v]) => v !== null && v !== undefined));

const check = (params: Record<string, unknown>): void => {
  const mine = ours(params);
  const theirs = upstreamLivechatVerdict(params);
  const body = E.isLeft(mine) ? (mine.left.body as { error: string }).error : 'ok';
  expect(body).toEqual(theirs.ok ? 'ok' : `${theirs.message} [invalid-params]`);
  if (theirs.ok && E.isRight(mine)) {
    const decoded = Object.fromEntries(Object.entries(mine.right).filter(([, v]) => v !== undefined));
    expect(decoded).toEqual(comparable(theirs.coerced));
  }
};

describe('livechat schema stage ≡ upstream ajv 6.13 (rocketchat mode)', () => {
  it('on qs-shaped params', () => {
    fc.assert(fc.property(paramsOf(arbQsValue), check), oracleConfig(1000));
  });
  it('on null, numbers and booleans too', () => {
    fc.assert(fc.property(paramsOf(arbWideValue), check), oracleConfig(1000));
  });
  it.each([
    [{ agents: 'x' }, 'must be array'],
    [{ open: ['a', 'b'] }, 'must be string\n must be boolean\n must match a schema in anyOf'],
    [{ count: 'abc' }, 'must be number'],
    [{ units: ['u'] }, 'must NOT have additional properties'],
    [{ departamentId: 'd' }, 'must NOT have additional properties'],
    [{ departmentId: ['a'] }, 'must be string'],
  ])('%j → %j', (params, message) => {
    const theirs = upstreamLivechatVerdict(params);
    expect(theirs.ok ? 'ok' : theirs.message).toBe(message);
    check(params);
  });
});
