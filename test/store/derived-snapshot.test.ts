// Store snapshots are derived, not rebuilt (issue #8): after k changes, the newest snapshot shares the
// last built collection's indexes (an overlay over them), a query examines O(page + k) documents, and a
// rebuild (compaction) happens only once the overlay passes its threshold. Work counters, never timings.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery, type Principal, type Room } from '../../src/index.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { createDeriver, createRoomStore, overlaySize, type DeriveOptions, type RoomStore } from '../../src/store/index.js';
import { overlayOf } from '../support/overlay-of.js';

const N = 20_000;
const users = generateUsers({ seed: 1, agents: 20 });
const agents = agentsOf(users);
const rooms = generateRooms({ count: N, seed: 1, agents });
const agent0 = agents[0] as { _id: string; username: string };
const admin: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const agentPrincipal: Principal = { _id: agent0._id, username: agent0.username, roles: ['livechat-agent'] };

const compiledOf = (params: Record<string, unknown>, principal: Principal): CompiledQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, principal))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
};

const QUERIES = [
  compiledOf({}, admin), // default page: 50 newest
  compiledOf({ agents: [agent0._id] }, agentPrincipal), // one agent's rooms
  compiledOf({ open: 'true', sort: '{"ts":1}', count: '25' }, admin), // open calls, oldest first
  compiledOf({ queue: '8001', offset: '100', count: '20' }, admin),
];

const storeWith = (options: DeriveOptions = {}): { store: RoomStore; deriver: ReturnType<typeof createDeriver> } => {
  const deriver = createDeriver(options);
  // A long pending chain (the default is 64): these tests pin what queries, not applies, derive.
  const created = createRoomStore(rooms, { deriveCollection: deriver, maxPendingChanges: 65_536 });
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  return { store: created.right, deriver };
};

const newest = Math.max(...rooms.map((r) => (r['ts'] as Date).getTime()));
const ids = rooms.map((r) => r['_id'] as string);

/** k realistic changes: new calls (top of every default page), answers, closes, tags of old rooms. */
const change = (store: RoomStore, k: number): void => {
  const ts = new Date(newest + (k + 1) * 1000).toISOString();
  const template = { ...(rooms[0] as Room) } as Record<string, unknown>;
  for (const f of ['servedBy', 'closedAt', 'closedBy', 'closer', 'callDuration', 'tags']) delete template[f];
  const patch = [
    [
      {
        op: 'add',
        path: `/new-${k}`,
        value: JSON.parse(JSON.stringify({ ...template, _id: `new-${k}`, ts, callStarted: ts, open: true })),
      },
    ],
    [{ op: 'add', path: `/new-${k - 1}/servedBy`, value: { _id: agent0._id, username: agent0.username } }],
    [{ op: 'remove', path: `/${ids[(k * 7919) % N]}` }],
    [{ op: 'add', path: `/${ids[(k * 104729) % N]}/tags`, value: ['vip'] }],
  ][k % 4] as unknown[];
  const r = store.apply(patch);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
};

describe('store snapshots derive from the last built collection', () => {
  it('a query after k changes examines O(page + k) documents and answers like the scan', () => {
    const { store, deriver } = storeWith();
    const base = store.snapshot();
    expect(overlayOf(base)).toBeUndefined();
    for (let k = 0; k < 200; k++) {
      change(store, k);
      if (k % 20 !== 19) continue;
      const snapshot = store.snapshot();
      expect(overlayOf(snapshot)?.base).toBe(base); // no rebuild: the same indexes, an overlay over them
      const { tombstones, delta } = overlaySize(snapshot);
      expect(tombstones + delta).toBeLessThanOrEqual(k + 1);
      for (const compiled of QUERIES) {
        const { page, stats } = runQueryWithStats(compiled, snapshot);
        expect(page).toEqual(runQuery(compiled, store.current().rooms()));
        const limit = compiled.paging.limit ?? 0;
        expect(stats.docsExamined).toBeLessThanOrEqual(compiled.paging.offset + limit + (k + 1));
      }
    }
    expect(deriver.stats.compactions).toBe(0);
    expect(deriver.stats.changes).toBe(200);
  });

  it('apply derives nothing below maxPendingChanges; a snapshot per patch costs O(changes) derivation work', () => {
    const { store, deriver } = storeWith();
    store.snapshot();
    for (let k = 0; k < 100; k++) change(store, k);
    expect(deriver.stats.derivations).toBe(0);
    const s = store.snapshot();
    expect(deriver.stats).toMatchObject({ derivations: 1, changes: 100 });
    expect(overlayOf(s)?.log.lookups).toBeLessThanOrEqual(100); // one base-position search per first change of a base room
    for (let k = 100; k < 150; k++) {
      change(store, k);
      store.snapshot();
    }
    expect(deriver.stats).toMatchObject({ derivations: 51, changes: 150, compactions: 0, forks: 0 });
  });

  it('a log whose few rooms change again and again is squashed: memory O(changed rooms), same answers', () => {
    const { store, deriver } = storeWith({ maxLogLength: 100 });
    store.snapshot();
    for (let i = 0; i < 1000; i++) {
      const r = store.apply([{ op: 'replace', path: `/${ids[i % 10]}/queue`, value: `q${i}` }]);
      if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
      if (i % 3 === 0) store.snapshot();
    }
    const snapshot = store.snapshot();
    expect(deriver.stats.squashes).toBeGreaterThan(5);
    expect(deriver.stats.compactions).toBe(0);
    expect(overlayOf(snapshot)?.log.length).toBeLessThanOrEqual(100 + 3);
    expect(overlaySize(snapshot)).toMatchObject({ tombstones: 10, delta: 10 });
    expect(overlayOf(snapshot)?.log.lookups).toBe(0); // a squash carries base positions over: no search again
    for (const compiled of QUERIES) expect(runQuery(compiled, snapshot)).toEqual(runQuery(compiled, store.current().rooms()));
  });

  it('compacts (one rebuild) once the overlay passes its threshold, then derives over the new base', () => {
    const { store, deriver } = storeWith({ compactAt: () => 64 });
    const first = store.snapshot();
    for (let k = 0; k < 100; k++) {
      change(store, k);
      store.snapshot();
    }
    expect(deriver.stats.compactions).toBe(1);
    const snapshot = store.snapshot();
    expect(overlayOf(snapshot)?.base).not.toBe(first);
    expect(overlaySize(snapshot).tombstones + overlaySize(snapshot).delta).toBeLessThan(64);
    for (const compiled of QUERIES) expect(runQuery(compiled, snapshot)).toEqual(runQuery(compiled, store.current().rooms()));
  });

  it('an older version queried after a newer one forks the overlay and keeps its own answer', () => {
    const { store, deriver } = storeWith();
    store.snapshot();
    change(store, 0);
    store.snapshot(); // an overlay over the base
    change(store, 1);
    const v1 = store.current();
    change(store, 2);
    change(store, 3);
    const s3 = store.snapshot(); // extends that overlay's log in place
    const s1 = v1.collection();
    expect(deriver.stats.forks).toBe(1);
    expect(s1.size).toBe(v1.size);
    for (const compiled of QUERIES) {
      expect(runQuery(compiled, s1)).toEqual(runQuery(compiled, v1.rooms()));
      expect(runQuery(compiled, s3)).toEqual(runQuery(compiled, store.current().rooms()));
    }
  });
});
