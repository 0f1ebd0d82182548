// Livechat requests that pass validation in a given mode (a 403 is still possible), built from the room pools
// so that filters match; `livechatParamsForAgent` narrows them to the one shape an agent may send.

import fc from 'fast-check';
import type { Principal } from '../../../src/auth/principal.js';
import type { Mode } from '../arb-principal.js';
import {
  LC_AGENT_IDS,
  LC_DATA_KEYS,
  LC_DEPARTMENT_IDS,
  LC_FNAMES,
  LC_INSTANTS,
  LC_SORT_FIELDS,
  LC_TAGS,
  LC_UNIT_IDS,
  LC_USERNAMES,
} from './livechat-pools.js';

export type LivechatParams = Record<string, unknown>;

function sometimes<T>(arb: fc.Arbitrary<T>, absentWeight = 3): fc.Arbitrary<T | undefined> {
  return fc.oneof({ arbitrary: fc.constant(undefined), weight: absentWeight }, { arbitrary: arb, weight: 1 });
}

function stringList(pool: ReadonlyArray<string>, mode: Mode): fc.Arbitrary<string[] | string> {
  const list = fc.array(fc.constantFrom(...pool), { maxLength: 3 });
  return mode === 'default' ? fc.oneof(list, fc.constantFrom(...pool)) : list;
}

const arbBound: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(...LC_INSTANTS),
  fc.tuple(fc.constantFrom(...LC_INSTANTS), fc.constantFrom(-1, 1)).map(([iso, d]) => new Date(Date.parse(iso) + d).toISOString()),
  fc.constantFrom<unknown>('2022-01-01', null, '', 0, 5, '2021'),
);

/** Valid date JSON: ranges, and the forms that are a no-op or upstream's `ts: {}` quirk (`{}`, `5`, `"x"`, `[]`...). */
export const arbLivechatDateJson: fc.Arbitrary<string> = fc.oneof(
  {
    arbitrary: fc.record({ start: arbBound, end: arbBound }, { requiredKeys: [], noNullPrototype: true }).map((r) => JSON.stringify(r)),
    weight: 6,
  },
  { arbitrary: fc.constantFrom('', 'null', '{}', ' {} ', '5', '0', '"x"', '""', '[]', 'true', 'false', '{"other":1}'), weight: 2 },
);

/** Regexes every engine accepts (V8 and re2js), metacharacters and catastrophic-on-V8 shapes included. */
export const SAFE_PATTERNS = [
  'acme',
  'ACME',
  '^acme-\\d+$',
  'gold|x',
  '.',
  '^$',
  '',
  '(a+)+$',
  '(a|aa)+$',
  '^(a*)*b$',
  '(x+x+)+y',
  'a{2,}',
  '\\.',
  'a.b',
  '\\(1\\)',
  'STRASSE',
  'ß',
  'ſ',
  'K',
  'k',
  '[a-c]+',
  '[^x]',
  '\\s',
  '\\w+!',
  'line.break',
  '\\x41',
  '(?:ac)me',
  'a*?',
  '\\bx',
] as const;

const arbCustomFieldValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom<unknown>(...SAFE_PATTERNS), weight: 8 },
  { arbitrary: fc.constantFrom<unknown>(42, 7, true, null, ['acme', 'x'], { a: 1 }), weight: 1 },
);

export const arbCustomFieldsJson: fc.Arbitrary<string> = fc
  .dictionary(fc.constantFrom<string>(...LC_DATA_KEYS, 'nested.a', 'nested.b'), arbCustomFieldValue, { maxKeys: 2, noNullPrototype: true })
  .map((o) => JSON.stringify(o));

export const arbLivechatSortJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.uniqueArray(fc.constantFrom(...LC_SORT_FIELDS), { maxLength: 3 }),
    fc.array(fc.constantFrom(1, -1), { minLength: 3, maxLength: 3 }),
  )
  .map(([keys, dirs]) => {
    const spec: Record<string, number> = {};
    for (let i = 0; i < keys.length; i++) spec[keys[i]!] = dirs[i]!;
    return JSON.stringify(spec);
  });

const PROJECTABLE = [
  '_id',
  'fname',
  'departmentId',
  'department',
  'livechatData',
  'livechatData.crm',
  'servedBy',
  'v.token',
  'open',
  'tags',
  'ts',
];

export const arbLivechatFieldsJson: fc.Arbitrary<string> = fc
  .tuple(fc.uniqueArray(fc.constantFrom(...PROJECTABLE), { maxLength: 3 }), fc.boolean())
  .map(([picked, inclusion]) => {
    const spec: Record<string, number> = {};
    for (const p of picked) {
      const clash = Object.keys(spec).some((q) => p.startsWith(q + '.') || q.startsWith(p + '.'));
      if (!clash) spec[p] = p === '_id' ? 0 : inclusion ? 1 : 0;
    }
    return JSON.stringify(spec);
  });

/** A substring of a pool fname, case changed sometimes; default mode also sends a whole fname in quotes. */
export function arbLivechatRoomName(mode: Mode): fc.Arbitrary<string> {
  const part = fc
    .tuple(fc.constantFrom(...LC_FNAMES), fc.nat(), fc.nat(), fc.constantFrom('same', 'upper', 'lower'))
    .map(([name, a, b, kase]) => {
      const from = name.length === 0 ? 0 : a % name.length;
      const s = name.slice(from, from + (name.length === 0 ? 0 : b % (name.length - from + 1)));
      return kase === 'upper' ? s.toUpperCase() : kase === 'lower' ? s.toLowerCase() : s;
    });
  const quoted = fc.constantFrom(...LC_FNAMES).map((n) => `"${n}"`);
  return mode === 'default' ? fc.oneof(part, quoted, fc.constant('"')) : fc.oneof(part, quoted);
}

function arbPaging(mode: Mode): fc.Arbitrary<string> {
  const base = fc.oneof(
    { arbitrary: fc.integer({ min: 0, max: 12 }).map(String), weight: 4 },
    fc.constantFrom('1e1', ' 2', '0x3', '', '0'),
  );
  return mode === 'default' ? base : fc.oneof(base, fc.constantFrom('2.7', '-3', 'Infinity', '1e21', '0.5'));
}

const TRI = ['true', 'false', 't', '1', '0', '', 'yes', 'TRUE'] as const;

/** Requests that pass the schema, parseJsonQuery, date and customFields checks in `mode`. */
export function arbValidLivechatParams(mode: Mode): fc.Arbitrary<LivechatParams> {
  const departments = [...LC_DEPARTMENT_IDS, '', 'undefined', 'dep-unknown'];
  const shape = {
    count: sometimes(arbPaging(mode), 1),
    offset: sometimes(
      arbPaging(mode).filter((s) => !s.startsWith('-')),
      2,
    ),
    sort: sometimes(arbLivechatSortJson, 1),
    query: sometimes(mode === 'rocketchat' ? fc.constantFrom('{}', '{"t":"v"}', '[]', '5', '') : fc.constantFrom('{}', '{nope', ''), 6),
    fields: sometimes(arbLivechatFieldsJson, 3),
    createdAt: sometimes(arbLivechatDateJson),
    customFields: sometimes(arbCustomFieldsJson, 2),
    closedAt: sometimes(arbLivechatDateJson),
    agents: sometimes(stringList([...LC_AGENT_IDS, ...LC_USERNAMES, ''], mode)),
    roomName: sometimes(arbLivechatRoomName(mode)),
    departmentId: sometimes(
      mode === 'default'
        ? fc.oneof(fc.constantFrom(...departments), fc.subarray(departments, { maxLength: 3 }))
        : fc.constantFrom(...departments),
    ),
    open: sometimes(fc.constantFrom(...TRI)),
    onhold: sometimes(fc.constantFrom(...TRI), 5),
    queued: sometimes(fc.constantFrom(...TRI), 5),
    tags: sometimes(stringList([...LC_TAGS, 'none'], mode)),
    units: mode === 'default' ? sometimes(stringList([...LC_UNIT_IDS, 'dep-a'], mode)) : fc.constant(undefined),
  };
  return fc.record(shape, { noNullPrototype: true }).map((raw) => {
    const out: LivechatParams = {};
    for (const [k, v] of Object.entries(raw)) if (v !== undefined) out[k] = v;
    return out;
  });
}

/** Valid requests an agent may send: `agents` is exactly the caller's id (a lone string in default mode sometimes). */
export function livechatParamsForAgent(principal: Principal, mode: Mode = 'default'): fc.Arbitrary<LivechatParams> {
  const agents = mode === 'default' ? fc.constantFrom<string[] | string>([principal._id], principal._id) : fc.constant([principal._id]);
  return fc.tuple(arbValidLivechatParams(mode), agents).map(([params, a]) => ({ ...params, agents: a }));
}
