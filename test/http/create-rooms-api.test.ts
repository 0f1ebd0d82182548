// The pure HTTP adapter: routing, authentication (hashed tokens, header case, arrays), every status
// the endpoint answers, and JSON-ready bodies (Dates as ISO strings, no token ever echoed).
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it, vi } from 'vitest';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';
import { createRoomsApi, type HttpRequest } from '../../src/http/create-rooms-api.js';
import { hashToken } from '../../src/http/hash-token.js';
import type { Room } from '../../src/model/room.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 42 });
const [admin, manager, alice, bob, carol] = users as [
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
  (typeof users)[0],
];
const rooms = generateRooms({ count: 300, seed: 42 });
// echo -n test-token | openssl dgst -sha256 -binary | base64
const KNOWN_HASH = 'TF3Jt3CJBfd/Xl0WMWtd+0JeaMsybc1VqGDpCncHAx4=';
const hashedOnly = { _id: 'hashedUserId', username: 'hashed', roles: ['admin'], hashedToken: KNOWN_HASH };
const api = rightOf(createRoomsApi({ rooms, users: [...users, hashedOnly] }));

const ROUTE = '/api/v1/voip/rooms';
const as = (user: { _id: string; token: string }) => ({ 'x-user-id': user._id, 'x-auth-token': user.token });
const get = (query: string, headers: HttpRequest['headers'] = as(admin), url = `${ROUTE}${query}`) =>
  api.handle({ method: 'GET', url, headers });

type Body = { rooms: Array<Record<string, unknown>>; count: number; offset: number; total: number; success: boolean };
const ok = (query: string, headers?: HttpRequest['headers']): Body => {
  const res = get(query, headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as unknown as Body;
};
const servedById = (r: Room | Record<string, unknown>) => (r['servedBy'] as { _id: string } | undefined)?._id;

const UNAUTHENTICATED = { status: 'error', message: 'You must be logged in to do this.' };

describe('200', () => {
  it('answers the default page: newest 50, total of all, success', () => {
    const body = ok('');
    expect(Object.keys(body)).toEqual(['rooms', 'count', 'offset', 'total', 'success']);
    expect(body).toMatchObject({ count: 50, offset: 0, total: 300, success: true });
    expect(body.rooms).toHaveLength(50);
    const ts = body.rooms.map((r) => Date.parse(r['ts'] as string));
    expect(ts).toEqual([...ts].sort((a, b) => b - a));
  });

  it('sends Dates as ISO strings, and the body is already a plain JSON value', () => {
    const res = get('?count=100');
    expect(res.headers['content-type']).toBe('application/json');
    expect(JSON.parse(JSON.stringify(res.body))).toEqual(res.body);
    const byId = new Map(rooms.map((r) => [r['_id'], r]));
    for (const room of (res.body as unknown as Body).rooms) {
      const original = byId.get(room['_id']);
      expect(room['ts']).toBe((original?.['ts'] as Date).toISOString());
      expect(room['ts']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(room['callStarted']).toBe((original?.['callStarted'] as Date).toISOString());
    }
  });

  it('lets an agent see exactly its own rooms with agents[]=<own id>', () => {
    const body = ok(`?agents[]=${alice._id}&count=100`, as(alice));
    const mine = rooms.filter((r) => servedById(r) === alice._id);
    expect(body.total).toBe(mine.length);
    expect(body.rooms.every((r) => servedById(r) === alice._id)).toBe(true);
  });

  it('applies filters, sort and offset from the query string', () => {
    const body = ok('?open=true&queue=8001&sort={"ts":1}&offset=1&count=5', as(manager));
    const expected = rooms.filter((r) => r['open'] === true && r['queue'] === '8001');
    expect(body.total).toBe(expected.length);
    expect(body.offset).toBe(1);
    expect(body.rooms.every((r) => r['open'] === true && r['queue'] === '8001')).toBe(true);
  });

  it('accepts the absolute form of the URL and ignores a fragment', () => {
    expect(get('', as(admin), `http://example.test${ROUTE}?count=3#frag`).status).toBe(200);
    expect((get('', as(admin), `http://example.test${ROUTE}?count=3#frag`).body as unknown as Body).count).toBe(3);
  });

  it('passes mode and paging through', () => {
    const small = rightOf(createRoomsApi({ rooms, users, paging: { defaultCount: 5 } }));
    expect((small.handle({ method: 'GET', url: ROUTE, headers: as(admin) }).body as unknown as Body).count).toBe(5);
    const rc = rightOf(createRoomsApi({ rooms, users, mode: 'rocketchat' }));
    const body = rc.handle({ method: 'GET', url: `${ROUTE}?count=100`, headers: as(admin) }).body as unknown as Body;
    expect(body.total).toBe(rooms.filter((r) => !('open' in r)).length); // upstream quirk: absent open ⇒ closed only
  });
});

describe('400', () => {
  it('answers validator errors with invalid-params', () => {
    const res = get('?count=abc');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ success: false, error: 'must be number [invalid-params]', errorType: 'invalid-params' });
    expect(get('?agent=x').body).toEqual({
      success: false,
      error: 'unknown parameter "agent" (did you mean "agents"?) [invalid-params]',
      errorType: 'invalid-params',
    });
  });

  it('answers a bad sort and a bad date', () => {
    expect(get('?sort={"ts":2}').body).toMatchObject({ success: false, errorType: 'error-invalid-sort' });
    expect(get('?createdAt={"start":"nope"}').body).toEqual({
      success: false,
      error: 'The "createdAt.start" query parameter must be a valid date.',
    });
  });
});

describe('401', () => {
  const cases: Array<[string, HttpRequest['headers']]> = [
    ['no headers', {}],
    ['only the user id', { 'x-user-id': admin._id }],
    ['only the token', { 'x-auth-token': admin.token }],
    ['empty token', { 'x-user-id': admin._id, 'x-auth-token': '' }],
    ['unknown user', { 'x-user-id': 'nobody', 'x-auth-token': admin.token }],
    ['wrong token', { 'x-user-id': admin._id, 'x-auth-token': `${admin.token}x` }],
    ["another user's token", { 'x-user-id': admin._id, 'x-auth-token': alice.token }],
    ['the stored hash as the token', { 'x-user-id': admin._id, 'x-auth-token': hashToken(admin.token) }],
    ['a repeated header whose first value is wrong', { 'x-user-id': admin._id, 'x-auth-token': ['bad', admin.token] }],
  ];
  it.each(cases)('%s', (_, headers) => {
    const res = get('', headers);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHENTICATED);
    expect(res.headers['content-type']).toBe('application/json');
  });

  it('comes before parameter validation', () => {
    expect(get('?count=abc', {}).status).toBe(401);
  });
});

describe('403', () => {
  it('an agent running an unscoped or foreign query gets "unauthorized"', () => {
    const unauthorized = { success: false, error: 'unauthorized' };
    expect(get('', as(alice)).body).toEqual(unauthorized);
    expect(get(`?agents[]=${bob._id}`, as(alice)).body).toEqual(unauthorized);
    expect(get(`?agents[]=${alice._id}&agents[]=${bob._id}`, as(alice)).status).toBe(403);
  });

  it('a user with neither permission gets the missing-permission body (default mode)', () => {
    const res = get(`?agents[]=${carol._id}`, as(carol));
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      success: false,
      error: 'User does not have the permissions required for this action [error-unauthorized]',
    });
  });

  it('rocketchat mode answers "unauthorized" to both', () => {
    const rc = rightOf(createRoomsApi({ rooms, users, mode: 'rocketchat' }));
    const res = rc.handle({ method: 'GET', url: ROUTE, headers: as(carol) });
    expect(res).toMatchObject({ status: 403, body: { success: false, error: 'unauthorized' } });
  });
});

describe('routing', () => {
  it.each(['/', '/api/v1/voip/room', `${ROUTE}/`, `${ROUTE}/x`, '/API/V1/VOIP/ROOMS', `/x${ROUTE}`])('404 for %s', (url) => {
    const res = api.handle({ method: 'GET', url, headers: {} });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ success: false, error: 'Not found' });
  });

  it.each(['POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'get'])('405 with Allow: GET for %s, before auth', (method) => {
    const res = api.handle({ method, url: `${ROUTE}?count=1`, headers: {} });
    expect(res.status).toBe(405);
    expect(res.headers['allow']).toBe('GET');
    expect(res.body).toEqual({ success: false, error: 'Method not allowed' });
  });
});

describe('authentication', () => {
  it('matches header names case-insensitively and takes the first of repeated values', () => {
    expect(get('', { 'X-USER-ID': admin._id, 'X-Auth-Token': admin.token }).status).toBe(200);
    expect(get('', { 'X-User-Id': [admin._id, 'other'], 'x-auth-token': [admin.token] }).status).toBe(200);
  });

  it('hashes tokens as Rocket.Chat stores them (base64 SHA-256) and accepts a stored hashedToken', () => {
    expect(hashToken('test-token')).toBe(KNOWN_HASH);
    expect(get('', { 'x-user-id': hashedOnly._id, 'x-auth-token': 'test-token' }).status).toBe(200);
    expect(get('', { 'x-user-id': hashedOnly._id, 'x-auth-token': KNOWN_HASH }).status).toBe(401);
  });

  it('rejects a malformed hashedToken or a duplicate user at creation', () => {
    const bad = createRoomsApi({ rooms, users: [{ ...hashedOnly, hashedToken: 'not-a-hash' }] });
    expect(E.isLeft(bad) && bad.left.problems).toEqual([{ path: 'users[0].hashedToken', message: 'not a base64 SHA-256 digest' }]);
    const twice = createRoomsApi({ rooms, users: [admin, admin] });
    expect(E.isLeft(twice) && twice.left.problems).toEqual([
      { path: 'users[1]._id', message: `duplicate user _id ${JSON.stringify(admin._id)}` },
    ]);
    // every problem, each with its path, in one Left (never a throw)
    const both = createRoomsApi({ rooms, users: [admin, { ...hashedOnly, hashedToken: 'x', hashedTokens: ['y'] }, admin] });
    expect(E.isLeft(both) && both.left.problems.map((p) => p.path)).toEqual([
      'users[1].hashedToken',
      'users[1].hashedTokens[0]',
      'users[2]._id',
    ]);
    expect(E.isLeft(both) && both.left.code).toBe('invalid-config');
  });

  it('never echoes a token in any body', () => {
    const tokens = [...users.map((u) => u.token), 'test-token'];
    const requests: Array<[string, HttpRequest['headers']]> = [
      ['?count=100', as(admin)],
      ['?foo=1', as(admin)],
      ['', as(alice)],
      ['', { 'x-user-id': admin._id, 'x-auth-token': alice.token }],
      [`?queue=${admin.token}`, as(admin)],
    ];
    for (const [query, headers] of requests) {
      const text = JSON.stringify(get(query, headers).body);
      for (const token of tokens) {
        if (query.includes(token)) continue;
        expect(text).not.toContain(token);
      }
    }
  });
});

describe('500', () => {
  it('never throws: an unexpected exception is a 500 and is reported to onError', () => {
    const broken = new Proxy([] as Room[], {
      get: () => {
        throw new Error('boom');
      },
    });
    const onError = vi.fn();
    const bad = rightOf(createRoomsApi({ rooms: broken, users, onError, index: false }));
    const res = bad.handle({ method: 'GET', url: ROUTE, headers: as(admin) });
    expect(res).toMatchObject({ status: 500, body: { success: false, error: 'Internal error' } });
    expect(onError).toHaveBeenCalledOnce();
  });
});

describe('users with several stored token hashes (a Rocket.Chat users export)', () => {
  it('accepts any of them', async () => {
    const { createRoomsApi, hashToken } = await import('../../src/http/index.js');
    const api = rightOf(
      createRoomsApi({
        rooms: [],
        users: [{ _id: 'u1', username: 'boss', roles: ['admin'], hashedTokens: [hashToken('first'), hashToken('second')] }],
      }),
    );
    const get = (token: string) =>
      api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': 'u1', 'x-auth-token': token } }).status;
    expect([get('first'), get('second'), get('third')]).toEqual([200, 200, 401]);
  });
});
