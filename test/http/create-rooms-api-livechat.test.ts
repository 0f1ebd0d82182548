// createRoomsApi serves both endpoints from one collection: each route answers its own room type, with
// its own parameters, scope and errors; other routes are 404; `endpoints` restricts what is served.
import { describe, expect, it } from 'vitest';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createRoomsApi, LIVECHAT_ROOMS_ROUTE, ROOMS_ROUTE } from '../../src/http/index.js';
import { VOIP_ROOMS } from '../../src/index.js';

const users = generateUsers({ seed: 3 });
const { omnichannel, monitor } = generateOmnichannel({ seed: 3, agents: agentsOf(users) });
const rooms = [
  ...generateRooms({ count: 80, seed: 3 }),
  ...generateLivechatRooms({ count: 120, seed: 3, departments: omnichannel.departments }),
];
const all = [...users, monitor];
const apiOf = (options: Parameters<typeof createRoomsApi>[0]) => {
  const made = createRoomsApi(options);
  if (made._tag === 'Left') throw new Error(made.left.message);
  return made.right;
};
const api = apiOf({ rooms, users: all, omnichannel });
const as = (user: { _id: string; token: string }) => ({ 'x-user-id': user._id, 'x-auth-token': user.token });
const admin = users[0]!;

type Body = { rooms: Array<Record<string, unknown>>; total: number; success: boolean; error?: string };
const get = (url: string, user = admin) => {
  const response = api.handle({ method: 'GET', url, headers: as(user) });
  return { status: response.status, body: response.body as unknown as Body };
};

describe('createRoomsApi: voip/rooms and livechat/rooms', () => {
  it('each route answers its own rooms', () => {
    expect(api.routes).toEqual([ROOMS_ROUTE, LIVECHAT_ROOMS_ROUTE]);
    const voip = get(`${ROOMS_ROUTE}?count=100`);
    const livechat = get(`${LIVECHAT_ROOMS_ROUTE}?count=100`);
    expect(voip).toMatchObject({ status: 200, body: { total: 80, success: true } });
    expect(livechat).toMatchObject({ status: 200, body: { total: 120, success: true } });
    expect(voip.body.rooms.every((r) => r['t'] === 'v')).toBe(true);
    expect(livechat.body.rooms.every((r) => r['t'] === 'l')).toBe(true);
    // Dates go out as ISO strings; departments are attached.
    expect(typeof livechat.body.rooms[0]?.['ts']).toBe('string');
    expect(livechat.body.rooms.some((r) => typeof (r['department'] as { name?: unknown } | undefined)?.name === 'string')).toBe(true);
  });

  it('parameters are per endpoint: queued is livechat-only, queue is voip-only', () => {
    expect(get(`${LIVECHAT_ROOMS_ROUTE}?queued=true`).status).toBe(200);
    expect(get(`${ROOMS_ROUTE}?queued=true`).body.error).toBe('unknown parameter "queued" (did you mean "queue"?) [invalid-params]');
    expect(get(`${LIVECHAT_ROOMS_ROUTE}?queue=8001`).body.error).toBe(
      'unknown parameter "queue" (did you mean "queued"?) [invalid-params]',
    );
  });

  it('the monitor is scoped on livechat/rooms only', () => {
    const mine = get(`${LIVECHAT_ROOMS_ROUTE}?count=0`, monitor);
    expect(mine.status).toBe(200);
    expect(mine.body.total).toBeGreaterThan(0);
    expect(mine.body.total).toBeLessThan(120);
    expect(get(`${ROOMS_ROUTE}?count=1`, monitor).body.total).toBe(80);
  });

  it('404 elsewhere; `endpoints` limits what is served', () => {
    expect(get('/api/v1/livechat/room').status).toBe(404);
    const voipOnly = apiOf({ rooms, users: all, endpoints: [VOIP_ROOMS] });
    expect(voipOnly.handle({ method: 'GET', url: LIVECHAT_ROOMS_ROUTE, headers: as(admin) }).status).toBe(404);
    expect(voipOnly.handle({ method: 'POST', url: ROOMS_ROUTE, headers: as(admin) }).status).toBe(405);
  });
});
