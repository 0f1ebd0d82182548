// The API's page cache (http/page-cache.ts): same bytes as the text, least recently used out first, bounded
// by entries and bytes; and through the API, a repeated request answers the same bytes as the first.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createRoomsApi } from '../../src/http/index.js';
import { createPageCache } from '../../src/http/page-cache.js';
import { pageKeyOf } from '../../src/http/etag.js';

const utf8 = (bytes: Uint8Array | undefined): string => new TextDecoder().decode(bytes);

describe('createPageCache', () => {
  it('keeps the text and its UTF-8 bytes, evicting the least recently used past its entry budget', () => {
    const cache = createPageCache(2, 1024);
    expect(utf8(cache.put('a', '{"n":"Jürgen"}').bytes)).toBe('{"n":"Jürgen"}');
    cache.put('b', 'B');
    expect(cache.get('a')?.text).toBe('{"n":"Jürgen"}'); // a is now the most recently used
    cache.put('c', 'C');
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.text).toBe('{"n":"Jürgen"}');
    expect(cache.get('c')?.text).toBe('C');
  });

  it('stays within its byte budget, and never keeps a page larger than the whole budget', () => {
    const cache = createPageCache(10, 10);
    cache.put('a', '12345');
    cache.put('b', '12345');
    cache.put('c', '12345');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.text).toBe('12345');
    expect(cache.put('big', 'x'.repeat(11)).text).toHaveLength(11);
    expect(cache.get('big')).toBeUndefined();
    expect(cache.get('c')?.text).toBe('12345');
  });
});

describe('the rooms API answers a repeat from its page cache', () => {
  it('the same bytes as the first answer, text and bytes agreeing, per request and per caller', () => {
    const users = generateUsers({ seed: 3 });
    const api = createRoomsApi({ rooms: generateRooms({ count: 300, seed: 3 }), users });
    if (E.isLeft(api)) throw new Error(api.left.message);
    const get = (user: (typeof users)[number], query: string) =>
      api.right.handle({
        method: 'GET',
        url: `/api/v1/voip/rooms${query}`,
        headers: { 'x-user-id': user._id, 'x-auth-token': user.token },
      });
    const admin = users[0]!;
    const agent = users.find((u) => u.roles.includes('livechat-agent') && !u.roles.includes('admin'))!;
    for (const query of ['', '?count=5', '?roomName=a']) {
      const first = get(admin, query);
      const again = get(admin, query);
      expect(again.status).toBe(200);
      expect(again.text).toBe(first.text);
      expect(utf8(again.bytes)).toBe(again.text);
      expect(again.headers['etag']).toBe(first.headers['etag']);
      expect(again.body).toStrictEqual(JSON.parse(first.text ?? ''));
    }
    // A refused request is refused again the same way (the prepared-request memo keeps errors too).
    const bad = get(admin, '?count=abc');
    expect(bad.status).toBe(400);
    expect(get(admin, '?count=abc').text).toBe(bad.text);
    // Interleaved requests of one caller keep their own pages.
    expect(get(admin, '?count=5').text).toBe(get(admin, '?count=5').text);
    expect(get(admin, '?count=5').text).not.toBe(get(admin, '').text);
    // Another caller's scope is another page.
    expect(get(agent, '').text).not.toBe(get(admin, '').text);
  });
});

describe('pageKeyOf', () => {
  it('holds the whole request key, so requests that merely hash alike never share a cached page', () => {
    const rooms = Object.freeze([]);
    const scoped = (agent: string) =>
      ({
        mode: 'default',
        scope: { kind: 'agent', agentId: agent },
        filter: [],
        sort: [],
        projection: undefined,
        paging: { offset: 0, count: 50 },
      }) as unknown as Parameters<typeof pageKeyOf>[1];
    expect(pageKeyOf(rooms, scoped('a'))).toContain('"agentId":"a"');
    expect(pageKeyOf(rooms, scoped('a'))).not.toBe(pageKeyOf(rooms, scoped('b')));
    expect(pageKeyOf(rooms, scoped('a'))).toBe(pageKeyOf(rooms, scoped('a')));
  });
});
