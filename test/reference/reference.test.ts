// Example tests of the reference itself, one table row per rule of the spec and decisions doc
// (errors and check order, filters, order, paging, projection, both modes), plus referenceCompare laws.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import type { Room } from '../../src/model/room.js';
import { referenceCompare, referenceQueryRooms, type ReferenceOptions } from './reference-query-rooms.js';
import {
  ADMIN,
  AGENT1,
  MISSING_PERMISSION_BODY,
  MONITOR,
  NOBODY,
  ROOMS,
  UNAUTHORIZED_BODY,
  USER,
  invalidDateBody,
  invalidDateJsonBody,
  invalidFieldsBody,
  invalidParamsBody,
  invalidSortBody,
} from './reference-fixtures.js';
import { arbCompareValue } from './compare-values.arbitrary.js';

type P = Record<string, unknown>;
const D: ReferenceOptions = { mode: 'default' };
const RC: ReferenceOptions = { mode: 'rocketchat' };
const ip = invalidParamsBody;

// [name, params, principal, options, status, body]
const ERRORS: Array<[string, P, Principal, ReferenceOptions, number, unknown]> = [
  ['unknown key', { foo: '1' }, ADMIN, D, 400, ip('unknown parameter "foo"')],
  ['unknown key, a typo', { agent: 'x' }, ADMIN, D, 400, ip('unknown parameter "agent" (did you mean "agents"?)')],
  ['unknown key upstream', { foo: '1' }, ADMIN, RC, 400, ip('must NOT have additional properties')],
  ['fields is unknown upstream', { fields: '{}' }, ADMIN, RC, 400, ip('must NOT have additional properties')],
  ['unknown key wins over a bad known key', { agents: {}, foo: '1' }, ADMIN, D, 400, ip('unknown parameter "foo"')],
  ['agents as object', { agents: { x: 'a' } }, ADMIN, D, 400, ip('must be array')],
  ['lone agents upstream', { agents: 'a' }, ADMIN, RC, 400, ip('must be array')],
  ['lone tags upstream', { tags: 'vip' }, ADMIN, RC, 400, ip('must be array')],
  ['agents element not a string', { agents: ['a', { x: '1' }] }, ADMIN, D, 400, ip('must be string')],
  ['open not in enum', { open: 'yes' }, ADMIN, D, 400, ip('must be equal to one of the allowed values')],
  ['open as array', { open: ['true'] }, ADMIN, D, 400, ip('must be string')],
  ['empty direction', { direction: '' }, ADMIN, RC, 400, ip('must be equal to one of the allowed values')],
  ['queue as array', { queue: ['a', 'b'] }, ADMIN, D, 400, ip('must be string')],
  ['sort as object', { sort: { ts: '1' } }, ADMIN, D, 400, ip('must be string')],
  ['count not a number', { count: 'abc' }, ADMIN, D, 400, ip('must be number')],
  ['count NaN', { count: 'NaN' }, ADMIN, RC, 400, ip('must be number')],
  ['count Infinity (default)', { count: 'Infinity' }, ADMIN, D, 400, ip('must be number')],
  ['count non-finite number', { count: Infinity }, ADMIN, RC, 400, ip('must be number')],
  ['open null is not in the enum', { open: null }, ADMIN, D, 400, ip('must be equal to one of the allowed values')],
  ['agents true', { agents: true }, ADMIN, RC, 400, ip('must be array')],
  ['count fraction (default)', { count: '1.5' }, ADMIN, D, 400, ip('must be integer')],
  ['count negative (default)', { count: '-1' }, ADMIN, D, 400, ip('must be >= 0')],
  ['offset negative (default)', { offset: '-1' }, ADMIN, D, 400, ip('must be >= 0')],
  ['offset negative (rocketchat)', { offset: '-1' }, ADMIN, RC, 400, ip('must be >= 0')],
  ['offset -1e21 (rocketchat, parseInt)', { offset: '-1e21' }, ADMIN, RC, 400, ip('must be >= 0')],
  ['rocketchat: sort before negative offset', { offset: '-2', sort: 'x' }, ADMIN, RC, 400, invalidSortBody('x')],
  ['rocketchat: negative offset before 403', { offset: '-2' }, USER, RC, 400, ip('must be >= 0')],
  ['rocketchat: schema before negative offset', { offset: '-2', query: ['a'] }, ADMIN, RC, 400, ip('must be string')],
  ['key order: agents before count', { count: 'abc', agents: 'x' }, ADMIN, RC, 400, ip('must be array')],
  ['key order: count before offset', { offset: 'x', count: '1.5' }, ADMIN, D, 400, ip('must be integer')],
  ['schema before sort', { sort: '{', count: 'x' }, ADMIN, D, 400, ip('must be number')],
  ['schema before 403', { count: 'x' }, USER, D, 400, ip('must be number')],
  ['bad sort JSON', { sort: '{' }, ADMIN, D, 400, invalidSortBody('{')],
  ['sort value 2', { sort: '{"ts":2}' }, ADMIN, RC, 400, invalidSortBody('{"ts":2}')],
  ['sort value "1"', { sort: '{"ts":"1"}' }, ADMIN, D, 400, invalidSortBody('{"ts":"1"}')],
  ['sort array', { sort: '[]' }, ADMIN, D, 400, invalidSortBody('[]')],
  ['sort null', { sort: 'null' }, ADMIN, D, 400, invalidSortBody('null')],
  ['sort $key', { sort: '{"$ts":1}' }, ADMIN, D, 400, invalidSortBody('{"$ts":1}')],
  ['sort empty key', { sort: '{"":1}' }, ADMIN, D, 400, invalidSortBody('{"":1}')],
  ['sort empty segment', { sort: '{"a..b":1}' }, ADMIN, D, 400, invalidSortBody('{"a..b":1}')],
  ['sort trailing dot', { sort: '{"v.":-1}' }, ADMIN, RC, 400, invalidSortBody('{"v.":-1}')],
  ['sort empty string', { sort: '' }, ADMIN, D, 400, invalidSortBody('')],
  ['sort before 403 (rocketchat)', { sort: 'x' }, USER, RC, 400, invalidSortBody('x')],
  ['fields mixed', { fields: '{"a":1,"b":0}' }, ADMIN, D, 400, invalidFieldsBody('{"a":1,"b":0}')],
  ['fields prefix', { fields: '{"v":1,"v._id":1}' }, ADMIN, D, 400, invalidFieldsBody('{"v":1,"v._id":1}')],
  ['fields value 2', { fields: '{"a":2}' }, ADMIN, D, 400, invalidFieldsBody('{"a":2}')],
  ['fields $key', { fields: '{"$a":1}' }, ADMIN, D, 400, invalidFieldsBody('{"$a":1}')],
  ['fields empty segment', { fields: '{".a":0}' }, ADMIN, D, 400, invalidFieldsBody('{".a":0}')],
  ['sort before fields', { sort: 'x', fields: 'y' }, ADMIN, D, 400, invalidSortBody('x')],
  ['fields before dates', { fields: 'y', createdAt: 'z' }, ADMIN, D, 400, invalidFieldsBody('y')],
  ['createdAt not JSON', { createdAt: 'nope' }, ADMIN, D, 400, invalidDateJsonBody('createdAt')],
  ['createdAt array', { createdAt: '[]' }, ADMIN, D, 400, invalidDateJsonBody('createdAt')],
  ['createdAt.start bad', { createdAt: '{"start":"x","end":"y"}' }, ADMIN, D, 400, invalidDateBody('createdAt.start')],
  ['createdAt.end number', { createdAt: '{"end":5}' }, ADMIN, D, 400, invalidDateBody('createdAt.end')],
  ['createdAt before closedAt', { closedAt: '{"start":"x"}', createdAt: '{"end":"y"}' }, ADMIN, D, 400, invalidDateBody('createdAt.end')],
  ['closedAt.start bad', { closedAt: '{"start":true}' }, ADMIN, RC, 400, invalidDateBody('closedAt.start')],
  ['closedAt JSON string', { closedAt: '"2021-01-01"' }, ADMIN, RC, 400, invalidDateJsonBody('closedAt')],
  ['default: dates before 403', { createdAt: 'x' }, USER, D, 400, invalidDateJsonBody('createdAt')],
  ['rocketchat: 403 before dates', { createdAt: 'x' }, USER, RC, 403, UNAUTHORIZED_BODY],
  ['no permission (default)', {}, USER, D, 403, MISSING_PERMISSION_BODY],
  ['no roles (default)', {}, NOBODY, D, 403, MISSING_PERMISSION_BODY],
  ['no permission (rocketchat)', {}, USER, RC, 403, UNAUTHORIZED_BODY],
  ['agent without agents', {}, AGENT1, D, 403, UNAUTHORIZED_BODY],
  ['agent asking for another', { agents: ['agent-2'] }, AGENT1, D, 403, UNAUTHORIZED_BODY],
  ['agent asking for two', { agents: ['agent-1', 'agent-2'] }, AGENT1, RC, 403, UNAUTHORIZED_BODY],
  ['user asking for self', { agents: ['u-1'] }, USER, D, 403, MISSING_PERMISSION_BODY],
];

describe('reference: errors and check order', () => {
  it.each(ERRORS)('%s', (_name, params, principal, options, status, body) => {
    expect(referenceQueryRooms(ROOMS, params, principal, options)).toEqual({ ok: false, status, body });
  });
});

const ids = (rooms: ReadonlyArray<Room>, params: P, principal: Principal, options: ReferenceOptions): unknown => {
  const result = referenceQueryRooms(rooms, params, principal, options);
  if (!result.ok) return result;
  return result.page.rooms.map((r) => r['_id']);
};
const byId = '{"_id":1}';

// [name, params, principal, options, ids in order]
const SELECTIONS: Array<[string, P, Principal, ReferenceOptions, string[]]> = [
  ['no filter: every call room, newest first, ties by _id', {}, ADMIN, D, ['r2', 'r1', 'r3', 'r5']],
  ['rocketchat: absent open means closed only', {}, ADMIN, RC, ['r2', 'r5']],
  ['agents by id or username', { agents: ['agent-1'], sort: byId }, ADMIN, D, ['r1', 'r3']],
  ['lone agents (default)', { agents: 'agent-2' }, MONITOR, D, ['r2']],
  ['empty agents list: no filter (default)', { agents: [], sort: byId }, ADMIN, D, ['r1', 'r2', 'r3', 'r5']],
  ['empty agents list: $in [] matches nothing (rocketchat)', { agents: [] }, ADMIN, RC, []],
  ['empty tags list: $in [] matches nothing (rocketchat)', { tags: [], open: 'false' }, ADMIN, RC, []],
  ['agents= is [""] in default mode', { agents: '' }, ADMIN, D, []],
  ['agents= is absent in rocketchat mode (ajv: "" -> null)', { agents: '' }, ADMIN, RC, ['r2', 'r5']],
  ['null means absent', { queue: null, agents: null, count: null, createdAt: null, sort: null }, ADMIN, D, ['r2', 'r1', 'r3', 'r5']],
  ['scalars coerced to strings', { open: true, queue: 5 }, ADMIN, D, []],
  ['agent sees only rooms it served', { agents: ['agent-1'] }, AGENT1, D, ['r1']],
  ['agent, lone string', { agents: 'agent-1', open: 'true' }, AGENT1, D, ['r1']],
  ['agent, rocketchat needs open=true to see the open room', { agents: ['agent-1'], open: 'true' }, AGENT1, RC, ['r1']],
  ['open=true', { open: 'true', sort: byId }, ADMIN, D, ['r1', 'r3']],
  ['open=false', { open: 'false', sort: byId }, ADMIN, RC, ['r2', 'r5']],
  [
    'createdAt inclusive',
    { createdAt: '{"start":"2021-01-01T00:00:00.000Z","end":"2021-02-01T00:00:00.000Z"}', sort: byId },
    ADMIN,
    D,
    ['r1', 'r2', 'r3'],
  ],
  ['createdAt start past the edge', { createdAt: '{"start":"2021-01-01T00:00:00.001Z"}' }, ADMIN, D, ['r2']],
  ['createdAt "" / null / {} mean no filter', { createdAt: '', closedAt: 'null', sort: byId }, ADMIN, D, ['r1', 'r2', 'r3', 'r5']],
  ['createdAt null/empty bounds', { createdAt: '{"start":null,"end":""}', sort: byId }, ADMIN, D, ['r1', 'r2', 'r3', 'r5']],
  ['closedAt: rooms without closedAt never match', { closedAt: '{"end":"2030-01-01"}', sort: byId }, ADMIN, D, ['r2', 'r5']],
  ['tags $in', { tags: ['vip', 'billing'], sort: byId }, ADMIN, D, ['r1', 'r2']],
  ['lone tag (default)', { tags: 'vip' }, ADMIN, D, ['r1']],
  ['queue', { queue: 'q1', sort: byId }, ADMIN, D, ['r1', 'r3']],
  ['empty queue: no filter', { queue: '', sort: byId }, ADMIN, D, ['r1', 'r2', 'r3', 'r5']],
  ['visitorId', { visitorId: 'vis-1', sort: byId }, ADMIN, D, ['r1', 'r3']],
  ['visitorId=undefined: no filter', { visitorId: 'undefined', sort: byId }, ADMIN, D, ['r1', 'r2', 'r3', 'r5']],
  ['direction', { direction: 'outbound' }, ADMIN, D, ['r2']],
  ['roomName metacharacters are literal', { roomName: '(1' }, ADMIN, D, ['r1']],
  ['roomName case-insensitive', { roomName: 'CAFÉ' }, ADMIN, D, ['r2']],
  ['roomName dot is literal', { roomName: 'A.B' }, ADMIN, D, ['r3']],
  ['roomName no match', { roomName: 'a*b' }, ADMIN, D, []],
  ['sort missing first ascending', { sort: '{"servedBy._id":1}' }, ADMIN, D, ['r5', 'r1', 'r2', 'r3']],
  ['sort descending, missing last', { sort: '{"closedAt":-1}' }, ADMIN, D, ['r2', 'r5', 'r1', 'r3']],
  ['sort {} is the default', { sort: '{}' }, ADMIN, D, ['r2', 'r1', 'r3', 'r5']],
  ['multi-key sort', { sort: '{"queue":-1,"ts":1}' }, ADMIN, D, ['r5', 'r2', 'r1', 'r3']],
  ['_id descending', { sort: '{"_id":-1}' }, ADMIN, D, ['r5', 'r3', 'r2', 'r1']],
  ['offset and count', { offset: '1', count: '2' }, ADMIN, D, ['r1', 'r3']],
  ['count 0 in default mode is the default count', { count: '0' }, ADMIN, { mode: 'default', paging: { defaultCount: 1 } }, ['r2']],
  [
    'count 0 with allowInfiniteCount',
    { count: '0' },
    ADMIN,
    { mode: 'default', paging: { defaultCount: 1, allowInfiniteCount: true } },
    ['r2', 'r1', 'r3', 'r5'],
  ],
  [
    'count 0 in rocketchat mode is all',
    { count: '0', open: 'true' },
    ADMIN,
    { mode: 'rocketchat', paging: { defaultCount: 1 } },
    ['r1', 'r3'],
  ],
  ['count capped at maxCount', { count: '50' }, ADMIN, { mode: 'default', paging: { defaultCount: 1, maxCount: 2 } }, ['r2', 'r1']],
  ['absent count is defaultCount', {}, ADMIN, { mode: 'default', paging: { defaultCount: 3 } }, ['r2', 'r1', 'r3']],
  ['count forms ajv coerces', { count: '0x2', offset: ' 1e0' }, ADMIN, D, ['r1', 'r3']],
  ['empty count is absent', { count: '', offset: '' }, ADMIN, { mode: 'default', paging: { defaultCount: 1 } }, ['r2']],
  [
    'rocketchat: Infinity count is the default, Infinity offset is 0',
    { count: 'Infinity', offset: '1e400', open: 'false' },
    ADMIN,
    { mode: 'rocketchat', paging: { defaultCount: 1 } },
    ['r2'],
  ],
  [
    'rocketchat: parseInt of 1e-7 is 1',
    { count: '1e-7', open: 'false' },
    ADMIN,
    { mode: 'rocketchat', paging: { defaultCount: 5 } },
    ['r2'],
  ],
  ['rocketchat: |count| then capped', { count: '-50', open: 'false' }, ADMIN, { mode: 'rocketchat', paging: { maxCount: 1 } }, ['r2']],
  ['rocketchat: negative count is |count|', { count: '-1', open: 'false' }, ADMIN, RC, ['r2']],
  ['rocketchat: fractions truncated', { count: '1.9', offset: '1.5', open: 'false' }, ADMIN, RC, ['r5']],
];

describe('reference: filters, order, paging', () => {
  it.each(SELECTIONS)('%s', (_name, params, principal, options, expected) => {
    expect(ids(ROOMS, params, principal, options)).toEqual(expected);
  });

  it('total counts every match and offset is echoed', () => {
    const result = referenceQueryRooms(ROOMS, { offset: '3', count: '1' }, ADMIN, D);
    expect(result).toMatchObject({ ok: true, page: { count: 1, offset: 3, total: 4 } });
    const beyond = referenceQueryRooms(ROOMS, { offset: '10' }, ADMIN, D);
    expect(beyond).toMatchObject({ ok: true, page: { rooms: [], count: 0, offset: 10, total: 4 } });
  });
});

const project = (fields: string | undefined, options: ReferenceOptions = D): unknown => {
  const params: P = { agents: ['agent-1'], sort: byId, count: '1', open: 'true' };
  if (fields !== undefined) params['fields'] = fields;
  const result = referenceQueryRooms(ROOMS, params, ADMIN, options);
  return result.ok ? result.page.rooms[0] : result;
};

describe('reference: projection', () => {
  it('never returns joinCode/members/importIds/e2e, keeps everything else, Dates stay Dates', () => {
    const room = project(undefined) as Record<string, unknown>;
    expect(Object.keys(room).sort()).toEqual([
      '_id',
      'callStarted',
      'direction',
      'name',
      'open',
      'queue',
      'servedBy',
      't',
      'tags',
      'ts',
      'v',
    ]);
    expect(room['ts']).toBeInstanceOf(Date);
    expect(project(undefined, RC)).toEqual(room);
  });
  it.each([
    ['{"name":1}', { _id: 'r1', name: 'Call (1)' }],
    ['{"_id":0,"name":1}', { name: 'Call (1)' }],
    ['{"_id":1}', { _id: 'r1' }],
    ['{"v.username":1,"v._id":1}', { _id: 'r1', v: { username: 'guest-vis-1', _id: 'vis-1' } }],
    ['{"missing":1,"name.x":1}', { _id: 'r1' }],
    ['{"joinCode":1}', { _id: 'r1' }],
    ['{"_id":0,"e2e.key":1}', {}],
    ['{}', project(undefined)],
  ])('inclusion %s', (fields, expected) => {
    expect(project(fields)).toEqual(expected);
  });
  it('exclusion removes the paths, including dotted ones', () => {
    const room = project('{"_id":0,"v.token":0,"servedBy":0,"missing.x":0}') as Record<string, unknown>;
    expect(Object.keys(room).sort()).toEqual(['callStarted', 'direction', 'name', 'open', 'queue', 't', 'tags', 'ts', 'v']);
    expect(room['v']).toEqual({ _id: 'vis-1', username: 'guest-vis-1', status: 'online' });
  });
  it('returns copies, not the stored objects', () => {
    const room = project(undefined) as Record<string, unknown>;
    expect(room['v']).not.toBe(ROOMS[0]!['v']);
  });
});

describe('referenceCompare', () => {
  it('follows the BSON type order', () => {
    const ascending: unknown[] = [
      undefined,
      null,
      NaN,
      -Infinity,
      -1,
      0,
      2,
      '',
      'B',
      'a',
      'é',
      {},
      { a: 1 },
      { b: 0 },
      { a: 'x' },
      [],
      [null],
      [1],
      [1, 2],
      [2],
      false,
      true,
      new Date(NaN),
      new Date(0),
      new Date(1),
    ];
    for (let i = 0; i < ascending.length; i++) {
      for (let j = 0; j < ascending.length; j++) {
        const expected = i === j || (i <= 1 && j <= 1) ? 0 : Math.sign(i - j);
        expect([i, j, Math.sign(referenceCompare(ascending[i], ascending[j]))]).toEqual([i, j, expected]);
      }
    }
  });
  it('is reflexive', () => {
    fc.assert(fc.property(arbCompareValue, (a) => referenceCompare(a, a) === 0 && referenceCompare(a, structuredClone(a)) === 0));
  });
  it('is antisymmetric', () => {
    fc.assert(
      fc.property(arbCompareValue, arbCompareValue, (a, b) => Math.sign(referenceCompare(a, b)) === -Math.sign(referenceCompare(b, a))),
    );
  });
  it('is transitive', () => {
    fc.assert(
      fc.property(arbCompareValue, arbCompareValue, arbCompareValue, (a, b, c) => {
        if (referenceCompare(a, b) <= 0 && referenceCompare(b, c) <= 0) return referenceCompare(a, c) <= 0;
        return true;
      }),
    );
    fc.assert(
      fc.property(fc.array(arbCompareValue, { maxLength: 8 }), (values) => {
        // Insertion sort: Array.prototype.sort moves undefined to the end without asking the comparator.
        const sorted: unknown[] = [];
        for (const v of values) {
          let at = sorted.length;
          while (at > 0 && referenceCompare(sorted[at - 1], v) > 0) at--;
          sorted.splice(at, 0, v);
        }
        for (let i = 0; i < sorted.length; i++) {
          for (let j = i + 1; j < sorted.length; j++) if (referenceCompare(sorted[i], sorted[j]) > 0) return false;
        }
        return true;
      }),
    );
  });
});
