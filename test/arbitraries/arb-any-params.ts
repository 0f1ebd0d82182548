// Arbitrary, mostly invalid requests in the shapes `qs` produces (strings, string arrays, nested
// objects): unknown keys, wrong types, bad JSON, bad dates, bad sort/fields, odd numbers.

import fc from 'fast-check';
import type { Mode } from './arb-principal.js';
import { arbValidParams, type Params } from './arb-params.js';
import { AGENT_IDS, INSTANTS } from './pools.js';

const KEYS = [
  'agents',
  'open',
  'createdAt',
  'closedAt',
  'tags',
  'queue',
  'visitorId',
  'direction',
  'roomName',
  'count',
  'offset',
  'sort',
  'query',
  'fields',
] as const;
const UNKNOWN_KEYS = ['foo', 'Agents', 'limit', 'skip', 'fields', 'q'] as const;

const NUMERIC_STRINGS = [
  '-1',
  '1.5',
  'abc',
  '',
  '1e2',
  ' 3',
  '0x10',
  'Infinity',
  '-Infinity',
  '-0',
  '200',
  '0',
  'NaN',
  '1e400',
  '3',
  '-2.5',
  '0.5',
  '1e-7',
  '12abc',
  '0b11',
  '+4',
  '.5',
  '5.',
] as const;

const SORT_FIELDS_JSON = [
  '{',
  'null',
  '[]',
  '[1]',
  '"str"',
  '1',
  'true',
  '{}',
  ' {} ',
  '',
  '{"ts":2}',
  '{"ts":"1"}',
  '{"$ts":1}',
  '{"":1}',
  '{"ts":1.0}',
  '{"ts":-1,"_id":1}',
  '{"ts":0}',
  '{"ts":true}',
  '{"a..b":1}',
  '{"v.":1}',
  '{".v":-1}',
  '{"name":-1}',
  '{"ts":-1}',
  '{"_id":-1}',
  '{"constructor":1}',
  '{"a":1,"b":0}',
  '{"_id":0,"a":1}',
  '{"_id":1,"a":0}',
  '{"_id":1}',
  '{"_id":0}',
  '{"v":1,"v._id":1}',
  '{"name":1}',
  '{"joinCode":1}',
  '{"joinCode":0}',
  '{"name":2}',
  '{"name":"1"}',
  '{"v._id":0}',
  '{"e2e":1,"name":1}',
] as const;

const DATE_JSON = [
  '{',
  'null',
  '[]',
  '"str"',
  '1',
  '{}',
  '',
  ' ',
  'true',
  '{"start":"nope"}',
  '{"start":5}',
  '{"end":true}',
  '{"start":null}',
  '{"start":""}',
  '{"end":{}}',
  '{"start":[]}',
  `{"start":"${INSTANTS[0]}","end":"x"}`,
  '{"start":"x","end":"y"}',
  `{"start":"${INSTANTS[2]}"}`,
  `{"end":"${INSTANTS[4]}"}`,
  '{"start":"2022-01-01","end":"2021-01-01"}',
  '{"start":"2021-02-30"}',
  '{"other":1}',
  '{"start":0}',
  '{"end":"July 9, 2021"}',
] as const;

const JSON_STRINGS = [...SORT_FIELDS_JSON, ...DATE_JSON] as const;

const WORDS = ['true', 'false', 'inbound', 'outbound', 'TRUE', 'x', 'undefined', 'vip', 'q1', ...AGENT_IDS] as const;

const arbScalarString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...NUMERIC_STRINGS),
  fc.constantFrom(...JSON_STRINGS),
  fc.constantFrom(...WORDS),
  fc.string({ maxLength: 6 }),
);

/** The value shapes qs can produce: a string, an array (maybe holding objects), a nested object. */
const arbQsValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: arbScalarString, weight: 6 },
  { arbitrary: fc.array(arbScalarString, { maxLength: 3 }), weight: 2 },
  {
    arbitrary: fc.array(
      fc.oneof(arbScalarString, fc.dictionary(fc.constantFrom('x', '0'), arbScalarString, { maxKeys: 1, noNullPrototype: true })),
      { minLength: 1, maxLength: 2 },
    ),
    weight: 1,
  },
  {
    arbitrary: fc.dictionary(fc.constantFrom('x', 'y', 'a'), arbScalarString, { minKeys: 1, maxKeys: 2, noNullPrototype: true }),
    weight: 1,
  },
);

/** Junk aimed at one key, so that every stage (schema, sort, fields, dates) is reached often. */
function arbJunkFor(key: string): fc.Arbitrary<unknown> {
  if (key === 'createdAt' || key === 'closedAt') return fc.oneof({ arbitrary: fc.constantFrom(...DATE_JSON), weight: 3 }, arbQsValue);
  if (key === 'sort' || key === 'fields') return fc.oneof({ arbitrary: fc.constantFrom(...SORT_FIELDS_JSON), weight: 3 }, arbQsValue);
  if (key === 'count' || key === 'offset') return fc.oneof({ arbitrary: fc.constantFrom(...NUMERIC_STRINGS), weight: 3 }, arbQsValue);
  return arbQsValue;
}

const arbKey: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...KEYS), weight: 8 },
  { arbitrary: fc.constantFrom(...UNKNOWN_KEYS), weight: 1 },
);
const arbEntry: fc.Arbitrary<[string, unknown]> = arbKey.chain((key) => arbJunkFor(key).map((value): [string, unknown] => [key, value]));

const arbJunkRecord: fc.Arbitrary<Params> = fc.array(arbEntry, { maxLength: 4 }).map((entries) => {
  const out: Params = {};
  for (let i = 0; i < entries.length; i++) out[entries[i]![0]] = entries[i]![1];
  return out;
});

/** A valid request with one or two keys overwritten (or added) with junk: errors at every stage. */
function arbMutated(mode: Mode): fc.Arbitrary<Params> {
  return fc.tuple(arbValidParams(mode), fc.array(arbEntry, { minLength: 1, maxLength: 2 })).map(([params, edits]) => {
    const out: Params = { ...params };
    for (let i = 0; i < edits.length; i++) out[edits[i]![0]] = edits[i]![1];
    return out;
  });
}

/** Arbitrary requests for `mode`: valid ones, mutated valid ones, and junk. */
export function arbAnyParams(mode: Mode): fc.Arbitrary<Params> {
  return fc.oneof(
    { arbitrary: arbValidParams(mode), weight: 1 },
    { arbitrary: arbMutated(mode), weight: 3 },
    { arbitrary: arbJunkRecord, weight: 2 },
  );
}
