// Arbitrary, mostly invalid livechat requests in the shapes `qs` produces: unknown keys, wrong types, lone lists,
// bad JSON and dates, bad sort/fields/query, customFields that are not objects, bad keys, invalid or non-linear regexes.

import fc from 'fast-check';
import type { Mode } from '../arb-principal.js';
import { arbValidLivechatParams, type LivechatParams } from './arb-livechat-params.js';
import { LC_INSTANTS } from './livechat-pools.js';

const KEYS = [
  'count',
  'offset',
  'sort',
  'query',
  'fields',
  'createdAt',
  'customFields',
  'closedAt',
  'agents',
  'roomName',
  'departmentId',
  'open',
  'onhold',
  'queued',
  'tags',
  'units',
] as const;
const UNKNOWN_KEYS = ['foo', 'departamentId', 'Agents', 'onHold', 'limit', 'visitorId'] as const;

const NUMERIC = ['-1', '1.5', 'abc', '', '1e2', ' 3', '0x10', 'Infinity', '-0', '200', 'NaN', '1e400', '-2.5', '12abc'] as const;
const SORT_FIELDS_QUERY = [
  '{',
  'null',
  '[]',
  '"str"',
  '1',
  '{}',
  '',
  '{"ts":2}',
  '{"ts":"1"}',
  '{"$ts":1}',
  '{"":1}',
  '{"a..b":1}',
  '{"fname":-1}',
  '{"a":1,"b":0}',
  '{"_id":0,"fname":1}',
  '{"v":1,"v._id":1}',
  '{"livechatData.crm":1}',
  '{nope',
  '{"t":"v"}',
] as const;
const DATE_JSON = [
  '{',
  'x',
  ' ',
  'null',
  '[]',
  '"str"',
  '5',
  '0',
  '{}',
  '',
  'true',
  '{"start":"nope"}',
  '{"start":5}',
  '{"end":true}',
  '{"start":""}',
  '{"end":{}}',
  '{"start":[]}',
  '{"start":"x","end":"y"}',
  `{"start":"${LC_INSTANTS[0]}","end":"x"}`,
  `{"end":"${LC_INSTANTS[4]}"}`,
  '{"start":"2021-02-30"}',
  '{"end":"July 9, 2021"}',
] as const;
/** customFields: not objects, bad keys, V8-invalid regexes, non-linear regexes, catastrophic-but-linear ones. */
export const CUSTOM_FIELDS_JSON = [
  'x',
  '[]',
  'null',
  '5',
  '"crm"',
  '{}',
  '',
  '{"$where":"1"}',
  '{"":"a"}',
  '{"a..b":"x"}',
  '{".a":"x"}',
  '{"a.":"x"}',
  '{"crm":"("}',
  '{"crm":"["}',
  '{"crm":"a**"}',
  '{"crm":"\\\\"}',
  '{"crm":"(?<a>x)(?<a>y)"}',
  '{"crm":"(a)\\\\1"}',
  '{"crm":"(?=a)"}',
  '{"crm":"(?!a)b"}',
  '{"crm":"(?<=a)b"}',
  '{"crm":"(?<!a)b"}',
  '{"crm":"\\\\k<n>(?<n>a)"}',
  '{"crm":"x{1001}"}',
  '{"crm":"[^]"}',
  '{"crm":"\\\\u0041"}',
  '{"crm":"\\\\cA"}',
  '{"crm":"(a+)+$"}',
  '{"crm":"^(a|a)*$"}',
  '{"plan":"(a)\\\\1","crm":"("}',
  '{"crm":"acme","$x":"y"}',
  '{"nested.a":"."}',
] as const;
const WORDS = ['true', 'false', 't', '1', 'x', 'undefined', 'vip', 'dep-a', 'unit-1', 'agent-1', 'alice', '"Mary Ann"'] as const;

const arbScalar: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMERIC),
  fc.constantFrom(...SORT_FIELDS_QUERY),
  fc.constantFrom(...DATE_JSON),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 6 }),
);

/** The value shapes qs can produce: a string, an array (maybe holding objects), a nested object. */
const arbQsValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: arbScalar, weight: 6 },
  { arbitrary: fc.array(arbScalar, { maxLength: 3 }), weight: 2 },
  {
    arbitrary: fc.array(fc.oneof(arbScalar, fc.dictionary(fc.constantFrom('x', '0'), arbScalar, { maxKeys: 1, noNullPrototype: true })), {
      minLength: 1,
      maxLength: 2,
    }),
    weight: 1,
  },
  { arbitrary: fc.dictionary(fc.constantFrom('x', 'a'), arbScalar, { minKeys: 1, maxKeys: 2, noNullPrototype: true }), weight: 1 },
);

function arbJunkFor(key: string): fc.Arbitrary<unknown> {
  const pick = <T>(values: ReadonlyArray<T>) => fc.oneof({ arbitrary: fc.constantFrom(...values), weight: 3 }, arbQsValue);
  if (key === 'createdAt' || key === 'closedAt') return pick(DATE_JSON);
  if (key === 'customFields') return pick(CUSTOM_FIELDS_JSON);
  if (key === 'sort' || key === 'fields' || key === 'query') return pick(SORT_FIELDS_QUERY);
  if (key === 'count' || key === 'offset') return pick(NUMERIC);
  if (key === 'agents' || key === 'tags' || key === 'units') return pick(['x', 'agent-1', '', 'unit-1']); // lone values
  if (key === 'departmentId') return pick<unknown>([['dep-a', 'dep-b'], ['undefined'], [''], 'dep-a']);
  if (key === 'open' || key === 'onhold' || key === 'queued') return pick<unknown>([['true', 'false'], 'true', '1']);
  return arbQsValue;
}

const arbKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...KEYS), weight: 8 },
  { arbitrary: fc.constantFrom(...UNKNOWN_KEYS), weight: 1 },
);
const arbEntry: fc.Arbitrary<[string, unknown]> = arbKey.chain((key) => arbJunkFor(key).map((v): [string, unknown] => [key, v]));

const arbJunkRecord: fc.Arbitrary<LivechatParams> = fc.array(arbEntry, { maxLength: 4 }).map((entries) => {
  const out: LivechatParams = {};
  for (const [k, v] of entries) out[k] = v;
  return out;
});

function arbMutated(mode: Mode): fc.Arbitrary<LivechatParams> {
  return fc.tuple(arbValidLivechatParams(mode), fc.array(arbEntry, { minLength: 1, maxLength: 2 })).map(([params, edits]) => {
    const out: LivechatParams = { ...params };
    for (const [k, v] of edits) out[k] = v;
    return out;
  });
}

/** Arbitrary livechat requests for `mode`: valid ones, mutated valid ones, and junk. */
export function arbAnyLivechatParams(mode: Mode): fc.Arbitrary<LivechatParams> {
  return fc.oneof(
    { arbitrary: arbValidLivechatParams(mode), weight: 1 },
    { arbitrary: arbMutated(mode), weight: 3 },
    { arbitrary: arbJunkRecord, weight: 2 },
  );
}
