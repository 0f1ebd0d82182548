// toNodeListener and roomsFastifyPlugin with the real frameworks: node:http, Express (mounted next to
// other routes) and Fastify answer exactly what the pure handler answers, byte for byte.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';
import { createRoomsApi } from '../../src/http/create-rooms-api.js';
import { roomsFastifyPlugin } from '../../src/http/fastify-plugin.js';
import { toNodeListener } from '../../src/http/to-node-listener.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 21 });
const [admin, , alice] = users;
const api = rightOf(createRoomsApi({ rooms: generateRooms({ count: 80, seed: 21 }), users }));
const auth = (u = admin!) => ({ 'X-User-Id': u._id, 'X-Auth-Token': u.token });

/** Requests every adapter must answer like `api.handle`. */
const CASES: ReadonlyArray<{ readonly url: string; readonly headers?: Record<string, string>; readonly method?: string }> = [
  { url: '/api/v1/voip/rooms?count=3&sort={"ts":1}', headers: auth() },
  { url: '/api/v1/voip/rooms?count=abc', headers: auth() },
  { url: `/api/v1/voip/rooms?agents[]=${users[3]!._id}`, headers: auth(alice) },
  { url: '/api/v1/voip/rooms' },
  { url: '/api/v1/voip/rooms', method: 'POST', headers: auth() },
];

const listen = (server: Server): Promise<string> =>
  new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));

const expectSameAsHandler = async (base: string): Promise<void> => {
  for (const c of CASES) {
    const res = await fetch(`${base}${c.url}`, { method: c.method ?? 'GET', headers: c.headers ?? {} });
    const expected = api.handle({ method: c.method ?? 'GET', url: c.url, headers: c.headers ?? {} });
    expect(res.status, c.url).toBe(expected.status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.text()).toBe(JSON.stringify(expected.body));
  }
};

describe('toNodeListener', () => {
  it('works as a node:http listener (404 for other paths)', async () => {
    const server = createServer(toNodeListener(api));
    try {
      const base = await listen(server);
      await expectSameAsHandler(base);
      expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
    } finally {
      server.close();
    }
  });

  describe('as Express middleware', () => {
    let server: Server;
    let base: string;
    beforeAll(async () => {
      const app = express();
      app.get('/health', (_req, res) => {
        res.json({ ok: true });
      });
      app.use(toNodeListener(api));
      app.use((_req, res) => {
        res.status(404).json({ from: 'express' });
      });
      server = createServer(app);
      base = await listen(server);
    });
    afterAll(() => {
      server.close();
    });

    it('answers the endpoint like the handler', () => expectSameAsHandler(base));

    it('passes other paths on to the next middleware', async () => {
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
      expect(await (await fetch(`${base}/other`)).json()).toEqual({ from: 'express' });
    });
  });
});

describe('roomsFastifyPlugin', () => {
  it('registers the endpoint on a real Fastify', async () => {
    const app = Fastify();
    app.get('/health', async () => ({ ok: true }));
    await app.register(roomsFastifyPlugin, { api });
    try {
      const base = await app.listen({ port: 0, host: '127.0.0.1' });
      await expectSameAsHandler(base);
      expect(await (await fetch(`${base}/health`)).json()).toEqual({ ok: true });
      const injected = await app.inject({ method: 'GET', url: '/api/v1/voip/rooms?count=1', headers: auth() });
      expect(injected.json()).toMatchObject({ count: 1, total: 80, success: true });
    } finally {
      await app.close();
    }
  });

  it('refuses to register without an api, with a clear message', async () => {
    const app = Fastify();
    await expect(app.register(roomsFastifyPlugin, {} as never).ready()).rejects.toThrow('options.api must be a RoomsApi');
    await app.close();
  });
});

describe('the client address each adapter passes on', () => {
  // The failed-authentication budget is per client address: every adapter must hand over the socket's.
  const recording = (seen: Array<string | undefined>) => ({
    handle: (request: Parameters<typeof api.handle>[0]) => {
      seen.push(request.remoteAddress);
      return api.handle(request);
    },
  });
  const spoofed = { 'X-Forwarded-For': '203.0.113.9' };

  it('node:http, Express and Fastify give the socket address, not X-Forwarded-For', async () => {
    const seen: Array<string | undefined> = [];
    const plain = createServer(toNodeListener(recording(seen)));
    const app = express();
    app.use(toNodeListener(recording(seen)));
    const viaExpress = createServer(app);
    const fastify = Fastify();
    await fastify.register(roomsFastifyPlugin, { api: recording(seen) });
    try {
      for (const base of [await listen(plain), await listen(viaExpress), await fastify.listen({ port: 0, host: '127.0.0.1' })]) {
        await fetch(`${base}/api/v1/voip/rooms?count=1`, { headers: { ...auth(), ...spoofed } });
      }
      expect(seen).toEqual(['127.0.0.1', '127.0.0.1', '127.0.0.1']);
    } finally {
      plain.close();
      viaExpress.close();
      await fastify.close();
    }
  });
});
