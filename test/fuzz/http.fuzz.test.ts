// handle() under arbitrary methods, URLs, encodings, duplicate keys and headers: always a well-formed
// response, never a throw, no token echoed, Object.prototype untouched.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoomsApi } from '../../src/http/index.js';
import { generateUsers } from '../../src/fixtures/index.js';
import { sampleRooms } from '../support/fixture-rooms.js';
import { FUZZ_RUNS, fuzzParams } from './fuzz-config.js';
import { hostileQueryString } from './hostile-input.js';
import { rightOf } from '../support/right-of.js';

const users = generateUsers({ seed: 3 });
const STATUSES = [200, 400, 401, 403, 404, 405, 413, 414, 429];
const tokens = users.map((u) => u.token);

const method = fc.oneof(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'get', ''), fc.string());
const path = fc.oneof(
  fc.constantFrom(
    '/api/v1/voip/rooms',
    '/api/v1/voip/rooms/',
    '/API/v1/voip/rooms',
    '/',
    '',
    'http://x/api/v1/voip/rooms',
    '/api/v1/voip/rooms#x',
  ),
  fc.string(),
);
const url = fc.tuple(path, fc.constantFrom('?', '', '??', '?&'), hostileQueryString).map(([p, sep, q]) => `${p}${sep}${q}`);
const user = fc.constantFrom(...users);
const headerValue = fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 }), fc.constant(undefined));
const headers = fc
  .tuple(
    user,
    fc.boolean(),
    fc.dictionary(fc.constantFrom('X-User-Id', 'x-auth-token', 'X-AUTH-TOKEN', 'cookie', '__proto__', 'constructor'), headerValue, {
      maxKeys: 4,
    }),
  )
  .map(([u, valid, extra]) => ({ ...(valid ? { 'x-user-id': u._id, 'X-Auth-Token': u.token } : {}), ...extra }));

describe('HTTP fuzzing', () => {
  const api = rightOf(createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 1_000_000, windowMs: 1000 } }));
  const before = Object.getOwnPropertyNames(Object.prototype).join();

  it('always answers a well-formed response and never echoes a token', () =>
    fc.assert(
      fc.property(method, url, headers, (m, u, h) => {
        const r = api.handle({ method: m, url: u, headers: h });
        expect(STATUSES).toContain(r.status);
        expect(r.headers['content-type']).toBe('application/json');
        const text = JSON.stringify(r.body);
        expect(typeof text).toBe('string');
        if (r.status !== 200) for (const t of tokens) expect(text.includes(t)).toBe(false);
      }),
      fuzzParams(FUZZ_RUNS),
    ));

  it('leaves Object.prototype unchanged', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).join()).toBe(before);
  });
});
