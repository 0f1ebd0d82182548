// readWindow: a window of the matches as stored rooms, the same order and total as runQuery, and a cost
// (documents read) that follows the window and the store's overlay, not the collection's size.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/index.js';
import {
  compileQuery,
  createRoomCollection,
  parseRoomsParams,
  runQuery,
  scopeQuery,
  type Principal,
  type ScopedQuery,
} from '../../src/index.js';
import { readWindow, windowQuery } from '../../src/exec/read-window.js';
import { createRoomStore } from '../../src/store/index.js';

const admin: Principal = { _id: 'admin', username: 'admin', roles: ['admin'] };
const scoped = (params: Record<string, unknown>): ScopedQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, admin))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return q.right;
};

describe('readWindow', () => {
  it('reads the stored rooms ranked [from, end) in runQuery’s order, with its total', () => {
    const rooms = generateRooms({ count: 500, seed: 2 });
    const c = createRoomCollection(rooms);
    for (const params of [{}, { open: 'true', sort: '{"ts":1}' }, { sort: '{"closedAt":-1}' }]) {
      const compiled = compileQuery(scoped({ ...params, count: '100' }));
      const all = runQuery(compiled, c);
      const w = readWindow(windowQuery(compiled, 20, 70), c);
      expect(w.total).toBe(all.total);
      expect(w.rooms.map((r) => r['_id'])).toEqual(all.rooms.slice(20, 70).map((r) => r['_id']));
      expect(w.rooms.every((r) => rooms.includes(r))).toBe(true); // the stored objects, not copies
    }
  });

  it('costs O(window) documents through an index-ordered plan, whatever n; a derived snapshot adds its delta', () => {
    const read = (n: number) => {
      const store = createRoomStore(generateRooms({ count: n, seed: 3 }));
      if (E.isLeft(store)) throw new Error('store');
      const compiled = windowQuery(compileQuery(scoped({ count: '50' })), 0, 100);
      const fresh = readWindow(compiled, store.right.snapshot()).stats.docsExamined;
      const id = String(store.right.current().rooms()[0]!['_id']);
      store.right.apply([{ op: 'replace', path: `/${id}/queue`, value: 'moved' }]);
      const derived = readWindow(compiled, store.right.snapshot());
      return { fresh, derived: derived.stats.docsExamined, total: derived.total };
    };
    const small = read(2_000);
    const large = read(20_000);
    expect(small.fresh).toBeLessThanOrEqual(100);
    expect(large.fresh).toBe(small.fresh);
    expect(large.derived).toBeLessThanOrEqual(101 + 1); // the window, plus the one changed room in the delta
    expect(large.total).toBe(20_000);
  });
});
