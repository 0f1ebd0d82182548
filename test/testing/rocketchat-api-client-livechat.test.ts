// Rocket.Chat's own REST client (@rocket.chat/api-client) calling GET /api/v1/livechat/rooms on the fixture
// server: what a service built on the official client sees — statuses, departments, custom fields, the
// Enterprise monitor scope, and the 401 / 403 / 400 answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type DemoUsername, type FixtureServer } from '../../src/testing/index.js';
import { failure, roomsVia, type Page } from './api-client.js';

let server: FixtureServer<DemoUsername>;
beforeAll(async () => {
  server = await startFixtureServer({ rooms: 50, livechatRooms: 300, seed: 23 });
});
afterAll(() => server.close());

const rooms = roomsVia(() => server, '/v1/livechat/rooms');

describe('@rocket.chat/api-client calling livechat/rooms', () => {
  it('pages through every livechat room (call rooms never match), each with its department', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 300; offset += 100) {
      const page = await rooms('admin', { offset, count: 100 });
      expect(page).toMatchObject({ offset, count: 100, total: 300, success: true });
      for (const room of page.rooms) {
        expect(room['t']).toBe('l');
        if (typeof room['departmentId'] === 'string') expect(room['department']).toMatchObject({ _id: room['departmentId'] });
      }
      seen.push(...page.rooms.map((r) => String(r['_id'])));
    }
    expect(new Set(seen).size).toBe(300);
  });

  it('statuses: queued, on hold and open are disjoint, as the Current Chats filters are', async () => {
    const queued = await rooms('manager', { queued: 'true', count: 100 });
    const onHold = await rooms('manager', { onhold: 'true', count: 100 });
    const open = await rooms('manager', { open: 'true', count: 100 });
    expect(queued.total).toBeGreaterThan(0);
    expect(onHold.total).toBeGreaterThan(0);
    for (const room of queued.rooms) expect(room['servedBy']).toBeUndefined();
    for (const room of onHold.rooms) expect(room['onHold']).toBe(true);
    for (const room of open.rooms) expect(room).toMatchObject({ open: true, servedBy: expect.any(Object) });
    const ids = (p: Page) => new Set(p.rooms.map((r) => r['_id']));
    for (const id of ids(queued)) expect(ids(onHold).has(id) || ids(open).has(id)).toBe(false);
  });

  it('customFields, departmentId lists and the monitor scope', async () => {
    const gold = await rooms('admin', { customFields: JSON.stringify({ plan: '^gold$' }), count: 100 });
    expect(gold.total).toBeGreaterThan(0);
    for (const room of gold.rooms) expect(String((room['livechatData'] as { plan?: unknown }).plan).toLowerCase()).toBe('gold');
    const [first] = (await rooms('admin', { count: 1, sort: JSON.stringify({ departmentId: -1 }) })).rooms;
    const department = String(first?.['departmentId']);
    const inDepartment = await rooms('admin', { departmentId: [department], count: 100 });
    for (const room of inDepartment.rooms) expect(room['departmentId']).toBe(department);
    const all = await rooms('admin', { count: 1 });
    const monitored = await rooms('monitor', { count: 100, customFields: JSON.stringify({ plan: '.' }) });
    expect(monitored.total).toBeGreaterThan(0);
    expect(monitored.total).toBeLessThan(all.total);
    for (const room of monitored.rooms) expect(room['departmentAncestors']).toEqual(expect.any(Array));
  });

  it('an agent gets its own chats with agents[] = its id; 401, 403 and 400 as Rocket.Chat answers', async () => {
    const alice = server.users['agent.alice'];
    const own = await rooms('agent.alice', { agents: [alice._id], count: 100 });
    expect(own.total).toBeGreaterThan(0);
    for (const room of own.rooms) expect(room['servedBy']).toMatchObject({ _id: alice._id });
    expect(await failure(rooms(undefined, {}))).toEqual({
      status: 401,
      body: { status: 'error', message: 'You must be logged in to do this.' },
    });
    expect(await failure(rooms('agent.alice', {}))).toEqual({ status: 403, body: { success: false, error: 'unauthorized' } });
    expect(await failure(rooms('admin', { customFields: JSON.stringify({ plan: '(' }) }))).toEqual({
      status: 400,
      body: { success: false, error: 'Invalid regular expression: /(/i: Unterminated group' },
    });
    expect((await failure(rooms('admin', { customFields: JSON.stringify({ plan: '(a)\\1' }) }))).body).toMatchObject({
      errorType: 'error-invalid-regex',
    });
  });
});
