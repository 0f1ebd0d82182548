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
import type { Room } from '../../../src/model/room.js';
import { queryLivechatRoomsMongo, toLivechatMongoQuery } from '../../../src/mongo/index.js';
import type { Mode } from '../../../src/options.js';
import { queryLivechatRooms } from '../../../src/query-rooms.js';
import { Projection } from '../../../src/query/projection.js';
import { parseLivechatParams } from '../../../src/request/livechat/parse-livechat-params.js';
import {
  arbLivechatParams as arbParams,
  arbLivechatRooms as arbRooms,
  LIVECHAT_PRINCIPALS as PRINCIPALS,
  omnichannel,
} from '../../support/livechat-arbitraries.js';
import { oracleConfig } from '../../support/oracle-config.js';
import { mingoCollection } from '../mingo-collection.js';
import { runWithMingo } from '../mingo-oracle.js';

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
