// Live queries by example, with work counters (never timings): what a change costs, when the page
// is re-read, what is emitted, and that close() stops everything.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { generateRooms } from '../../src/fixtures/index.js';
import { parseRoomsParams, scopeQuery, type Principal, type ScopedQuery } from '../../src/index.js';
import { liveQuery, liveRooms, type LiveEvent } from '../../src/live/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';

const admin: Principal = { _id: 'admin', username: 'admin', roles: ['admin'] };
const rooms = generateRooms({ count: 300, seed: 5 });

const storeOf = (): RoomStore => {
  const s = createRoomStore(rooms);
  if (E.isLeft(s)) throw new Error(JSON.stringify(s.left));
  return s.right;
};
const scoped = (params: Record<string, unknown>, who: Principal = admin): ScopedQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, who))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return q.right;
};
/** The oldest room by ts: on the last page of a newest-first query. */
const oldest = (): string => [...rooms].sort((a, b) => (a['ts'] as Date).getTime() - (b['ts'] as Date).getTime())[0]!['_id'] as string;

describe('liveQuery', () => {
  it('emits the page first, then only patches that change it', () => {
    const store = storeOf();
    const events: LiveEvent[] = [];
    const live = liveQuery(store, scoped({ count: 5 }), (e) => events.push(e));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'page', version: 0, page: { count: 5, offset: 0, total: 300 } });
    const fresh = { ...JSON.parse(JSON.stringify(rooms[0])), _id: 'newest', ts: '2099-01-01T00:00:00.000Z' };
    store.apply([{ op: 'add', path: '/newest', value: fresh }]);
    expect(events).toHaveLength(2);
    const copy = jsonpatch.applyPatch(jsonpatch.deepClone((events[0] as { page: unknown }).page), [
      ...(events[1] as { patch: ReadonlyArray<jsonpatch.Operation> }).patch,
    ]).newDocument as { rooms: Array<{ _id: string }>; total: number };
    expect(copy.rooms[0]!._id).toBe('newest');
    expect(copy.total).toBe(301);
    expect(live.page()).toEqual(copy);
  });

  it('a change that matches neither before nor after costs two predicate evaluations and emits nothing', () => {
    const store = storeOf();
    const events: LiveEvent[] = [];
    const target = rooms.find((r) => r['queue'] !== 'nowhere')!['_id'] as string;
    const live = liveQuery(store, scoped({ queue: 'nowhere' }), (e) => events.push(e));
    const before = { ...live.stats };
    expect(before.predicateEvaluations).toBe(0); // the first page is read through the indexes
    expect(before.pageReads).toBe(1);
    store.apply([{ op: 'add', path: `/${target}/tags`, value: ['vip'] }]);
    expect(live.stats.predicateEvaluations - before.predicateEvaluations).toBe(2); // its value before and after
    expect(live.stats.entryMoves).toBe(0);
    expect(live.stats.pageReads).toBe(before.pageReads);
    expect(events).toHaveLength(1);
  });

  it('a change ranked after the page end does not re-read the page; total is counted', () => {
    const store = storeOf();
    const events: LiveEvent[] = [];
    const live = liveQuery(store, scoped({ count: 5 }), (e) => events.push(e));
    const reads = live.stats.pageReads;
    store.apply([{ op: 'add', path: `/${oldest()}/tags`, value: ['vip'] }]);
    expect(live.stats.pageReads).toBe(reads);
    expect(events).toHaveLength(1); // still matching, same total: the page document did not change
    store.apply([{ op: 'remove', path: `/${oldest()}` }]);
    expect(live.stats.pageReads).toBe(reads);
    expect(events[1]).toEqual({ kind: 'patch', version: 2, patch: [{ op: 'replace', path: '/total', value: 299 }] });
  });

  it('a page whose buffer runs dry re-reads its window through the indexes: documents read follow the window', () => {
    const store = storeOf();
    const events: LiveEvent[] = [];
    const live = liveQuery(store, scoped({ count: 5 }), (e) => events.push(e));
    expect(live.stats.entriesHeld).toBe(5 + 8); // the page and the smallest buffer
    const first = { ...live.stats };
    expect(first.docsRead).toBeLessThanOrEqual(13);
    // Remove the top room nine times: the buffer's 8 rooms move up, then it is dry and the window is read again.
    for (let i = 0; i < 9; i++) {
      const top = (live.page().rooms[0] as { _id: string })._id;
      store.apply([{ op: 'remove', path: `/${top}` }]);
    }
    expect(live.stats.pageReads).toBe(first.pageReads + 1);
    expect(live.stats.docsRead - first.docsRead).toBeLessThanOrEqual(13 + 9); // the window, plus the overlay's changes
    expect(live.page().total).toBe(291);
  });

  it('close() releases: no more events, no more work', () => {
    const store = storeOf();
    const events: LiveEvent[] = [];
    const live = liveQuery(store, scoped({ count: 5 }), (e) => events.push(e));
    live.close();
    live.close();
    const stats = { ...live.stats };
    store.apply([{ op: 'remove', path: `/${rooms[3]!['_id'] as string}` }]);
    expect(events).toHaveLength(1);
    expect(live.stats).toEqual(stats);
  });

  it('an onChange that throws is reported and the query carries on', () => {
    const store = storeOf();
    const errors: unknown[] = [];
    const live = liveQuery(
      store,
      scoped({ count: 5 }),
      () => {
        throw new Error('client gone');
      },
      { onError: (e) => errors.push(e) },
    );
    store.apply([{ op: 'remove', path: `/${oldest()}` }]);
    expect(errors).toHaveLength(2);
    expect(live.page().total).toBe(299);
  });
});

describe('liveRooms', () => {
  it('answers the endpoint’s 400 / 403 and follows a valid request', () => {
    const store = storeOf();
    const agent: Principal = { _id: 'agent-x', username: 'x', roles: ['livechat-agent'] };
    const denied = liveRooms(store, 'agents[]=someone-else', agent, {}, () => undefined);
    expect(E.isLeft(denied) && denied.left.status).toBe(403);
    const bad = liveRooms(store, 'count=abc', admin, {}, () => undefined);
    expect(E.isLeft(bad) && bad.left.status).toBe(400);
    const events: LiveEvent[] = [];
    const ok = liveRooms(store, 'agents[]=agent-x&count=3', agent, {}, (e) => events.push(e));
    expect(E.isRight(ok)).toBe(true);
    expect(events[0]).toMatchObject({ kind: 'page', page: { total: 0 } });
  });
});

describe('liveQuery started inside a store listener', () => {
  it('skips the events its first page already reflects', () => {
    const store = storeOf();
    const target = rooms[7]!['_id'] as string;
    const events: LiveEvent[] = [];
    let live: ReturnType<typeof liveQuery> | undefined;
    store.subscribe((c) => {
      if (c.version !== 1) return;
      store.apply([{ op: 'replace', path: `/${target}/queue`, value: 'stale' }]); // version 2, queued
      store.apply([{ op: 'replace', path: `/${target}/queue`, value: 'fresh' }]); // version 3, queued
      live = liveQuery(store, scoped({ queue: 'stale' }), (e) => events.push(e)); // starts at version 3
    });
    store.apply([{ op: 'replace', path: `/${target}/queue`, value: 'first' }]);
    // Version 2's event (queue 'stale') arrives after the query read version 3: it must be ignored.
    expect(events.map((e) => e.kind)).toEqual(['page']);
    expect(live!.page().total).toBe(0);
    expect(live!.version).toBe(3);
  });
});
