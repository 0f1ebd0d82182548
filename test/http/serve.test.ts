// The real node:http server: listens on an ephemeral port, answers over HTTP with JSON, closes cleanly.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';
import { createRoomsApi } from '../../src/http/create-rooms-api.js';
import { serve } from '../../src/http/serve.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 3 });
const admin = users[0]!;
const api = rightOf(createRoomsApi({ rooms: generateRooms({ count: 120, seed: 3 }), users }));
let server: Server;
let base: string;

beforeAll(async () => {
  server = await serve(api, { port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
});

describe('serve', () => {
  it('answers GET /api/v1/voip/rooms with JSON', async () => {
    const res = await fetch(`${base}/api/v1/voip/rooms?count=7&sort=${encodeURIComponent('{"ts":1}')}`, {
      headers: { 'X-User-Id': admin._id, 'X-Auth-Token': admin.token },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body = (await res.json()) as { rooms: Array<{ ts: string }>; count: number; total: number; success: boolean };
    expect(body).toMatchObject({ count: 7, offset: 0, total: 120, success: true });
    expect(typeof body.rooms[0]?.ts).toBe('string');
    expect(body.rooms.map((r) => r.ts)).toEqual(body.rooms.map((r) => r.ts).sort());
  });

  it('answers If-None-Match with 304 and no body over the wire; the 200 carries content-length of the exact bytes', async () => {
    const headers = { 'X-User-Id': admin._id, 'X-Auth-Token': admin.token };
    const first = await fetch(`${base}/api/v1/voip/rooms?count=3`, { headers });
    const text = await first.text();
    expect(Number(first.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"rq-/);
    const again = await fetch(`${base}/api/v1/voip/rooms?count=3`, { headers: { ...headers, 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
  });

  it('answers 401, 404 and 405 over the wire', async () => {
    const unauth = await fetch(`${base}/api/v1/voip/rooms`);
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toEqual({ status: 'error', message: 'You must be logged in to do this.' });
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    const post = await fetch(`${base}/api/v1/voip/rooms`, { method: 'POST', body: 'ignored' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('rejects when the port is taken', async () => {
    const { port } = server.address() as AddressInfo;
    await expect(serve(api, { port, host: '127.0.0.1' })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
