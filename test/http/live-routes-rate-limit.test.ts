// The rate limit on the live routes, over real HTTP: rooms.stream counts one call per connection attempt,
// rooms.patch one per call, GET rooms (answered by the live routes) its own route; forged tokens spend
// the client address's budget, never the user's. Clients are told apart through a trusted proxy's
// X-Forwarded-For, as they would be behind one.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import {
  createLiveRoutes,
  createRateLimitGuard,
  createRoomsApi,
  serve,
  type LiveRoutes,
  type RateLimitGuard,
} from '../../src/http/index.js';
import { createRoomStore } from '../../src/store/index.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 5 });
const admin = users[0]!;
const rooms = generateRooms({ count: 30, seed: 5 });
const auth = (token = admin.token, client = '198.51.100.1') => ({
  'X-User-Id': admin._id,
  'X-Auth-Token': token,
  'X-Forwarded-For': client,
});

let server: Server | undefined;
let live: LiveRoutes | undefined;

const start = async (guard: RateLimitGuard): Promise<string> => {
  const store = createRoomStore(rooms);
  if (E.isLeft(store)) throw new Error(JSON.stringify(store.left));
  live = rightOf(createLiveRoutes({ store: store.right, users, rateLimit: guard, heartbeatMs: 0 }));
  server = await serve(rightOf(createRoomsApi({ rooms, users, rateLimit: guard })), { port: 0, host: '127.0.0.1', extensions: live });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

afterEach(async () => {
  live?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = undefined;
});

const patch = (base: string, headers: Record<string, string>) =>
  fetch(`${base}/api/v1/voip/rooms.patch`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '[]' });

describe('rate limit on the live routes', () => {
  it('rooms.stream counts one call per connection attempt, with X-RateLimit-* on the stream', async () => {
    const base = await start(createRateLimitGuard({ limit: 2, windowMs: 60_000, trustProxy: 1 }));
    const controller = new AbortController();
    const open = async () => fetch(`${base}/api/v1/voip/rooms.stream?count=1`, { headers: auth(), signal: controller.signal });
    const first = await open();
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/event-stream');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('1');
    expect((await open()).status).toBe(200);
    const third = await open();
    expect(third.status).toBe(429);
    expect(third.headers.get('x-ratelimit-limit')).toBe('2');
    expect(await third.json()).toMatchObject({ success: false, errorType: 'error-too-many-requests' });
    controller.abort();
    // GET rooms is another route with its own count
    expect((await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers: auth() })).status).toBe(200);
  });

  it('rooms.patch counts one per call', async () => {
    const base = await start(createRateLimitGuard({ limit: 2, windowMs: 60_000, trustProxy: 1 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await patch(base, auth())).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it('forged tokens on the live routes spend the address, never the admin', async () => {
    const base = await start(
      createRateLimitGuard({ limit: 5, windowMs: 60_000, failedAuth: { limit: 2, windowMs: 60_000 }, trustProxy: 1 }),
    );
    const attacker = '203.0.113.66';
    const forged = [];
    for (let i = 0; i < 3; i++) forged.push((await patch(base, auth(`made-up-${i}`, attacker))).status);
    for (let i = 0; i < 3; i++)
      forged.push((await fetch(`${base}/api/v1/voip/rooms.stream`, { headers: auth(`made-up-${i}`, attacker) })).status);
    expect(forged).toEqual([401, 401, 429, 401, 401, 429]);
    const real = await patch(base, auth());
    expect(real.status).toBe(200);
    expect(real.headers.get('x-ratelimit-remaining')).toBe('4');
  });
});
