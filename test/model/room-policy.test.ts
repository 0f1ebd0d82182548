// One room policy wherever rooms enter: the same rocketchat_room export (a call room, a livechat room, a
// room with no type) is accepted by the store, the API, the fixture server and the loader, and every one of
// them answers GET voip/rooms with the call room only. A broken call room is refused by each.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/index.js';
import { createRoomsApi } from '../../src/http/index.js';
import { admitRoom, admitRooms, queryRooms, type Room } from '../../src/index.js';
import { loadRooms } from '../../src/load/index.js';
import { createRoomStore } from '../../src/store/index.js';
import { startFixtureServer } from '../../src/testing/index.js';

const [call] = generateRooms({ count: 1, seed: 5 }) as [Room];
const exported: ReadonlyArray<Room> = [call, { _id: 'livechat-1', t: 'l', ts: new Date(0), name: 'a livechat room' }, { _id: 'direct-1' }];
const admin = { _id: 'u1', username: 'boss', roles: ['admin'], token: 't1' };
const textOf = (rooms: ReadonlyArray<unknown>) =>
  (async function* () {
    yield rooms.map((r) => JSON.stringify(r)).join('\n');
  })();
const totalOf = (page: E.Either<unknown, { total: number }>): number => (E.isRight(page) ? page.right.total : -1);

describe('the room policy', () => {
  it('admits every room type, validates only call rooms', () => {
    expect(E.isRight(admitRooms(exported))).toBe(true);
    expect(admitRoom({ _id: 'v1', t: 'v' })).toEqual(E.left(expect.arrayContaining([expect.stringContaining('/name')])));
    expect(E.isLeft(admitRoom({ t: 'l' }))).toBe(true);
    expect(E.isLeft(admitRoom('room'))).toBe(true);
  });

  it('the store, the API, the fixture server and the loader take the same export and match the call room only', async () => {
    const store = createRoomStore(exported);
    expect(E.isRight(store) && store.right.size).toBe(3);
    if (E.isRight(store)) expect(totalOf(queryRooms(store.right.snapshot(), '', admin))).toBe(1);

    const api = createRoomsApi({ rooms: exported, users: [admin] });
    const res = E.isRight(api)
      ? api.right.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': 'u1', 'x-auth-token': 't1' } })
      : undefined;
    expect(res?.body).toMatchObject({ total: 1 });

    const server = await startFixtureServer({ rooms: JSON.parse(JSON.stringify(exported)) as unknown[], users: [admin] });
    try {
      const page = (await (await fetch(server.roomsUrl, { headers: server.users['boss']!.headers })).json()) as { total: number };
      expect(page.total).toBe(1);
      expect(server.store.size).toBe(3);
    } finally {
      await server.close();
    }

    const loaded = await loadRooms(textOf(exported));
    expect(E.isRight(loaded) && loaded.right.length).toBe(3);
  });

  it('a broken call room is refused by each', async () => {
    const broken = [...exported, { _id: 'v-bad', t: 'v' }];
    expect(E.isLeft(createRoomStore(broken))).toBe(true);
    expect((await startFixtureServer({ rooms: broken }).catch((e: Error) => e)) instanceof Error).toBe(true);
    const loaded = await loadRooms(textOf(broken));
    expect(E.isLeft(loaded)).toBe(true);
  });
});
