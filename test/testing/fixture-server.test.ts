// room-query/testing: the fixture server a service's suite starts — users, answers, store, bad options.
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { startFixtureServer, tryStartFixtureServer, type DemoUsername, type FixtureServer } from '../../src/testing/index.js';

type Page = { rooms: Array<Record<string, unknown>>; count: number; total: number; success: boolean };

describe('startFixtureServer', () => {
  let server: FixtureServer<DemoUsername>;
  const get = async (params: string, user: DemoUsername = 'admin') => {
    const res = await fetch(`${server.roomsUrl}?${params}`, { headers: server.users[user].headers });
    return { status: res.status, body: (await res.json()) as Page };
  };

  beforeAll(async () => {
    server = await startFixtureServer({ rooms: 120, seed: 11 });
  });
  afterAll(() => server.close());

  it('listens on loopback with the demo users and their tokens', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.roomsUrl).toBe(`${server.url}/api/v1/voip/rooms`);
    expect(Object.keys(server.users)).toEqual(['admin', 'manager', 'agent.alice', 'agent.bob', 'user.carol', 'monitor']);
    expect(server.users.admin.headers).toEqual({ 'X-User-Id': server.users.admin._id, 'X-Auth-Token': server.users.admin.token });
    expect(await get('count=5')).toMatchObject({ status: 200, body: { count: 5, total: 120, success: true } });
  });

  it('scopes agents and refuses users without permission, as Rocket.Chat does', async () => {
    const alice = server.users['agent.alice'];
    const own = await get(`agents[]=${alice._id}&count=0`, 'agent.alice');
    expect(own.status).toBe(200);
    for (const room of own.body.rooms) expect(room['servedBy']).toMatchObject({ _id: alice._id });
    expect((await get('count=1', 'agent.alice')).status).toBe(403);
    expect((await get('count=1', 'user.carol')).status).toBe(403);
    expect((await fetch(server.roomsUrl)).status).toBe(401);
  });

  it('answers from the store as soon as it changes', async () => {
    const [extra] = generateRooms({ count: 1, seed: 999 });
    expect(E.isRight(server.store.insert({ ...extra, name: 'Zed Newcaller' }))).toBe(true);
    expect((await get('roomName=newcaller')).body.total).toBe(1);
    const id = String(extra?.['_id']);
    const closed = server.store.update(id, (room) => ({ ...room, open: undefined, closedAt: new Date('2024-01-01T00:00:00Z') }));
    expect(E.isRight(closed)).toBe(true);
    expect((await get('roomName=newcaller&open=true')).body.total).toBe(0);
    expect(server.store.remove(id)).toBe(true);
    expect(server.store.remove(id)).toBe(false);
    expect((await get('count=1')).body.total).toBe(120);
    expect(E.isRight(server.store.reset([]))).toBe(true);
    expect((await get('count=1')).body.total).toBe(0);
    expect(E.isRight(server.store.reset())).toBe(true);
    expect(server.store.rooms()).toHaveLength(120);
  });

  it('is a façade over room-query/store: JSON Patches from the test or over HTTP, and the live routes', async () => {
    const open = (await get('open=true&count=0')).body.total;
    const [target] = (await get('open=true&count=1')).body.rooms;
    const id = String(target?.['_id']);
    // rooms.stream: the live page, as server-sent events
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/api/v1/voip/rooms.stream?open=true&count=1`, {
      headers: server.users.admin.headers,
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toBe('text/event-stream');
    controller.abort();
    // a patch over HTTP (admin only)
    const patch = (body: unknown, user: DemoUsername) =>
      fetch(`${server.url}/api/v1/voip/rooms.patch`, {
        method: 'POST',
        headers: { ...server.users[user].headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await patch([{ op: 'remove', path: `/${id}/open` }], 'manager')).status).toBe(403);
    expect((await patch([{ op: 'remove', path: `/${id}/open` }], 'admin')).status).toBe(200);
    expect((await get('open=true&count=0')).body.total).toBe(open - 1);
    // the same through the store itself
    expect(E.isRight(server.store.apply([{ op: 'add', path: `/${id}/open`, value: true }]))).toBe(true);
    expect((await get('open=true&count=0')).body.total).toBe(open);
  });

  it('holds rooms of any type (only call rooms are matched), refuses a broken call room with the reason', async () => {
    expect(server.store.insert({ _id: 'x', t: 'v' })).toEqual(
      E.left(expect.stringContaining('room 0 is not a call room: /name: expected string')),
    );
    const before = (await get('count=1')).body.total;
    expect(E.isRight(server.store.insert({ _id: 'livechat-1', t: 'l', name: 'a livechat room' }))).toBe(true);
    expect((await get('count=1')).body.total).toBe(before);
    expect(server.store.remove('livechat-1')).toBe(true);
    const first = server.store.rooms()[0]!;
    expect(server.store.insert(first)).toEqual(E.left(expect.stringContaining('duplicate _id')));
    expect(server.store.update('nope', (r) => r)).toEqual(E.left('no room with _id "nope"'));
    expect(server.store.update(String(first['_id']), (r) => ({ ...r, _id: 'other' }))).toEqual(
      E.left(expect.stringContaining('must keep _id')),
    );
  });
});

describe('fixture server options', () => {
  it('serves given rooms (ISO dates) to given users, in rocketchat mode', async () => {
    const rooms = JSON.parse(JSON.stringify(generateRooms({ count: 7, seed: 2 }))) as unknown[];
    const server = await startFixtureServer({
      rooms,
      users: [{ _id: 'u1', username: 'boss', roles: ['admin'], token: 't1' }],
      mode: 'rocketchat',
    });
    try {
      // rocketchat mode reproduces upstream's quirk: no `open` parameter means closed rooms only
      const res = await fetch(server.roomsUrl, { headers: server.users['boss']!.headers });
      const body = (await res.json()) as Page;
      expect(body.total).toBe(rooms.filter((r) => (r as { open?: boolean }).open !== true).length);
    } finally {
      await server.close();
      await server.close(); // closing twice is harmless
    }
  });

  it("takes queryRooms' options, limits included", async () => {
    const server = await startFixtureServer({ rooms: 5, limits: { maxListLength: 1 } });
    try {
      const res = await fetch(`${server.roomsUrl}?tags[]=a&tags[]=b`, { headers: server.users.admin.headers });
      expect(res.status).toBe(400);
      expect((await fetch(`${server.roomsUrl}?tags[]=a`, { headers: server.users.admin.headers })).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it.each([
    [{ rooms: -1 }, 'rooms must be an integer from 0'],
    [{ rooms: [{ _id: 'r', t: 'v' }] }, 'invalid rooms: /0/name'],
    [{ rooms: [{ t: 'l' }] }, 'invalid rooms: /0/_id'],
    [{ seed: 1.5 }, 'seed must be a safe integer'],
    [{ mode: 'mongo' }, 'option mode must be'],
    [{ port: 70_000 }, 'port must be an integer'],
    [{ users: [{ _id: 'a', username: 'a', roles: [] }] }, 'option users.0.token must be'],
    [
      {
        users: [
          { _id: 'a', username: 'a', roles: [], token: 'x' },
          { _id: 'a', username: 'b', roles: [], token: 'y' },
        ],
      },
      'duplicate _id "a"',
    ],
  ])('%j is a clear Left, and a clear rejection', async (options, message) => {
    const started = await tryStartFixtureServer(options as never);
    expect(started).toEqual(E.left({ message: expect.stringContaining(message) }));
    await expect(startFixtureServer(options as never)).rejects.toThrow(message);
  });

  it('a taken port is a Left, not a crash', async () => {
    const server = await startFixtureServer({ rooms: 0 });
    try {
      const port = Number(new URL(server.url).port);
      expect(await tryStartFixtureServer({ port })).toEqual(E.left({ message: expect.stringContaining('EADDRINUSE') }));
    } finally {
      await server.close();
    }
  });
});
