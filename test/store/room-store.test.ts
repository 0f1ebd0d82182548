// The store by example: validation with op index / path / reason, atomicity, dates, versions,
// listeners, and old versions staying exactly as they were.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { createRoomCollection, queryRooms, type RoomCollection, type RoomsPage } from '../../src/index.js';
import { generateRooms } from '../../src/fixtures/index.js';
import { createDeriver, createRoomStore, type RoomChange, type RoomStore } from '../../src/store/index.js';
import { overlayOf } from '../support/overlay-of.js';

const rooms = generateRooms({ count: 20, seed: 8 });
const id = rooms[0]!['_id'] as string;
const other = rooms[1]!['_id'] as string;

const storeOf = (xs: unknown = rooms, options = {}): RoomStore => {
  const s = createRoomStore(xs, options);
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};
const leftOf = <L, R>(e: E.Either<L, R>): L => {
  if (E.isRight(e)) throw new Error('expected Left');
  return e.left;
};

describe('createRoomStore', () => {
  it('validates the initial rooms (index, path, reason) and rejects duplicate ids', () => {
    expect(leftOf(createRoomStore([rooms[0], { ...rooms[1], name: 42 }]))).toMatchObject({ code: 'invalid-room', index: 1, path: '/1' });
    expect(leftOf(createRoomStore([rooms[0], { t: 'l' }]))).toMatchObject({ code: 'invalid-room', index: 1, path: '/1' });
    // One room policy with createRoomsApi and the loaders: every room type is held, only call rooms are matched.
    const mixed = storeOf([rooms[0], { _id: 'livechat-1', t: 'l', ts: new Date(0) }]);
    expect(mixed.size).toBe(2);
    expect(E.map((p: RoomsPage) => p.total)(queryRooms(mixed.snapshot(), '', { _id: 'a', username: 'a', roles: ['admin'] }))).toEqual(
      E.right(1),
    );
    expect(leftOf(createRoomStore([rooms[0], rooms[0]]))).toMatchObject({ code: 'id-mismatch', index: 1 });
    expect(leftOf(createRoomStore('rooms'))).toMatchObject({ code: 'not-an-array' });
    expect(E.map((s: RoomStore) => s.size)(createRoomStore())).toEqual(E.right(0));
  });

  it('copies: the caller’s rooms are neither frozen nor shared', () => {
    const mine = structuredClone(rooms);
    const store = storeOf(mine);
    expect(Object.isFrozen(mine[0])).toBe(false);
    (mine[0] as Record<string, unknown>)['name'] = 'changed by caller';
    expect(store.get(id)!['name']).toBe(rooms[0]!['name']);
  });

  it('keeps no object of the caller’s: changing the input after the call changes neither the store nor its snapshot', () => {
    const mine = structuredClone(rooms) as Array<Record<string, unknown>>;
    const store = storeOf(mine);
    const before = JSON.stringify(store.snapshot().docs);
    // No object reachable from a stored room is one of the caller's (Dates, nested objects, tags included).
    const objectsOf = (x: unknown, out = new Set<unknown>()): Set<unknown> => {
      if (typeof x !== 'object' || x === null || out.has(x)) return out;
      out.add(x);
      for (const v of Object.values(x)) objectsOf(v, out);
      return out;
    };
    const callers = objectsOf(mine);
    for (const room of mine) for (const o of objectsOf(store.get(room['_id'] as string))) expect(callers.has(o)).toBe(false);
    for (const room of mine) {
      for (const [key, value] of Object.entries(room)) {
        if (value instanceof Date) value.setTime(0);
        else if (Array.isArray(value)) value.push('changed');
        else if (typeof value === 'object' && value !== null) {
          for (const [k, inner] of Object.entries(value)) {
            if (inner instanceof Date) inner.setTime(0);
            else (value as Record<string, unknown>)[k] = 'changed';
          }
        } else room[key] = key === '_id' ? value : 'changed';
      }
    }
    expect(JSON.stringify(store.snapshot().docs)).toBe(before);
    expect(store.get(id)).toEqual(rooms[0]);
    // Stored rooms are frozen all the way down.
    const stored = store.get(id)!;
    expect(Object.isFrozen(stored) && Object.isFrozen(stored['v']) && Object.isFrozen(stored['ts'])).toBe(true);
  });
});

describe('apply', () => {
  it('closes a call, tags it, turns ISO strings under date fields into Dates', () => {
    const store = storeOf();
    const r = store.apply([
      { op: 'add', path: `/${id}/open`, value: true },
      { op: 'remove', path: `/${id}/open` },
      { op: 'add', path: `/${id}/tags`, value: [] },
      { op: 'add', path: `/${id}/tags/-`, value: 'vip' },
      { op: 'add', path: `/${id}/closedAt`, value: '2024-05-01T10:00:00.000Z' },
    ]);
    expect(r).toEqual(E.right({ version: 1, changed: [id] }));
    const room = store.get(id)!;
    expect(room['open']).toBeUndefined();
    expect(room['tags']).toEqual(['vip']);
    expect(room['closedAt']).toEqual(new Date('2024-05-01T10:00:00.000Z'));
  });

  it('is atomic: one bad operation and nothing changes (index, path, reason)', () => {
    const store = storeOf();
    const before = store.current();
    const error = leftOf(
      store.apply([
        { op: 'replace', path: `/${id}/queue`, value: 'changed' },
        { op: 'remove', path: `/${other}` },
        { op: 'replace', path: `/${id}/name`, value: 42 },
      ]),
    );
    expect(error).toMatchObject({ code: 'invalid-room', index: 2, path: `/${id}/name` });
    expect(error.reason).toContain('expected string');
    expect(store.current()).toBe(before);
    expect(store.get(other)).toBeDefined();
  });

  it.each([
    [[{ op: 'remove', path: '/nope/open' }], 'unknown-room', 0],
    [[{ op: 'add', path: `/${id}/a/b`, value: 1 }], 'path-unresolvable', 0],
    [[{ op: 'add', path: `/${id}/ts/x`, value: 1 }], 'path-unresolvable', 0],
    [[{ op: 'test', path: `/${id}/t`, value: 'l' }], 'test-failed', 0],
    [[{ op: 'add', path: '', value: {} }], 'unsupported-path', 0],
    [[{ op: 'add', path: 'x', value: 1 }], 'invalid-pointer', 0],
    [[{ op: 'add', path: '/a~2', value: 1 }], 'invalid-pointer', 0],
    [[{ op: 'nope', path: `/${id}` }], 'invalid-operation', 0],
    [[{ op: 'add', path: `/${id}/x` }], 'invalid-operation', 0],
    [[{ op: 'move', path: `/${id}/x` }], 'invalid-operation', 0],
    [[{ op: 'add', path: `/${id}/x`, value: () => 1 }], 'invalid-value', 0],
    [[{ op: 'add', path: `/${id}/x`, value: new Map() }], 'invalid-value', 0],
    [[{ op: 'add', path: '/new', value: { ...rooms[2], _id: 'other' } }], 'id-mismatch', 0],
    [[{ op: 'add', path: '/new', value: 'room' }], 'invalid-room', 0],
    [[{ op: 'move', from: `/${id}`, path: `/${id}/x` }], 'invalid-operation', 0],
    [[{ op: 'add', path: `/${id}/__proto__`, value: {} }], 'path-unresolvable', 0],
    ['[]', 'not-an-array', null],
  ])('refuses %j with %s', (ops, code, index) => {
    const store = storeOf();
    expect(leftOf(store.apply(ops))).toMatchObject({ code, index });
    expect(store.version).toBe(0);
  });

  it('refuses cycles and oversized patches', () => {
    const store = storeOf(rooms, { maxOperations: 2 });
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(leftOf(store.apply([{ op: 'add', path: `/${id}/x`, value: cyclic }]))).toMatchObject({ code: 'invalid-value' });
    expect(leftOf(store.apply([1, 2, 3]))).toMatchObject({ code: 'too-many-operations' });
  });

  it('adds, replaces, copies, moves and removes whole rooms', () => {
    const store = storeOf();
    const fresh = { ...JSON.parse(JSON.stringify(rooms[2])), _id: 'fresh/1' };
    expect(E.isRight(store.apply([{ op: 'add', path: '/fresh~11', value: fresh }]))).toBe(true);
    expect(store.get('fresh/1')!['ts']).toBeInstanceOf(Date);
    expect(
      E.isRight(
        store.apply([
          { op: 'copy', from: `/${id}`, path: '/c' },
          { op: 'replace', path: '/c/_id', value: 'c' },
        ]),
      ),
    ).toBe(true);
    expect(
      E.isRight(
        store.apply([
          { op: 'move', from: `/${id}/name`, path: `/${other}/name` },
          { op: 'add', path: `/${id}/name`, value: 'n' },
        ]),
      ),
    ).toBe(true);
    expect(store.get(other)!['name']).toBe(rooms[0]!['name']);
    expect(
      store.apply([
        { op: 'remove', path: '/c' },
        { op: 'remove', path: '/fresh~11' },
      ]),
    ).toEqual(E.right({ version: 4, changed: ['c', 'fresh/1'] }));
    expect(store.size).toBe(rooms.length);
  });

  it('a valid patch that changes nothing keeps the version and tells no one', () => {
    const store = storeOf();
    let heard = 0;
    store.subscribe(() => heard++);
    expect(store.apply([{ op: 'test', path: `/${id}/_id`, value: id }])).toEqual(E.right({ version: 0, changed: [] }));
    expect(heard).toBe(0);
  });

  it('does not keep the caller’s values', () => {
    const store = storeOf();
    const tags = ['a'];
    store.apply([{ op: 'add', path: `/${id}/tags`, value: tags }]);
    tags.push('b');
    expect(store.get(id)!['tags']).toEqual(['a']);
  });
});

describe('listeners', () => {
  it('hear changes in version order, even when a listener applies a patch; a throwing listener is reported', () => {
    const errors: unknown[] = [];
    const store = storeOf(rooms, { onListenerError: (e: unknown) => errors.push(e) });
    const heard: number[] = [];
    store.subscribe((c) => {
      if (c.version === 1) store.apply([{ op: 'replace', path: `/${id}/queue`, value: 'nested' }]);
    });
    store.subscribe(() => {
      throw new Error('boom');
    });
    const off = store.subscribe((c) => heard.push(c.version));
    store.apply([{ op: 'replace', path: `/${id}/queue`, value: 'outer' }]);
    expect(heard).toEqual([1, 2]);
    expect(errors).toHaveLength(2);
    off();
    store.apply([{ op: 'replace', path: `/${id}/queue`, value: 'after' }]);
    expect(heard).toEqual([1, 2]);
  });

  it('tell each change’s before and after', () => {
    const store = storeOf();
    const before = store.get(id);
    let change: unknown;
    store.subscribe((c) => (change = c));
    store.apply([{ op: 'remove', path: `/${id}` }]);
    expect(change).toEqual({ version: 1, changes: [{ id, before, after: undefined }] });
  });
});

describe('snapshot', () => {
  it('is an indexed collection per version, cached', () => {
    const store = storeOf();
    const s0 = store.snapshot();
    expect(store.snapshot()).toBe(s0);
    expect(s0.size).toBe(rooms.length);
    store.apply([{ op: 'remove', path: `/${id}` }]);
    expect(store.snapshot()).not.toBe(s0);
    expect(store.snapshot().size).toBe(rooms.length - 1);
    expect(s0.size).toBe(rooms.length);
  });
});

describe('deriveCollection (the incremental-index hook)', () => {
  it('derives a queried version’s collection from the last built one plus the changes in between', () => {
    const calls: Array<{ from: number; changes: string[] }> = [];
    // A naive derivation: what an incremental collection must be equivalent to.
    const derive = (previous: RoomCollection, changes: ReadonlyArray<RoomChange>): RoomCollection => {
      calls.push({ from: previous.size, changes: changes.map((c) => c.id) });
      const byId = new Map(previous.docs.map((r) => [r['_id'] as string, r]));
      for (const c of changes) {
        if (c.after === undefined) byId.delete(c.id);
        else byId.set(c.id, c.after);
      }
      return createRoomCollection([...byId.values()]);
    };
    const store = storeOf(rooms, { deriveCollection: derive });
    store.snapshot(); // version 0 built from scratch
    store.apply([{ op: 'remove', path: `/${id}` }]);
    store.apply([{ op: 'replace', path: `/${other}/queue`, value: 'q' }]);
    const s2 = store.snapshot();
    expect(calls).toEqual([{ from: 20, changes: [id, other] }]);
    expect(s2.size).toBe(19);
    expect(s2.docs.find((r) => r['_id'] === other)!['queue']).toBe('q');
  });

  it('derives (never rebuilds) when too many changes piled up unqueried', () => {
    const deriver = createDeriver();
    const sizes: number[] = [];
    const derive = (p: RoomCollection, changes: ReadonlyArray<RoomChange>): RoomCollection => (
      sizes.push(changes.length),
      deriver(p, changes)
    );
    const store = storeOf(rooms, { deriveCollection: derive, maxPendingChanges: 2 });
    const base = store.snapshot();
    for (const value of ['a', 'b', 'c', 'd', 'e']) store.apply([{ op: 'replace', path: `/${other}/queue`, value }]);
    expect(sizes).toEqual([2, 2]); // apply 3 and apply 5 first derived the chain before them
    const last = store.snapshot();
    expect(sizes).toEqual([2, 2, 1]);
    expect(overlayOf(last)?.base).toBe(base); // every collection an overlay over the one built at the start
    expect(last.docs.find((r) => r['_id'] === other)!['queue']).toBe('e');
  });

  it('builds nothing while nobody queried', () => {
    let derived = 0;
    const store = storeOf(rooms, { deriveCollection: (p: RoomCollection) => (derived++, p), maxPendingChanges: 1 });
    for (const value of ['a', 'b', 'c']) store.apply([{ op: 'replace', path: `/${other}/queue`, value }]);
    expect(store.snapshot().docs.find((r) => r['_id'] === other)!['queue']).toBe('c');
    expect(derived).toBe(0);
  });
});
