// The 200 body as text (http/page-json.ts) and conditional GET (http/etag.ts): the bytes are exactly
// JSON.stringify of the body the engine answers, for any rooms (odd values: -0, NaN, invalid Dates,
// undefined in arrays, __proto__ keys) and any projection; the same request over the same collection
// gets the same ETag, and If-None-Match answers 304 with no body; another request, another caller's
// scope or another collection version gets another ETag.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoomCollection, queryRooms, toJsonValue, type Room } from '../../src/index.js';
import { createRoomsApi, type HttpResponse } from '../../src/http/create-rooms-api.js';
import { generateRooms } from '../../src/fixtures/generate-rooms.js';
import { generateUsers } from '../../src/fixtures/generate-users.js';
import { arbOddRoom, arbRoom } from '../arbitraries/index.js';
import { oracleConfig } from '../support/oracle-config.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 5 });
const [admin, , alice] = users as [(typeof users)[0], (typeof users)[0], (typeof users)[0]];
const principalOf = (u: typeof admin) => ({ _id: u._id, username: u.username, roles: [...u.roles] });
const ROUTE = '/api/v1/voip/rooms';
const as = (u: { _id: string; token: string }, extra: Record<string, string> = {}) => ({
  'x-user-id': u._id,
  'x-auth-token': u.token,
  ...extra,
});

const QUERIES = [
  '',
  '?count=100',
  '?fields={"name":1,"ts":1}',
  '?fields={"servedBy":0}',
  '?sort={"name":1}&offset=3',
  '?roomName=a',
  '?open=true&count=7',
];

describe('response bytes', () => {
  it("are JSON.stringify of the engine's page, cached or not, for any rooms and projection", () =>
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbRoom, arbOddRoom), { maxLength: 30 }),
        fc.constantFrom(...QUERIES),
        fc.boolean(),
        (rooms, query, index) => {
          const api = rightOf(createRoomsApi({ rooms, users, index }));
          for (let round = 0; round < 2; round++) {
            const res = api.handle({ method: 'GET', url: `${ROUTE}${query}`, headers: as(admin) });
            const page = queryRooms(rooms, query.slice(1), principalOf(admin));
            if (E.isLeft(page)) {
              expect(res.status).toBe(page.left.status);
              continue;
            }
            expect(res.status).toBe(200);
            const expected = JSON.stringify(toJsonValue({ ...page.right, success: true }));
            expect(res.text).toBe(expected);
            expect(res.body).toEqual(JSON.parse(expected));
          }
        },
      ),
      oracleConfig(300),
    ));
});

describe('copies handed out again', () => {
  it('a collection returns the same frozen room objects for the same projection (a few projections per collection)', () => {
    const collection = createRoomCollection(generateRooms({ count: 120, seed: 9 }));
    const admin_ = principalOf(admin);
    const page = (fields?: string) => {
      const r = queryRooms(collection, fields === undefined ? 'count=5' : `count=5&fields=${fields}`, admin_);
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
      return r.right.rooms;
    };
    expect(page()[0]).toBe(page()[0]);
    const projections = ['{"name":1}', '{"ts":1,"queue":1}', '{"servedBy":0}', '{"_id":0,"name":1}', '{"v":0}', '{"tags":1}'];
    for (const fields of projections) {
      const [first] = page(fields);
      expect(page(fields)[0]).toEqual(first);
      expect(Object.isFrozen(first)).toBe(true);
    }
    // The first four projections are kept; the default one too.
    for (const fields of projections.slice(0, 4)) expect(page(fields)[0]).toBe(page(fields)[0]);
    expect(page()[0]).toBe(page()[0]);
  });
});

describe('ETag and If-None-Match (a room-query extension)', () => {
  const rooms = createRoomCollection(generateRooms({ count: 200, seed: 5 }));
  const api = rightOf(createRoomsApi({ rooms, users }));
  const get = (query: string, headers = as(admin)): HttpResponse => api.handle({ method: 'GET', url: `${ROUTE}${query}`, headers });

  it('tags a page with its collection, request and scope; a repeat with If-None-Match gets 304 and no body', () => {
    const first = get('?count=10');
    const etag = first.headers['etag'];
    expect(etag).toMatch(/^"rq-[0-9a-z]+-[0-9a-z]+-[0-9a-z]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    expect(get('?count=10').headers['etag']).toBe(etag);
    // The same request written differently parses to the same query: same tag.
    expect(get('?count=10&offset=0').headers['etag']).toBe(etag);
    const cached = get('?count=10', as(admin, { 'if-none-match': etag! }));
    expect(cached.status).toBe(304);
    expect(cached.text).toBe('');
    expect(cached.headers['etag']).toBe(etag);
    expect(get('?count=10', as(admin, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);
    expect(get('?count=10', as(admin, { 'if-none-match': '*' })).status).toBe(304);
  });

  it("changes with the request, the caller's scope and the collection", () => {
    const etag = get('?count=10').headers['etag']!;
    expect(get('?count=11', as(admin, { 'if-none-match': etag })).status).toBe(200);
    expect(get('?count=11').headers['etag']).not.toBe(etag);
    const own = `?agents[]=${alice._id}`;
    const agentTag = get(own, as(alice)).headers['etag'];
    expect(get(own).headers['etag']).not.toBe(agentTag);
    const next = rightOf(createRoomsApi({ rooms: createRoomCollection(rooms.docs), users }));
    const moved = next.handle({ method: 'GET', url: `${ROUTE}?count=10`, headers: as(admin, { 'if-none-match': etag }) });
    expect(moved.status).toBe(200);
    expect(moved.headers['etag']).not.toBe(etag);
  });

  it('never answers 304 before authentication or to an invalid request', () => {
    const etag = get('').headers['etag']!;
    expect(api.handle({ method: 'GET', url: ROUTE, headers: { 'if-none-match': etag } }).status).toBe(401);
    expect(get('?count=abc', as(admin, { 'if-none-match': '*' })).status).toBe(400);
  });

  it('sends no ETag over a plain array (index: false): the caller may change it', () => {
    const plain = rightOf(createRoomsApi({ rooms: [...rooms.docs] as Room[], users, index: false }));
    const res = plain.handle({ method: 'GET', url: ROUTE, headers: as(admin, { 'if-none-match': '*' }) });
    expect(res.status).toBe(200);
    expect(res.headers['etag']).toBeUndefined();
  });
});
