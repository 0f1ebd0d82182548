// The explorer's routes on their own (no browser): static files with content types and CSP, the
// demo-users extension only for demo users, the admin-only explain extension, methods and paths refused.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/lib/Either.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRoomCollection } from '../../src/collection/room-collection.js';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';
import { createRoomsApi } from '../../src/http/create-rooms-api.js';
import { createExplorerRoutes, DEMO_USERS_ROUTE } from '../../src/http/explorer-routes.js';
import { EXPLAIN_ROUTE } from '../../src/http/explain-route.js';
import { serve } from '../../src/http/serve.js';
import { CONTENT_SECURITY_POLICY } from '../../src/http/static-assets.js';

const users = generateUsers({ seed: 5 });
const [admin, manager, alice] = users as [(typeof users)[number], (typeof users)[number], (typeof users)[number]];
const collection = createRoomCollection(generateRooms({ count: 200, seed: 5 }));
const api = E.getOrElseW((e: { message: string }) => {
  throw new Error(e.message);
})(createRoomsApi({ rooms: collection, users }));
const as = (u: { _id: string; token: string }) => ({ 'X-User-Id': u._id, 'X-Auth-Token': u.token });

let dir: string;
const servers: Server[] = [];
const start = async (demo: boolean, assetsDir: string): Promise<string> => {
  const extensions = createExplorerRoutes({ assetsDir, users, collection: () => collection, ...(demo ? { demoUsers: users } : {}) });
  if (E.isLeft(extensions)) throw new Error(extensions.left.message);
  const server = await serve(api, { port: 0, host: '127.0.0.1', extensions: extensions.right });
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
let base: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'explorer-routes-'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  await writeFile(join(dir, 'explorer.js'), 'export {};');
  await writeFile(join(dir, 'explorer.css'), 'body{}');
  await writeFile(join(dir, 'notes.txt'), 'not served');
  base = await start(true, dir);
});

afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
  await rm(dir, { recursive: true, force: true });
});

describe('explorer routes', () => {
  it('serves index.html at / and the assets under /explorer/ with their types and a strict CSP', async () => {
    for (const [path, type] of [
      ['/', 'text/html; charset=utf-8'],
      ['/index.html', 'text/html; charset=utf-8'],
      ['/explorer/explorer.js', 'text/javascript; charset=utf-8'],
      ['/explorer/explorer.css', 'text/css; charset=utf-8'],
    ] as const) {
      const res = await fetch(`${base}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    const head = await fetch(`${base}/`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('serves nothing else: unknown files and escapes fall through to the API 404', async () => {
    for (const path of ['/explorer/notes.txt', '/explorer/../package.json', '/explorer/%2e%2e/package.json', '/explorer/nope.js']) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
    expect((await fetch(`${base}/`, { method: 'POST', body: 'x' })).status).toBe(405);
  });

  it('answers / with a plain 404 when the page is not built, the API still working', async () => {
    const bare = await start(true, join(dir, 'missing'));
    const res = await fetch(`${bare}/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('npm run build');
    expect((await fetch(`${bare}/api/v1/voip/rooms?count=1`, { headers: as(admin) })).status).toBe(200);
  });

  it('lists the demo users with their tokens only when given demo users', async () => {
    const res = await fetch(`${base}${DEMO_USERS_ROUTE}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { users: Array<{ _id: string; token: string; roles: string[] }> };
    expect(body.users.map((u) => u._id)).toEqual(users.map((u) => u._id));
    expect(body.users[0]?.token).toBe(admin.token);
    const without = await start(false, dir);
    const off = await fetch(`${without}${DEMO_USERS_ROUTE}`);
    expect(off.status).toBe(404);
    expect(await off.json()).toEqual({ success: false, error: 'Not found' });
  });

  it('explains a request for an admin, 403 for anyone else, 401 without a user, 400 for bad params', async () => {
    const q = `${EXPLAIN_ROUTE}?open=true&sort=${encodeURIComponent('{"ts":1}')}`;
    const ok = await fetch(`${base}${q}`, { headers: as(admin) });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-room-query-extension')).toBe('1');
    const { explain } = (await ok.json()) as { explain: string };
    expect(explain).toMatch(/^mode: +default$/m);
    expect(explain).toMatch(/^sort: +ts asc/m);
    expect(explain).toMatch(/^estimated: /m);
    expect(explain).toMatch(/^actual: /m);
    for (const u of [manager, alice]) {
      const res = await fetch(`${base}${q}`, { headers: as(u) });
      expect(res.status).toBe(403);
      expect(await res.json()).toEqual({ success: false, error: 'unauthorized' });
    }
    expect((await fetch(`${base}${q}`)).status).toBe(401);
    const bad = await fetch(`${base}${EXPLAIN_ROUTE}?count=abc`, { headers: as(admin) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(
      (await (await fetch(`${base}/api/v1/voip/rooms?count=abc`, { headers: as(admin) })).json()) as unknown,
    );
  });
});
