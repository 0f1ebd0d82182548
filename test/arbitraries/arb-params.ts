// Request arbitraries that pass validation in a given mode, built from the room pools so that filters
// match; `paramsForAgent` narrows them to the one shape an agent may send (`agents: [own id]`).

import fc from 'fast-check';
import type { Principal } from '../../src/auth/principal.js';
import type { Mode } from './arb-principal.js';
import { AGENT_IDS, INSTANTS, NAMES, QUEUES, SORT_FIELDS, TAGS, USERNAMES, VISITOR_IDS } from './pools.js';

export type Params = Record<string, unknown>;

/** Present one time in `1 + absentWeight`; absent keys are then dropped from the object. */
function sometimes<T>(arb: fc.Arbitrary<T>, absentWeight = 3): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: absentWeight }, { arbitrary: arb, weight: 1 });
}

function stringList(pool: ReadonlyArray<string>, mode: Mode): fc.Arbitrary<string[] | string> {
  const list = fc.array(fc.constantFrom(...pool), { maxLength: 3 });
  // Default mode also reads a lone string as a one-element list.
  if (mode === 'default') return fc.oneof(list, fc.constantFrom(...pool));
  return list;
}

/** Bounds from the shared instants, one millisecond either side, date-only forms, null and "". */
const arbBound: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom(...INSTANTS),
  fc.tuple(fc.constantFrom(...INSTANTS), fc.constantFrom(-1, 1)).map(([iso, d]) => new Date(Date.parse(iso) + d).toISOString()),
  fc.constantFrom('2022-01-01', '2021-07-09', null, ''),
);

/** A range as JSON; `""` and `null` also mean "no filter". */
export const arbDateJson: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.record({ start: arbBound, end: arbBound }, { requiredKeys: [], noNullPrototype: true }).map((r) => JSON.stringify(r)),
    weight: 8,
  },
  { arbitrary: fc.constantFrom('', 'null', ' {} '), weight: 1 },
);

/** A substring of a pool name, sometimes with its case changed. */
export const arbRoomName: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...NAMES), fc.nat(), fc.nat(), fc.constantFrom('same', 'upper', 'lower'))
  .map(([name, a, b, kase]) => {
    const from = name.length === 0 ? 0 : a % name.length;
    const to = from + (name.length === 0 ? 0 : b % (name.length - from + 1));
    const part = name.slice(from, to);
    if (kase === 'upper') return part.toUpperCase();
    if (kase === 'lower') return part.toLowerCase();
    return part;
  });

/** Numbers as numeric strings, including forms ajv coerces (`1e1`, ` 2`, `0x3`, `2.0`, `  `). */
function arbPagingNumber(mode: Mode, key: 'count' | 'offset'): fc.Arbitrary<string> {
  const plainInt = key === 'count' ? fc.integer({ min: 0, max: 20 }) : fc.integer({ min: 0, max: 14 });
  // '' is absent (ajv coerces it to null).
  const forms = fc.constantFrom('1e1', ' 2', '0x3', '2.0', '  ', '0', '150', '-0', '');
  const base = fc.oneof({ arbitrary: plainInt.map(String), weight: 4 }, { arbitrary: forms, weight: 1 });
  if (mode === 'default') return base;
  // rocketchat mode truncates with parseInt, takes |count|, reads non-finite as absent; a negative offset is rejected.
  const extra =
    key === 'count'
      ? fc.constantFrom('-3', '2.7', '-0.5', '-200', '1.999', 'Infinity', '-Infinity', '1e400', '1e-7', '1e21')
      : fc.constantFrom('1.5', '-0.5', '0.99', 'Infinity', '-Infinity', '2e-7', '1e21');
  return fc.oneof({ arbitrary: base, weight: 3 }, { arbitrary: extra, weight: 1 });
}

export const arbSortJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...SORT_FIELDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([keys, dirs, spaced]) => {
    const spec: Record<string, number> = {};
    for (let i = 0; i < keys.length; i++) spec[keys[i]!] = dirs[i]!;
    return spaced ? JSON.stringify(spec, null, 1) : JSON.stringify(spec);
  });

const PROJECTABLE = [
  '_id',
  'name',
  'ts',
  'v',
  'v._id',
  'v.username',
  'servedBy',
  'servedBy.username',
  'tags',
  'open',
  'queue',
  'closedAt',
  'missing',
  'missing.deep',
  'joinCode',
  'e2e',
  'e2e.key',
] as const;

/** Keeps the first of any two paths where one is a dotted prefix of the other. */
function dropPrefixConflicts(paths: ReadonlyArray<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < paths.length; i++) {
    const p = paths[i]!;
    let clash = false;
    for (let j = 0; j < out.length; j++) {
      const q = out[j]!;
      if (p.startsWith(q + '.') || q.startsWith(p + '.')) clash = true;
    }
    if (!clash) out.push(p);
  }
  return out;
}

export const arbFieldsJson: fc.Arbitrary<string> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...PROJECTABLE), { maxLength: 4 }), fc.boolean(), fc.boolean())
  .map(([picked, inclusion, hideId]) => {
    const paths = dropPrefixConflicts(picked);
    const spec: Record<string, number> = {};
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i]!;
      // In an inclusion only `_id` may be 0.
      if (p === '_id') spec[p] = inclusion && !hideId ? 1 : 0;
      else spec[p] = inclusion ? 1 : 0;
    }
    if (inclusion && hideId && !paths.includes('_id')) spec['_id'] = 0;
    return JSON.stringify(spec);
  });

/** Requests that pass the schema, sort, fields and date checks in `mode` (a 403 is still possible). */
export function arbValidParams(mode: Mode): fc.Arbitrary<Params> {
  const shape = {
    agents: sometimes(stringList([...AGENT_IDS, ...USERNAMES, ''], mode)),
    open: sometimes(fc.constantFrom('true', 'false'), mode === 'rocketchat' ? 1 : 3),
    createdAt: sometimes(arbDateJson),
    closedAt: sometimes(arbDateJson),
    tags: sometimes(stringList([...TAGS, 'none'], mode)),
    queue: sometimes(fc.constantFrom('', ...QUEUES)),
    visitorId: sometimes(fc.constantFrom('', ...VISITOR_IDS, 'vis-9')),
    direction: sometimes(fc.constantFrom('inbound', 'outbound')),
    roomName: sometimes(arbRoomName),
    count: sometimes(arbPagingNumber(mode, 'count'), 1),
    offset: sometimes(arbPagingNumber(mode, 'offset'), 1),
    sort: sometimes(arbSortJson, 1),
    query: sometimes(fc.constantFrom('{}', 'ignored'), 6),
    fields: mode === 'default' ? sometimes(arbFieldsJson, 2) : fc.constant(undefined),
  };
  return fc.record(shape, { noNullPrototype: true }).map((raw) => {
    const out: Params = {};
    const keys = Object.keys(raw) as Array<keyof typeof raw>;
    for (let i = 0; i < keys.length; i++) {
      const value = raw[keys[i]!];
      if (value !== undefined) out[keys[i]!] = value;
    }
    return out;
  });
}

/** Valid requests an agent may send: `agents` is exactly the caller's id (a lone string in default mode sometimes). */
export function paramsForAgent(principal: Principal, mode: Mode = 'default'): fc.Arbitrary<Params> {
  const agents = mode === 'default' ? fc.constantFrom<string[] | string>([principal._id], principal._id) : fc.constant([principal._id]);
  return fc.tuple(arbValidParams(mode), agents).map(([params, a]) => ({ ...params, agents: a }));
}
