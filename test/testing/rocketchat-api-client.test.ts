// Rocket.Chat's own REST client (@rocket.chat/api-client) against the fixture server: what a service
// built on the official client sees — filters, paging, sort, and the 401 / 403 / 400 answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type DemoUsername, type FixtureServer } from '../../src/testing/index.js';
import { failure, roomsVia } from './api-client.js';

let server: FixtureServer<DemoUsername>;
beforeAll(async () => {
  server = await startFixtureServer({ rooms: 300, seed: 17 });
});
afterAll(() => server.close());

const rooms = roomsVia(() => server, '/v1/voip/rooms');

describe('@rocket.chat/api-client against the fixture server', () => {
  it('pages through every room with offset and count, in the requested order', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 300; offset += 100) {
      const page = await rooms('admin', { offset, count: 100, sort: JSON.stringify({ queue: 1, ts: -1 }) });
      expect(page).toMatchObject({ offset, count: 100, total: 300, success: true });
      seen.push(...page.rooms.map((r) => String(r['_id'])));
      const queues = page.rooms.map((r) => String(r['queue']));
      expect(queues).toEqual([...queues].sort());
    }
    expect(new Set(seen).size).toBe(300);
  });

  it('filters: open, queue, direction, tags, roomName, createdAt', async () => {
    const page = await rooms('manager', {
      open: 'false',
      queue: '8002',
      direction: 'inbound',
      tags: ['vip', 'sales'],
      createdAt: JSON.stringify({ start: '2023-03-01T00:00:00Z', end: '2023-12-31T23:59:59Z' }),
      count: 100,
    });
    expect(page.total).toBeGreaterThan(0);
    for (const room of page.rooms) {
      expect(room).toMatchObject({ queue: '8002', direction: 'inbound' });
      expect(room['open']).toBeUndefined();
      expect((room['tags'] as string[]).some((t) => t === 'vip' || t === 'sales')).toBe(true);
      expect(String(room['ts']) >= '2023-03-01').toBe(true);
    }
    const [first] = (await rooms('admin', { count: 1 })).rooms;
    const needle = String(first?.['name']).trim().slice(0, 4);
    const named = await rooms('admin', { roomName: needle.toUpperCase(), count: 100 });
    expect(named.total).toBeGreaterThan(0);
    for (const room of named.rooms) expect(String(room['name']).toLowerCase()).toContain(needle.toLowerCase());
  });

  it("an agent gets exactly its own rooms with agents[] = its id (the client's bracket arrays)", async () => {
    const alice = server.users['agent.alice'];
    const page = await rooms('agent.alice', { agents: [alice._id], count: 100 });
    expect(page.total).toBeGreaterThan(0);
    for (const room of page.rooms) expect(room['servedBy']).toMatchObject({ _id: alice._id });
  });

  it('401 without credentials, 403 for another agent or no permission, 400 for bad params', async () => {
    expect(await failure(rooms(undefined, {}))).toEqual({
      status: 401,
      body: { status: 'error', message: 'You must be logged in to do this.' },
    });
    const bob = server.users['agent.bob'];
    expect(await failure(rooms('agent.alice', { agents: [bob._id] }))).toEqual({
      status: 403,
      body: { success: false, error: 'unauthorized' },
    });
    expect((await failure(rooms('user.carol', {}))).status).toBe(403);
    expect(await failure(rooms('admin', { count: 'many' }))).toEqual({
      status: 400,
      body: { success: false, error: 'must be number [invalid-params]', errorType: 'invalid-params' },
    });
    expect((await failure(rooms('admin', { sort: '{"ts":2}' }))).body).toMatchObject({ errorType: 'error-invalid-sort' });
  });
});
