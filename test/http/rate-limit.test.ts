// 429 like Rocket.Chat's rate limiter, with its headers; 414 for over-long URLs.
import { describe, expect, it } from 'vitest';
import { createRoomsApi } from '../../src/http/index.js';
import { generateUsers } from '../../src/fixtures/index.js';
import { sampleRooms } from '../support/fixture-rooms.js';

const users = generateUsers({ seed: 1 });
const admin = users[0]!;
const headers = { 'x-user-id': admin._id, 'x-auth-token': admin.token };

describe('rate limit', () => {
  it('answers 429 with the upstream body once the window is used up, then recovers', () => {
    let clock = 1_000_000;
    const api = createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 2, windowMs: 60_000 }, now: () => clock });
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
      error: 'Error, too many requests. Please slow down. You must wait 45 seconds before trying this endpoint again. [error-too-many-requests]',
      errorType: 'error-too-many-requests',
    });
    // Another user has its own window.
    const other = users[1]!;
    expect(api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': other._id, 'x-auth-token': other.token } }).status).toBe(200);
    clock += 45_000;
    expect(get().status).toBe(200);
  });
  it('is off by default in the library', () => {
    const api = createRoomsApi({ rooms: sampleRooms, users });
    for (let i = 0; i < 50; i++) expect(api.handle({ method: 'GET', url: '/api/v1/voip/rooms?count=1', headers }).status).toBe(200);
  });
  it('throttles token guessing too (keyed by the claimed user id)', () => {
    const api = createRoomsApi({ rooms: sampleRooms, users, rateLimit: { limit: 3, windowMs: 60_000 }, now: () => 0 });
    const statuses = Array.from({ length: 5 }, () => api.handle({ method: 'GET', url: '/api/v1/voip/rooms', headers: { 'x-user-id': admin._id, 'x-auth-token': 'guess' } }).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
  });
});

describe('URL length', () => {
  it('answers 414 past maxUrlLength', () => {
    const api = createRoomsApi({ rooms: sampleRooms, users, maxUrlLength: 100 });
    const r = api.handle({ method: 'GET', url: `/api/v1/voip/rooms?roomName=${'x'.repeat(200)}`, headers });
    expect(r.status).toBe(414);
    expect(r.body).toMatchObject({ success: false, errorType: 'error-uri-too-long' });
  });
});
