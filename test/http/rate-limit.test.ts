// 429 like Rocket.Chat's rate limiter, with its headers, counted so that nobody can spend another's budget; 414 for over-long URLs.
import { describe, expect, it } from 'vitest';
import { createRateLimitGuard, createRoomsApi, ROOMS_ROUTE } from '../../src/http/index.js';
import { createAuthenticator } from '../../src/http/authenticate.js';
import { generateUsers } from '../../src/fixtures/index.js';
import { sampleRooms } from '../support/fixture-rooms.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 1 });
const admin = users[0]!;
const headers = { 'x-user-id': admin._id, 'x-auth-token': admin.token };

describe('rate limit', () => {
  it('answers 429 with the upstream body once the window is used up, then recovers', () => {
    let clock = 1_000_000;
    const api = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 2, windowMs: 60_000 }, now: () => clock }));
    const get = () => api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers });
    const first = get();
    expect(first.status).toBe(200);
    expect(first.headers).toMatchObject({ 'x-ratelimit-limit': '2', 'x-ratelimit-remaining': '1', 'x-ratelimit-reset': String(1_060_000) });
    expect(get().headers['x-ratelimit-remaining']).toBe('0');
    clock += 15_000;
    const limited = get();
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      success: false,
      error:
        'Error, too many requests. Please slow down. You must wait 45 seconds before trying this endpoint again. [error-too-many-requests]',
      errorType: 'error-too-many-requests',
    });
    // Another user has its own window.
    const other = users[1]!;
    expect(
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': other._id, 'x-auth-token': other.token } }).status,
    ).toBe(200);
    clock += 45_000;
    expect(get().status).toBe(200);
  });
  it('is off by default in the library', () => {
    const api = rightOf(createRoomsApi({ rooms: sampleRooms, users }));
    for (let i = 0; i < 50; i++) expect(api.handle({ method: 'GET', url: '/api/v1/voip/rooms?count=1', headers }).status).toBe(200);
  });
  it('throttles token guessing per client address, and answers an exhausted address 429 before checking its token', () => {
    const api = rightOf(
      createRoomsApi({
        rooms: sampleRooms,
        users,
        rateLimit: { limit: 100, windowMs: 60_000, failedAuth: { limit: 3, windowMs: 60_000 } },
        now: () => 0,
      }),
    );
    const from = (remoteAddress: string, token: string) =>
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': admin._id, 'x-auth-token': token }, remoteAddress });
    const guesses = Array.from({ length: 5 }, (_, i) => from('10.0.0.66', `guess-${i}`));
    expect(guesses.map((r) => r.status)).toEqual([401, 401, 401, 429, 429]);
    expect(guesses.map((r) => r.headers['x-ratelimit-remaining'])).toEqual(['2', '1', '0', '0', '0']);
    expect(guesses[3]!.body).toMatchObject({ errorType: 'error-too-many-requests' });
    // the right token from the exhausted address is not even checked: a guess that hits cannot be told apart
    expect(from('10.0.0.66', admin.token).status).toBe(429);
    // another address has its own budget, and the admin's own budget was never spent
    const real = from('10.0.0.7', admin.token);
    expect(real.status).toBe(200);
    expect(real.headers).toMatchObject({ 'x-ratelimit-limit': '100', 'x-ratelimit-remaining': '99' });
  });
});

describe('rate limit: the lockout of issue 20', () => {
  // An attacker who knows the admin's id (it shows in rooms: servedBy._id, closedBy._id) sends ten
  // requests with made-up tokens; before, they spent the admin's budget and the admin got 429.
  it('ten forged tokens for the admin id do not lock the admin out', () => {
    const api = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 10, windowMs: 60_000 }, now: () => 1_000_000 }));
    const forged = Array.from(
      { length: 10 },
      (_, i) =>
        api.handle({
          method: 'GET',
          url: '/api/v1/voip/rooms',
          headers: { 'x-user-id': admin._id, 'x-auth-token': `made-up-${i}` },
          remoteAddress: '192.168.1.66',
        }).status,
    );
    expect(forged).toEqual(Array(10).fill(401));
    const real = api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers, remoteAddress: '192.168.1.20' });
    expect(real.status).toBe(200);
    expect(real.headers['x-ratelimit-remaining']).toBe('9');
    // the attacker's eleventh try is now refused, by the failed-authentication budget (10 a minute by default)
    const eleventh = api.handle({
      method: 'GET',
      url: '/api/v1/voip/rooms',
      headers: { 'x-user-id': admin._id, 'x-auth-token': 'made-up-10' },
      remoteAddress: '192.168.1.66',
    });
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers).toMatchObject({ 'x-ratelimit-limit': '10', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '1060000' });
  });

  it('a missing token counts as a failure of the address, never of the user', () => {
    const api = rightOf(
      createRoomsApi({
        rooms: sampleRooms,
        users,
        rateLimit: { limit: 2, windowMs: 60_000, failedAuth: { limit: 2, windowMs: 60_000 } },
        now: () => 0,
      }),
    );
    const bare = (h: Record<string, string>) =>
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: h, remoteAddress: '10.1.1.1' }).status;
    expect([bare({}), bare({ 'x-user-id': admin._id }), bare({ 'x-auth-token': admin.token }), bare({})]).toEqual([401, 401, 429, 429]);
    expect(
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers, remoteAddress: '10.1.1.2' }).headers['x-ratelimit-remaining'],
    ).toBe('1');
  });

  it('counts each route apart: the rooms budget is per (user, route)', () => {
    let clock = 0;
    const rateLimit = createRateLimitGuard({ limit: 1, windowMs: 1_000 }, () => clock);
    const auth = rightOf(createAuthenticator(users));
    expect(rateLimit.admit('/a', { headers }, auth).kind).toBe('admitted');
    expect(rateLimit.admit('/b', { headers }, auth).kind).toBe('admitted');
    expect(rateLimit.admit('/a', { headers }, auth)).toMatchObject({ kind: 'rejected', error: { status: 429 } });
    clock = 1_000;
    expect(rateLimit.admit('/a', { headers }, auth).kind).toBe('admitted');
  });

  it('shares one count between APIs given the same guard (a reloaded API does not reset it)', () => {
    const rateLimit = createRateLimitGuard({ limit: 2, windowMs: 60_000 }, () => 0);
    const first = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit }));
    const reloaded = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit }));
    const get = (api: typeof first) => api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers }).status;
    expect([get(first), get(reloaded), get(first)]).toEqual([200, 200, 429]);
  });

  it('reads X-Forwarded-For only as far as trustProxy says', () => {
    const rateLimit = { limit: 100, windowMs: 60_000, failedAuth: { limit: 1, windowMs: 60_000 } };
    const forged = { 'x-user-id': admin._id, 'x-auth-token': 'nope' };
    // behind no proxy, a client rotating X-Forwarded-For still spends its socket address's budget
    const direct = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit, now: () => 0 }));
    const statuses = ['1.1.1.1', '2.2.2.2'].map(
      (xff) =>
        direct.handle({ method: 'GET', url: ROOMS_ROUTE, headers: { ...forged, 'x-forwarded-for': xff }, remoteAddress: '10.0.0.9' })
          .status,
    );
    expect(statuses).toEqual([401, 429]);
    // behind one proxy, the entry it appended is the client; what the client wrote before it is ignored
    const proxied = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit: { ...rateLimit, trustProxy: 1 }, now: () => 0 }));
    const via = (xff: string) =>
      proxied.handle({ method: 'GET', url: ROOMS_ROUTE, headers: { ...forged, 'x-forwarded-for': xff }, remoteAddress: '10.0.0.1' }).status;
    expect([via('1.1.1.1, 203.0.113.5'), via('2.2.2.2, 203.0.113.5'), via('203.0.113.6')]).toEqual([401, 429, 401]);
  });

  it('keeps its tables within maxEntries whatever addresses and users call', () => {
    const rateLimit = createRateLimitGuard({ limit: 5, windowMs: 60_000, maxEntries: 1_000 }, () => 0);
    const api = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit }));
    for (let i = 0; i < 20_000; i++) {
      api.handle({
        method: 'GET',
        url: ROOMS_ROUTE,
        headers: { 'x-user-id': `u${i}`, 'x-auth-token': 't' },
        remoteAddress: `2001:db8:${(i >> 8).toString(16)}:${(i & 255).toString(16)}::1`,
      });
    }
    for (const u of users) api.handle({ method: 'GET', url: ROOMS_ROUTE, headers: { 'x-user-id': u._id, 'x-auth-token': u.token } });
    expect(rateLimit.size).toEqual({ users: users.length, clients: 1_000 });
  });

  it('refuses settings that are not positive numbers', () => {
    expect(() => createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 0, windowMs: 1 } })).toThrow(TypeError);
    expect(() =>
      createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 1, windowMs: 1, failedAuth: { limit: 1, windowMs: -1 } } }),
    ).toThrow(TypeError);
    expect(() => createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 1, windowMs: 1, maxEntries: 0 } })).toThrow(TypeError);
    expect(() => createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 1, windowMs: 1, trustProxy: 0.5 } })).toThrow(TypeError);
  });
});

describe('URL length', () => {
  it('answers 414 past maxUrlLength', () => {
    const api = rightOf(createRoomsApi({ rooms: sampleRooms, users, maxUrlLength: 100 }));
    const r = api.handle({ method: 'GET', url: `/api/v1/voip/rooms?roomName=${'x'.repeat(200)}`, headers });
    expect(r.status).toBe(414);
    expect(r.body).toMatchObject({ success: false, errorType: 'error-uri-too-long' });
  });
});
