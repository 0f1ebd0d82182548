// The collection is an immutable snapshot: it never mutates the caller's rooms or array, later
// changes to the caller's array don't reach it, and what it returns is frozen.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRoomCollection, DEFAULT_INDEXES, isRoomCollection, queryRooms, type Principal, type Room } from '../../src/index.js';

const admin: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const room = (id: string, ts: number, extra: Record<string, unknown> = {}): Room => ({
  _id: id,
  t: 'v',
  name: `Call ${id}`,
  ts: new Date(ts),
  v: { _id: `vis-${id}` },
  queue: 'q1',
  direction: 'inbound',
  ...extra,
});

describe('createRoomCollection', () => {
  it('snapshots the array and leaves the rooms untouched', () => {
    const rooms = [room('b', 2), room('a', 2, { open: true, tags: ['vip', 'vip'] }), room('c', 1)];
    const before = JSON.stringify(rooms);
    const collection = createRoomCollection(rooms);
    expect(isRoomCollection(collection)).toBe(true);
    expect(isRoomCollection(rooms)).toBe(false);
    rooms.push(room('d', 9));
    const page = queryRooms(collection, {}, admin);
    expect(E.isRight(page) && page.right.rooms.map((r) => r['_id'])).toEqual(['a', 'b', 'c']);
    expect(JSON.stringify(rooms.slice(0, 3))).toBe(before);
    expect(Object.isFrozen(rooms[0])).toBe(false);
  });

  it('returns deep-frozen rooms, the same answer every time', () => {
    const collection = createRoomCollection([room('a', 1, { servedBy: { _id: 'agent-1', username: 'alice' } })]);
    const first = queryRooms(collection, {}, admin);
    const second = queryRooms(collection, {}, admin);
    expect(first).toEqual(second);
    const r = E.isRight(first) ? first.right.rooms[0] : undefined;
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r?.['servedBy'])).toBe(true);
    expect(Object.isFrozen(r?.['ts'])).toBe(true);
  });

  it('builds the default indexes, or none', () => {
    const rooms = [room('a', 1), room('b', 2)];
    const indexed = createRoomCollection(rooms);
    expect([...indexed.keys.keys()]).toEqual(DEFAULT_INDEXES.keys);
    expect([...indexed.orders.keys()]).toEqual(DEFAULT_INDEXES.orders);
    const bare = createRoomCollection(rooms, { indexes: {} });
    expect(bare.keys.size + bare.orders.size + bare.presence.size).toBe(0);
    expect(queryRooms(bare, {}, admin)).toEqual(queryRooms(indexed, {}, admin));
  });
});
