// The MongoDB form of livechat/rooms ≡ the engine, with mingo standing in for MongoDB: for generated
// livechat rooms (odd values included) × principals (admin, agent, EE monitor) × parameters × both
// modes, mingo running toLivechatMongoQuery's query finds the same rooms in the same order, and its
// count equals `total`; queryLivechatRoomsMongo over a mingo collection answers the same page.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeLivechatQuery } from '../../../src/auth/livechat/scope-livechat-query.js';
import { compileQuery } from '../../../src/compile/compile-query.js';
import { runQuery } from '../../../src/exec/run-query.js';
import type { Omnichannel } from '../../../src/model/omnichannel.js';
import type { Room } from '../../../src/model/room.js';
import { queryLivechatRoomsMongo, toLivechatMongoQuery } from '../../../src/mongo/index.js';
import type { Mode } from '../../../src/options.js';
import { queryLivechatRooms } from '../../../src/query-livechat-rooms.js';
import { Projection } from '../../../src/query/projection.js';
import { parseLivechatParams } from '../../../src/request/livechat/parse-livechat-params.js';
import { oracleConfig } from '../../support/oracle-config.js';
import { mingoCollection } from '../mingo-collection.js';
import { runWithMingo } from '../mingo-oracle.js';

const omnichannel: Omnichannel = {
  departments: [{ _id: 'd1', name: 'Sales', ancestors: ['u1'] }, { _id: 'd2', name: 'Support', ancestors: ['u2'] }, { _id: 'd3', name: 'Onboarding' }],
  units: [{ _id: 'u1', name: 'North' }, { _id: 'u2', name: 'South' }],
  unitMonitors: [{ monitorId: 'm1', unitId: 'u1' }],
  departmentAgents: [{ agentId: 'm1', departmentId: 'd3' }],
};

const PRINCIPALS = [
  { _id: 'x', username: 'admin', roles: ['admin'] },
  { _id: 'a1', username: 'alice', roles: ['livechat-agent'] },
  { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] },
];

const odd = fc.constantFrom<unknown>(null, '', 5, true, false, [], ['l'], {});
const arbRoom = fc.record(
  {
    t: fc.constantFrom<unknown>('l', 'l', 'l', 'l', 'v', ['l'], 'L'),
    fname: fc.oneof(fc.constantFrom('Mary Ann', 'mary', 'Bob', 'ANN', '"Mary"', 'a.b'), odd),
    ts: fc.integer({ min: 0, max: 6 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))),
    open: fc.constantFrom<unknown>(undefined, true, true, [true], false),
    onHold: fc.constantFrom<unknown>(undefined, true, false, [true]),
    servedBy: fc.oneof(fc.record({ _id: fc.constantFrom('a1', 'a2', 'm1'), username: fc.constantFrom('alice', 'a1', 'bob') }), odd),
    departmentId: fc.oneof(fc.constantFrom('d1', 'd2', 'd3', 'dx', 'undefined'), fc.array(fc.constantFrom('d1', 'd2'), { maxLength: 2 }), odd),
    departmentAncestors: fc.oneof(fc.array(fc.constantFrom('u1', 'u2', 'd3'), { maxLength: 2 }), odd),
    tags: fc.oneof(fc.array(fc.constantFrom('vip', 'sales'), { maxLength: 2 }), fc.constant('vip'), odd),
    closedAt: fc.oneof(fc.integer({ min: 0, max: 6 }).map((d) => new Date(Date.UTC(2024, 0, 2 + d))), odd),
    livechatData: fc.oneof(
      fc.record({ plan: fc.oneof(fc.constantFrom('Gold', 'gold plan', 'free', 'ENTERPRISE', 'a1c'), fc.array(fc.constantFrom('gold', 'x'), { maxLength: 2 }), odd) }, { requiredKeys: [] }),
      odd,
    ),
  },
  { requiredKeys: ['t', 'ts'] },
);

const arbRooms = fc.array(arbRoom, { maxLength: 14 }).map((rooms) => rooms.map((r, i): Room => ({ _id: `r${String(i).padStart(2, '0')}`, ...r })));

// Patterns read the same by JavaScript (mingo), RE2 and PCRE.
const PARAMS: Record<string, fc.Arbitrary<unknown>> = {
  agents: fc.array(fc.constantFrom('a1', 'alice', 'm1'), { minLength: 1, maxLength: 2 }),
  roomName: fc.constantFrom('mary', 'ANN', '"Mary Ann"', '"mary"', 'a.b', '"'),
  departmentId: fc.oneof(fc.constantFrom('d1', 'd2', 'undefined', ''), fc.array(fc.constantFrom('d1', 'd3', ''), { minLength: 1, maxLength: 2 })),
  open: fc.constantFrom('true', 'false', 'x'),
  onhold: fc.constantFrom('true', '1', 'no'),
  queued: fc.constantFrom('t', 'false'),
  createdAt: fc.constantFrom('{"start":"2024-01-03"}', '{"end":"2024-01-04T00:00:00Z"}', '{}', '5', 'null'),
  closedAt: fc.constantFrom('{"start":"2024-01-05"}', '{}'),
  tags: fc.array(fc.constantFrom('vip', 'sales'), { minLength: 1, maxLength: 2 }),
  customFields: fc.constantFrom('{"plan":"^gold"}', '{"plan":"a.c"}', '{"plan":"PLAN$"}', '{"plan":"gold|free"}', '{"plan":"[0-9]"}', '{}'),
  units: fc.array(fc.constantFrom('u1', 'u2'), { minLength: 1, maxLength: 2 }),
  sort: fc.constantFrom('{"fname":1}', '{"ts":1}', '{"departmentId":-1,"ts":1}', '{}'),
  count: fc.constantFrom('2', '5'),
  offset: fc.constantFrom('0', '1', '3'),
};

const arbParams = (mode: Mode) =>
  fc
    .subarray(Object.keys(PARAMS).filter((k) => mode === 'default' || k !== 'units'), { maxLength: 3 })
    .chain((keys) => fc.tuple(...keys.map((k) => (PARAMS[k] as fc.Arbitrary<unknown>).map((v) => [k, v] as const))))
    .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);

/** MongoDB and mingo order array sort keys their own ways (docs/mongo.md): such sorts stay out of the domain. */
const sortsOnArrays = (rooms: ReadonlyArray<Room>, params: Record<string, unknown>): boolean => {
  const keys = typeof params['sort'] === 'string' ? Object.keys(JSON.parse(params['sort']) as object) : ['ts'];
  return rooms.some((room) => keys.some((k) => Array.isArray(room[k])));
};

const arbCase = (mode: Mode) =>
  fc.record({
    rooms: arbRooms,
    principal: fc.constantFrom(...PRINCIPALS),
    params: arbParams(mode),
    agentsSelf: fc.boolean(),
  });

describe('livechat MongoDB form ≡ engine, with mingo as MongoDB', () => {
  it.each(['default', 'rocketchat'] as const)('%s mode: same rooms, order and total', async (mode) => {
    let checked = 0;
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(arbCase(mode), async ({ rooms, principal, params, agentsSelf }) => {
        const request = principal._id === 'a1' && agentsSelf ? { ...params, agents: ['a1'] } : params;
        fc.pre(!sortsOnArrays(rooms, request));
        const options = { mode, omnichannel };
        const parsed = parseLivechatParams(request, options);
        const scoped = E.chain((q: Parameters<typeof scopeLivechatQuery>[0]) => scopeLivechatQuery(q, principal, options))(parsed);
        fc.pre(E.isRight(scoped));
        if (E.isLeft(scoped)) return;
        const mongo = toLivechatMongoQuery(scoped.right);
        const ours = runQuery(compileQuery({ ...scoped.right, projection: Projection.all() }), rooms);
        const theirs = runWithMingo(rooms, mongo, { _id: 1 });
        expect(theirs.docs.map((d) => d['_id'])).toStrictEqual(ours.rooms.map((r) => r['_id']));
        expect(theirs.total).toBe(ours.total);
        // The whole adapter: same page as in memory (projection, departments attached).
        const viaDriver = await queryLivechatRoomsMongo(mingoCollection(rooms), request, principal, options);
        expect(viaDriver).toStrictEqual(queryLivechatRooms(rooms, request, principal, options));
        checked++;
        if (ours.total > 0) nonEmpty++;
      }),
      oracleConfig(500),
    );
    expect(checked).toBeGreaterThan(100);
    expect(nonEmpty).toBeGreaterThan(50);
  });
});
