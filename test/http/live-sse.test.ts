// The SSE conventions of rooms.stream over real HTTP: `retry:` first, `id:` = store version, resuming
// with Last-Event-ID (missed patches while held, else a fresh page), a slow consumer ended with a last
// `close` event, a per-user cap on open streams (429, Rocket.Chat's rate-limit body), and rooms.patch
// authorised by a permission, not a role name.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createRoomsApi } from '../../src/http/index.js';
import { ApiErrors } from '../../src/errors.js';
import { createLiveRoutes, PATCH_ROOMS_PERMISSION, serve, type LiveRoutes, type LiveRoutesOptions } from '../../src/http/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import { reader } from '../support/sse-reader.js';

const users = generateUsers({ seed: 9 });
const [admin, manager, alice] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
const rooms = generateRooms({ count: 120, seed: 9 });
const auth = (u: { _id: string; token: string }) => ({ 'X-User-Id': u._id, 'X-Auth-Token': u.token });

interface Running {
  server: Server;
  base: string;
  store: RoomStore;
  live: LiveRoutes;
}
let running: Running | undefined;

const start = async (options: Partial<LiveRoutesOptions> = {}): Promise<Running> => {
  const created = createRoomStore(rooms);
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  const store = created.right;
  const routes = createLiveRoutes({ store, users, ...options });
  const api = createRoomsApi({ rooms, users });
  if (E.isLeft(routes) || E.isLeft(api)) throw new Error('config');
  const live = routes.right;
  const server = await serve(api.right, { port: 0, host: '127.0.0.1', extensions: live });
  running = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store, live };
  return running;
};
afterEach(async () => {
  if (running === undefined) return;
  const { server } = running;
  running = undefined;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (base: string, who: typeof admin, ops: unknown) =>
  fetch(`${base}/api/v1/voip/rooms.patch`, {
    method: 'POST',
    headers: { ...auth(who), 'content-type': 'application/json' },
    body: JSON.stringify(ops),
  });

describe('rooms.stream SSE conventions', () => {
  it('advertises retry, labels events with the store version, and resumes from Last-Event-ID', async () => {
    const { base } = await start({ hub: { lingerMs: 60_000 } });
    const url = `${base}/api/v1/voip/rooms.stream?count=3`;
    const first = await fetch(url, { headers: auth(admin) });
    const next = reader(first.body!);
    expect(await next()).toEqual({ event: 'message', retry: '2000' });
    const page = await next();
    expect(page).toMatchObject({ event: 'page', id: '0' });
    let copy = page!.data as { rooms: Array<{ _id: string }> };
    await next.cancel(); // the connection drops
    const top = copy.rooms[0]!._id;
    expect((await post(base, admin, [{ op: 'replace', path: `/${top}/queue`, value: 'resumed-1' }])).status).toBe(200);
    expect((await post(base, admin, [{ op: 'replace', path: `/${top}/queue`, value: 'resumed-2' }])).status).toBe(200);

    const again = await fetch(url, { headers: { ...auth(admin), 'Last-Event-ID': '0' } });
    const more = reader(again.body!);
    expect((await more())?.retry).toBe('2000');
    const missed = [await more(), await more()];
    expect(missed.map((e) => [e?.event, e?.id])).toEqual([
      ['patch', '1'],
      ['patch', '2'],
    ]);
    for (const e of missed) copy = jsonpatch.applyPatch(copy, e!.data as jsonpatch.Operation[]).newDocument;
    const now = await (await fetch(`${base}/api/v1/voip/rooms?count=3`, { headers: auth(admin) })).json();
    expect({ ...copy, success: true }).toEqual(now);
    await more.cancel();

    const unknown = await fetch(url, { headers: { ...auth(admin), 'Last-Event-ID': 'not-a-version' } });
    const fresh = reader(unknown.body!);
    await fresh();
    expect(await fresh()).toMatchObject({ event: 'page', id: '2' });
    await fresh.cancel();
  });

  it('ends a slow consumer with a last close event saying why', async () => {
    const { base, live } = await start({ maxBufferedBytes: 1 });
    const res = await fetch(`${base}/api/v1/voip/rooms.stream?count=3`, { headers: auth(admin) });
    const next = reader(res.body!);
    expect((await next())?.retry).toBe('2000');
    expect((await next())?.event).toBe('page');
    expect(await next()).toEqual({ event: 'close', data: { reason: 'slow-consumer', maxBufferedBytes: 1 } });
    expect(await next()).toBeNull();
    await expect.poll(() => live.openStreams).toBe(0);
  });

  it('caps open streams per user: 429 with the rate-limit body, a slot frees when a stream ends', async () => {
    const { base, live } = await start({ maxStreamsPerUser: 2 });
    const url = `${base}/api/v1/voip/rooms.stream?count=1`;
    const a = await fetch(url, { headers: auth(admin) });
    const b = await fetch(url, { headers: auth(admin) });
    expect([a.status, b.status]).toEqual([200, 200]);
    const over = await fetch(url, { headers: auth(admin) });
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual(ApiErrors.tooManyRequests(2).body);
    const other = await fetch(url, { headers: auth(manager) }); // another user has slots of their own
    expect(other.status).toBe(200);
    await a.body!.cancel();
    await expect.poll(() => live.openStreams).toBe(2);
    const c = await fetch(url, { headers: auth(admin) });
    expect(c.status).toBe(200);
    for (const r of [b, other, c]) await r.body!.cancel();
  });

  it('tells open streams the server is closing', async () => {
    const { base, live } = await start();
    const res = await fetch(`${base}/api/v1/voip/rooms.stream?count=1`, { headers: auth(admin) });
    const next = reader(res.body!);
    await next();
    await next();
    live.close();
    expect(await next()).toEqual({ event: 'close', data: { reason: 'server-closing' } });
  });
});

describe('rooms.patch is authorised by a permission', () => {
  it(`${PATCH_ROOMS_PERMISSION}: admin by default; the permission table decides, not the role name`, async () => {
    const target = rooms[0]!['_id'] as string;
    const op = [{ op: 'replace', path: `/${target}/queue`, value: 'q' }];
    let { base } = await start();
    expect((await post(base, admin, op)).status).toBe(200);
    expect((await post(base, manager, op)).status).toBe(403);
    expect((await post(base, alice, op)).status).toBe(403);
    await new Promise<void>((resolve) => running!.server.close(() => resolve()));
    running = undefined;
    ({ base } = await start({ permissions: { [PATCH_ROOMS_PERMISSION]: ['livechat-manager'] } }));
    expect((await post(base, manager, op)).status).toBe(200);
    const denied = await post(base, admin, op);
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual(ApiErrors.patchForbidden(PATCH_ROOMS_PERMISSION).body);
  });

  it('sends heartbeat comments after the page, in order with the frames', async () => {
    const { base } = await start({ heartbeatMs: 20 });
    const res = await fetch(`${base}/api/v1/voip/rooms.stream?count=1`, { headers: auth(admin) });
    const body = res.body!.getReader();
    let text = '';
    while ((text.match(/: keep-alive\n\n/g) ?? []).length < 2) text += new TextDecoder().decode((await body.read()).value);
    await body.cancel();
    expect(text.indexOf('event: page')).toBeGreaterThan(text.indexOf('retry: 2000'));
    expect(text.indexOf(': keep-alive')).toBeGreaterThan(text.indexOf('event: page'));
  });
});
