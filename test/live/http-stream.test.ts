// Over real HTTP on loopback: a client opens the SSE stream, sees the page, an admin POSTs a patch,
// the client sees the patch, and its copy equals what GET /api/v1/voip/rooms now answers.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrors } from '../../src/errors.js';
import { createRoomsApi } from '../../src/http/index.js';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createLiveRoutes, type LiveRoutes } from '../../src/http/live-routes.js';
import { serve } from '../../src/http/serve.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 4 });
const [admin, , alice] = users as [(typeof users)[0], unknown, (typeof users)[0]];
const rooms = generateRooms({ count: 200, seed: 4 });
const auth = (u: { _id: string; token: string }) => ({ 'X-User-Id': u._id, 'X-Auth-Token': u.token });
let server: Server;
let base: string;
let store: RoomStore;
let live: LiveRoutes;

/** Reads SSE events from a fetch body, one at a time. */
const events = (body: ReadableStream<Uint8Array>) => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  return async (): Promise<{ event: string; id: string; data: unknown }> => {
    for (;;) {
      const end = buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith(':') || block.startsWith('retry:')) continue; // heartbeat comment, reconnection delay
        const field = (name: string) =>
          block
            .split('\n')
            .find((l) => l.startsWith(`${name}: `))
            ?.slice(name.length + 2) ?? '';
        return { event: field('event'), id: field('id'), data: JSON.parse(field('data')) };
      }
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += decoder.decode(value, { stream: true });
    }
  };
};

beforeAll(async () => {
  const created = createRoomStore(rooms);
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  store = created.right;
  live = rightOf(createLiveRoutes({ store, users }));
  server = await serve(rightOf(createRoomsApi({ rooms, users })), { port: 0, host: '127.0.0.1', extensions: live });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
  expect(live.openStreams).toBe(0);
});

describe('rooms.stream and rooms.patch (room-query extensions)', () => {
  it('streams the page, then a patch after a POSTed change; the copy equals GET /rooms', async () => {
    const query = 'open=true&count=5';
    const controller = new AbortController();
    const res = await fetch(`${base}/api/v1/voip/rooms.stream?${query}`, { headers: auth(admin), signal: controller.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-room-query-extension')).toBe('1');
    const next = events(res.body!);
    const first = await next();
    expect(first).toMatchObject({ event: 'page', id: '0' });
    let copy = first.data as { rooms: Array<{ _id: string }>; total: number };
    const target = copy.rooms[0]!._id;

    const posted = await fetch(`${base}/api/v1/voip/rooms.patch`, {
      method: 'POST',
      headers: { ...auth(admin), 'content-type': 'application/json-patch+json' },
      body: JSON.stringify([
        { op: 'remove', path: `/${target}/open` },
        { op: 'add', path: `/${target}/closedAt`, value: '2030-01-01T00:00:00Z' },
      ]),
    });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toEqual({ success: true, version: 1, changed: [target] });

    const second = await next();
    expect(second).toMatchObject({ event: 'patch', id: '1' });
    copy = jsonpatch.applyPatch(copy, second.data as jsonpatch.Operation[]).newDocument;
    expect(copy.rooms.map((r) => r._id)).not.toContain(target);
    const now = await fetch(`${base}/api/v1/voip/rooms?${query}`, { headers: auth(admin) });
    expect({ ...copy, success: true }).toEqual(await now.json());
    controller.abort();
    await expect.poll(() => live.openStreams).toBe(0);
  });

  it('answers the endpoint’s errors before streaming, and guards the patch route', async () => {
    expect((await fetch(`${base}/api/v1/voip/rooms.stream`)).status).toBe(401);
    const other = users[3]!;
    const denied = await fetch(`${base}/api/v1/voip/rooms.stream?agents[]=${other._id}`, { headers: auth(alice) });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toEqual({ success: false, error: 'unauthorized' });
    const asAgent = await fetch(`${base}/api/v1/voip/rooms.patch`, { method: 'POST', headers: auth(alice), body: '[]' });
    expect(asAgent.status).toBe(403);
    expect(await asAgent.json()).toEqual(ApiErrors.patchForbidden('patch-voip-rooms').body);
    const bad = await fetch(`${base}/api/v1/voip/rooms.patch`, {
      method: 'POST',
      headers: auth(admin),
      body: JSON.stringify([{ op: 'remove', path: '/nope' }]),
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      success: false,
      errorType: 'invalid-patch',
      details: { code: 'unknown-room', index: 0, path: '/nope' },
    });
    expect((await fetch(`${base}/api/v1/voip/rooms.patch`, { method: 'POST', headers: auth(admin), body: '{' })).status).toBe(400);
    expect((await fetch(`${base}/api/v1/voip/rooms.patch`, { headers: auth(admin) })).status).toBe(405);
    expect(store.version).toBe(1);
  });
});
