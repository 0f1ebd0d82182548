// GET /api/v1/livechat/rooms.stream over real HTTP: the same SSE conventions as voip's stream (retry, id =
// store version, Last-Event-ID replay, per-user cap shared by both streams), pages equal to GET
// /api/v1/livechat/rooms (departments attached), the same 400/403 answers, and the Enterprise monitor scope:
// a monitor's stream gains and loses rooms as patches move them in and out of its units.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { afterEach, describe, expect, it } from 'vitest';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { ApiErrors } from '../../src/errors.js';
import {
  createLiveRoutes,
  createRoomsApi,
  LIVECHAT_STREAM_ROUTE,
  serve,
  type LiveRoutes,
  type LiveRoutesOptions,
} from '../../src/http/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import { reader } from '../support/sse-reader.js';

const users = generateUsers({ seed: 11 });
const admin = users.find((u) => u.roles.includes('admin'))!;
const agent = users.find((u) => u.roles.includes('livechat-agent'))!;
const demo = generateOmnichannel({ seed: 11, agents: agentsOf(users) });
const { omnichannel, monitor } = demo;
const everyone = [...users, monitor];
const rooms = [
  ...generateRooms({ count: 60, seed: 11 }),
  ...generateLivechatRooms({ count: 200, seed: 11, departments: omnichannel.departments }),
];
const auth = (u: { _id: string; token: string }) => ({ 'X-User-Id': u._id, 'X-Auth-Token': u.token });
const [sales, , , onboarding] = omnichannel.departments as [{ _id: string; name: string }, unknown, unknown, { _id: string; name: string }];
const north = omnichannel.units[0]!._id;

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
  const routes = createLiveRoutes({ store, users: everyone, omnichannel, ...options });
  const api = createRoomsApi({ rooms, users: everyone, omnichannel });
  if (E.isLeft(routes) || E.isLeft(api)) throw new Error('config');
  const live = routes.right;
  const server = await serve(api.right, { port: 0, host: '127.0.0.1', extensions: live });
  running = { server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, store, live };
  return running;
};
afterEach(async () => {
  if (running === undefined) return;
  const { server, live } = running;
  running = undefined;
  live.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const post = (base: string, ops: unknown) =>
  fetch(`${base}/api/v1/voip/rooms.patch`, {
    method: 'POST',
    headers: { ...auth(admin), 'content-type': 'application/json' },
    body: JSON.stringify(ops),
  });
type Page = { rooms: Array<Record<string, unknown>>; count: number; offset: number; total: number };
const getRooms = async (base: string, who: { _id: string; token: string }, search: string): Promise<Page & { success: boolean }> =>
  (await (await fetch(`${base}/api/v1/livechat/rooms?${search}`, { headers: auth(who) })).json()) as Page & { success: boolean };

describe(`${LIVECHAT_STREAM_ROUTE}`, () => {
  it('streams the GET page (departments attached), then patches labelled with the store version; resumes from Last-Event-ID', async () => {
    const { base, live } = await start({ hub: { lingerMs: 60_000 } });
    const search = 'count=5&sort={"ts":-1}';
    const res = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?${search}`, { headers: auth(admin) });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    expect(res.headers.get('x-room-query-extension')).toBe('1');
    const next = reader(res.body!);
    expect(await next()).toEqual({ event: 'message', retry: '2000' });
    const page = await next();
    expect(page).toMatchObject({ event: 'page', id: '0' });
    let copy = page!.data as Page;
    expect({ ...copy, success: true }).toEqual(await getRooms(base, admin, search));
    expect(copy.rooms.every((r) => r['t'] === 'l')).toBe(true);
    expect(copy.rooms.some((r) => r['department'] !== undefined)).toBe(true);

    // Transfer the top chat to Onboarding: the stream's patch carries the new department name.
    const top = copy.rooms[0]!['_id'] as string;
    expect((await post(base, [{ op: 'add', path: `/${top}/departmentId`, value: onboarding._id }])).status).toBe(200);
    const patch = await next();
    expect(patch).toMatchObject({ event: 'patch', id: '1' });
    copy = jsonpatch.applyPatch(copy, patch!.data as jsonpatch.Operation[]).newDocument;
    expect(copy.rooms[0]!['department']).toEqual({ _id: onboarding._id, name: onboarding.name });
    expect({ ...copy, success: true }).toEqual(await getRooms(base, admin, search));
    await next.cancel();

    expect((await post(base, [{ op: 'add', path: `/${top}/tags`, value: ['vip'] }])).status).toBe(200);
    const again = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?${search}`, { headers: { ...auth(admin), 'Last-Event-ID': '1' } });
    const more = reader(again.body!);
    await more();
    const missed = await more();
    expect(missed).toMatchObject({ event: 'patch', id: '2' });
    copy = jsonpatch.applyPatch(copy, missed!.data as jsonpatch.Operation[]).newDocument;
    expect({ ...copy, success: true }).toEqual(await getRooms(base, admin, search));
    await more.cancel();
    // Views are per endpoint: the same parameters on voip's stream are another view.
    const voip = await fetch(`${base}/api/v1/voip/rooms.stream?${search}`, { headers: auth(admin) });
    const v = reader(voip.body!);
    await v();
    expect(((await v())!.data as Page).rooms.every((r) => r['t'] === 'v')).toBe(true);
    expect(live.hub.stats.views).toBe(2);
    await v.cancel();
  });

  it('a monitor streams only its units: rooms leave and join its page as patches move them', async () => {
    const { base, store } = await start();
    const search = 'count=100';
    const res = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?${search}`, { headers: auth(monitor) });
    const next = reader(res.body!);
    await next();
    let copy = (await next())!.data as Page;
    const inScope = (r: Record<string, unknown>): boolean => (r['departmentAncestors'] as string[] | undefined)?.includes(north) === true;
    expect(copy.total).toBeGreaterThan(0);
    expect(copy.total).toBeLessThan(100); // the whole scope is on the page
    expect(copy.rooms.every(inScope)).toBe(true);
    const before = copy.total;

    // Out of the unit: Onboarding has no unit, and the room no longer lists North among its ancestors.
    const leaving = copy.rooms[0]!['_id'] as string;
    await post(base, [
      { op: 'add', path: `/${leaving}/departmentId`, value: onboarding._id },
      { op: 'remove', path: `/${leaving}/departmentAncestors` },
    ]);
    copy = jsonpatch.applyPatch(copy, (await next())!.data as jsonpatch.Operation[]).newDocument;
    expect(copy.rooms.map((r) => r['_id'])).not.toContain(leaving);
    expect(copy.total).toBe(before - 1);

    // Into the unit: a chat of another department moved to Sales (whose unit the monitor watches).
    const outside = store
      .current()
      .rooms()
      .find((r) => r['t'] === 'l' && r['departmentId'] === onboarding._id && r['_id'] !== leaving)!;
    await post(base, [{ op: 'add', path: `/${outside['_id'] as string}/departmentId`, value: sales._id }]);
    copy = jsonpatch.applyPatch(copy, (await next())!.data as jsonpatch.Operation[]).newDocument;
    const joined = copy.rooms.find((r) => r['_id'] === outside['_id']);
    expect(joined?.['department']).toEqual({ _id: sales._id, name: sales.name });
    expect(copy.total).toBe(before);
    expect({ ...copy, success: true }).toEqual(await getRooms(base, monitor, search));
    await next.cancel();
  });

  it('answers the GET endpoint’s 400 and 403 before streaming', async () => {
    const { base } = await start();
    const forbidden = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}`, { headers: auth(agent) });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toEqual({ success: false, error: 'unauthorized' });
    const own = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?agents[]=${agent._id}`, { headers: auth(agent) });
    expect(own.status).toBe(200);
    await own.body!.cancel();
    const bad = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?customFields=[1]`, { headers: auth(admin) });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ success: false, error: 'The "customFields" query parameter must be a valid JSON.' });
    const anonymous = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}`);
    expect(anonymous.status).toBe(401);
    const post405 = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}`, { method: 'POST', headers: auth(admin) });
    expect(post405.status).toBe(405);
  });

  it('shares the per-user cap with voip’s stream, and ends on a slow consumer', async () => {
    const { base, live } = await start({ maxStreamsPerUser: 1 });
    const a = await fetch(`${base}/api/v1/voip/rooms.stream?count=1`, { headers: auth(admin) });
    expect(a.status).toBe(200);
    const over = await fetch(`${base}${LIVECHAT_STREAM_ROUTE}?count=1`, { headers: auth(admin) });
    expect(over.status).toBe(429);
    expect(await over.json()).toEqual(ApiErrors.tooManyRequests(2).body);
    await a.body!.cancel();
    await expect.poll(() => live.openStreams).toBe(0);
    live.close();
    await new Promise<void>((resolve) => running!.server.close(() => resolve()));
    running = undefined;
    const slow = await start({ maxBufferedBytes: 1 });
    const res = await fetch(`${slow.base}${LIVECHAT_STREAM_ROUTE}?count=3`, { headers: auth(admin) });
    const next = reader(res.body!);
    await next();
    expect((await next())?.event).toBe('page');
    expect(await next()).toEqual({ event: 'close', data: { reason: 'slow-consumer', maxBufferedBytes: 1 } });
  });
});
