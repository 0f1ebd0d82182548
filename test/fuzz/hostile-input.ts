// Generators of hostile request input: prototype-pollution keys, deep nesting, huge numbers, odd unicode.
import fc from 'fast-check';

export const KNOWN_KEYS = [
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
  'fields',
  'query',
];
export const EVIL_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '$where', '$gt', ''];

const evilString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '{"__proto__":{"polluted":1}}',
    '{"constructor":{"prototype":{"polluted":1}}}',
    '1e400',
    '-0',
    'NaN',
    '[]',
    'null',
    '{}',
    '{"$gt":""}',
  ),
  fc.constantFrom('(a+)+$', '.*', '\\', '[', '(?<x>)', 'a'.repeat(2000), '%', '%ZZ', '%E0%A4%A'),
);

const deepJson = fc.nat(3000).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = fc.nat(3000).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

export const jsonParam = fc.oneof(
  fc.json(),
  deepJson,
  deepObject,
  fc
    .dictionary(
      fc.constantFrom(...EVIL_KEYS, 'ts', '_id', 'v.username', 'a..b'),
      fc.oneof(fc.constantFrom(1, -1, 0, 2, 1e308, -1e-308), fc.jsonValue()),
    )
    .map((o) => JSON.stringify(o)),
  fc
    .record(
      {
        start: fc.oneof(
          fc.string(),
          fc.date({ noInvalidDate: false }).map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
          fc.jsonValue(),
        ),
        end: fc.jsonValue(),
      },
      { requiredKeys: [] },
    )
    .map((o) => JSON.stringify(o)),
  evilString,
);

const value = fc.oneof(evilString, jsonParam, fc.array(evilString, { maxLength: 5 }), fc.jsonValue(), fc.constant(undefined));

/** A parameter object as a caller of the library might pass it: any keys, any JSON-ish values. */
export const hostileParams = fc.dictionary(fc.oneof(fc.constantFrom(...KNOWN_KEYS), fc.constantFrom(...EVIL_KEYS), fc.string()), value, {
  maxKeys: 6,
});

/** A raw query string: arbitrary text, percent-encodings, brackets and repeated keys. */
export const hostileQueryString = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(
      fc.tuple(
        fc.oneof(fc.constantFrom(...KNOWN_KEYS, ...EVIL_KEYS), fc.string()),
        fc.constantFrom('', '[]', '[0]', '[x]', '[__proto__]', '[][]'),
        evilString,
      ),
      { maxLength: 8 },
    )
    .map((parts) => parts.map(([k, b, v]) => `${encodeURIComponent(k)}${b}=${encodeURIComponent(v)}`).join('&')),
);
