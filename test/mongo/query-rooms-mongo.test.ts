// queryRoomsMongo against a mingo-backed collection (no MongoDB server can be installed here): the calls
// it makes, and the page it returns, which must be queryRooms' page over the same rooms.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRooms, type Principal, type QueryOptions, type Room } from '../../src/index.js';
import { queryRoomsMongo } from '../../src/mongo/index.js';
import { arbOptions, arbPrincipal, arbValidParams, paramsForAgent, type Mode } from '../arbitraries/index.js';
import { oracleConfig } from '../support/oracle-config.js';
import { admin, alice, plainUser, sampleRooms } from '../support/fixture-rooms.js';
import { mingoCollection } from './mingo-collection.js';
import { arbMongoRooms, arbSafeSortJson } from './mongo-rooms.js';

const HIDE = { joinCode: 0, members: 0, importIds: 0, e2e: 0 };

describe('queryRoomsMongo', () => {
  it('issues find(filter, {projection}).sort(pairs).skip().limit().toArray() and countDocuments(filter)', async () => {
    const collection = mingoCollection(sampleRooms);
    const page = await queryRoomsMongo(collection, 'open=true&count=1&offset=1', admin);
    expect(collection.calls).toStrictEqual([
      { method: 'find', filter: { t: 'v', open: { $exists: true } }, options: { projection: HIDE } },
      {
        method: 'sort',
        sort: [
          ['ts', -1],
          ['_id', 1],
        ],
      },
      { method: 'skip', value: 1 },
      { method: 'limit', value: 1 },
      { method: 'toArray' },
      { method: 'countDocuments', filter: { t: 'v', open: { $exists: true } } },
    ]);
    expect(page).toStrictEqual(queryRooms(sampleRooms, 'open=true&count=1&offset=1', admin));
    expect(E.isRight(page) && page.right.rooms.map((r) => r['_id'])).toEqual(['r1']);
    expect(E.isRight(page) && page.right.total).toBe(3); // r1, r4 and 'odd' (open: false is present)
  });

  it('answers 400/403 as Left without touching the collection', async () => {
    const collection = mingoCollection(sampleRooms);
    expect(await queryRoomsMongo(collection, 'count=abc', admin)).toStrictEqual(queryRooms(sampleRooms, 'count=abc', admin));
    expect(await queryRoomsMongo(collection, '', plainUser)).toStrictEqual(queryRooms(sampleRooms, '', plainUser));
    expect(await queryRoomsMongo(collection, 'agents[]=someone-else', alice)).toStrictEqual(
      E.left(expect.objectContaining({ status: 403 })),
    );
    expect(collection.calls).toEqual([]);
  });

  it('returns what queryRooms returns where MongoDB would add empty parents (v: {}) to an inclusion', async () => {
    const rooms: Room[] = [{ _id: 'x', t: 'v', ts: new Date(1), v: { _id: 'vis' } }];
    const page = await queryRoomsMongo(mingoCollection(rooms), 'fields={"v.username":1}', admin);
    expect(page).toStrictEqual(E.right({ rooms: [{ _id: 'x' }], count: 1, offset: 0, total: 1 }));
  });

  it('returns deep-frozen rooms, like queryRooms', async () => {
    const page = await queryRoomsMongo(mingoCollection(sampleRooms), '', admin);
    if (E.isLeft(page)) throw new Error('expected a page');
    expect(page.right.rooms.length).toBeGreaterThan(0);
    for (const room of page.right.rooms) {
      expect(Object.isFrozen(room)).toBe(true);
      expect(Object.isFrozen(room['v'])).toBe(true);
    }
  });

  it('passes limit 0 (no limit) for count=0 where infinite count is allowed', async () => {
    const collection = mingoCollection(sampleRooms);
    const page = await queryRoomsMongo(collection, 'count=0&open=false', admin, { mode: 'rocketchat' });
    expect(collection.calls).toContainEqual({ method: 'limit', value: 0 });
    expect(page).toStrictEqual(queryRooms(sampleRooms, 'count=0&open=false', admin, { mode: 'rocketchat' }));
  });

  it('rejects when the driver does (infrastructure errors are not API answers)', async () => {
    const broken = { ...mingoCollection(sampleRooms), countDocuments: () => Promise.reject(new Error('connection reset')) };
    await expect(queryRoomsMongo(broken, '', admin)).rejects.toThrow('connection reset');
  });

  it.each(['default', 'rocketchat'] as const)(
    '%s mode: the same page as queryRooms for arbitrary rooms and requests',
    async (mode: Mode) => {
      const arb = fc
        .tuple(arbMongoRooms(12), arbPrincipal, arbOptions(mode))
        .filter(([rooms]) => !rooms.some((r) => Array.isArray(r['servedBy'])))
        .chain(([rooms, principal, options]) =>
          fc
            .tuple(fc.oneof(arbValidParams(mode), paramsForAgent(principal, mode)), arbSafeSortJson(rooms))
            .map(([{ sort: _s, ...params }, sort]) => ({
              rooms,
              principal,
              options,
              params: sort === undefined ? params : { ...params, sort },
            })),
        );
      await fc.assert(
        fc.asyncProperty(arb, async ({ rooms, principal, options, params }) => {
          const viaMongo = await queryRoomsMongo(mingoCollection(rooms), params, principal as Principal, options as QueryOptions);
          expect(viaMongo).toStrictEqual(queryRooms(rooms, params, principal, options as QueryOptions));
        }),
        { ...oracleConfig(300) },
      );
    },
  );
});
