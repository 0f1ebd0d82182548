// Issue 17 ("no stall"), by the engine's counters, never timings: under a sustained stream of realistic patches
// with queries in between, no single apply or query does more than a bounded amount of merge work
// (≤ slice + C·√n work units: one slice plus one generator step, whose largest is O(overlay)), merges do
// finish (spread over many derivations), and the overlay a query reads stays near the merge threshold.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery, type Principal, type Room } from '../../src/index.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { CHUNK } from '../../src/collection/derived/slices.js';
import { createLeveledDeriver, createRoomStore, defaultMergeAt, overlaySize, type RoomStore } from '../../src/store/index.js';

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
const ADMIN_PAGE = compiledOf({}, admin);
const AGENT_PAGE = compiledOf({ agents: [agent0._id] }, agentPrincipal);

const newest = Math.max(...rooms.map((r) => (r['ts'] as Date).getTime()));
const ids = rooms.map((r) => r['_id'] as string);
const template = { ...(rooms[0] as Room) } as Record<string, unknown>;
for (const f of ['servedBy', 'closedAt', 'closedBy', 'closer', 'callDuration', 'tags']) delete template[f];

/** The k-th realistic patch: a new call, its answer, a close, a tag of an old room. */
const patchOf = (k: number): unknown[] => {
  const ts = new Date(newest + (k + 1) * 1000).toISOString();
  const call = k - (k % 4);
  return [
    [
      {
        op: 'add',
        path: `/new-${k}`,
        value: JSON.parse(JSON.stringify({ ...template, _id: `new-${k}`, ts, callStarted: ts, open: true })),
      },
    ],
    [{ op: 'add', path: `/new-${call}/servedBy`, value: { _id: agent0._id, username: agent0.username } }],
    [{ op: 'remove', path: `/new-${call}/open` }],
    [{ op: 'add', path: `/${ids[(k * 104729) % N]}/tags`, value: ['vip'] }],
  ][k % 4] as unknown[];
};

const apply = (store: RoomStore, patch: unknown[]): void => {
  const r = store.apply(patch);
  if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
};

describe('leveled deriver: bounded work per apply and per query', () => {
  it.each([
    { slice: 4 * CHUNK, queryEvery: 5 },
    { slice: 32 * CHUNK, queryEvery: 3 },
    { slice: 8 * CHUNK, queryEvery: 200 }, // rare queries: applies derive past maxPendingChanges and drive the merges
  ])('slice $slice work units, a query round every $queryEvery patches', ({ slice, queryEvery }) => {
    const deriver = createLeveledDeriver({ maxSliceWork: slice });
    const created = createRoomStore(rooms, { deriveCollection: deriver });
    if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
    const store = created.right;
    store.snapshot();
    const mergeAt = defaultMergeAt(N);
    // One slice, overshot by at most one generator step: ≤ a few CHUNKs, or O(overlay) for the steps over the changed rooms.
    const bound = slice + 8 * CHUNK + 16 * 2 * mergeAt;
    let worstStep = 0;
    let maxOverlay = 0;
    let maxExamined = 0;
    const measure = (f: () => void): void => {
      const before = deriver.stats.mergeWork;
      f();
      worstStep = Math.max(worstStep, deriver.stats.mergeWork - before);
    };
    for (let k = 0; k < 6_000; k++) {
      measure(() => apply(store, patchOf(k)));
      if (k % queryEvery !== queryEvery - 1) continue;
      measure(() => {
        const snapshot = store.snapshot();
        const o = overlaySize(snapshot);
        maxOverlay = Math.max(maxOverlay, o.tombstones + o.delta);
        const { stats } = runQueryWithStats(ADMIN_PAGE, snapshot);
        // The default page walks the ts order past tombstones, then scans the changed rooms.
        expect(stats.docsExamined).toBeLessThanOrEqual(50 + o.tombstones + o.delta);
        maxExamined = Math.max(maxExamined, stats.docsExamined);
        runQuery(AGENT_PAGE, snapshot);
      });
    }
    const { stats } = deriver;
    expect(worstStep).toBeLessThanOrEqual(bound);
    expect(stats.maxSliceWork).toBeLessThanOrEqual(bound);
    // Merges finished, each spread over several derivations (none did a whole merge at once).
    expect(stats.compactions).toBeGreaterThanOrEqual(1);
    expect(stats.slices).toBeGreaterThan(4 * stats.compactions);
    expect(stats.maxSliceWork * 3).toBeLessThan(stats.mergeWork / stats.compactions);
    // A derivation folds at most the pending limit (64) or a query round's patches.
    expect(stats.maxChanges).toBeLessThanOrEqual(Math.max(64, queryEvery) + 2);
    // The overlay a query reads: the threshold plus the changes made while a merge ran (paced to ~mergeAt / 2).
    expect(maxOverlay).toBeLessThanOrEqual(3 * mergeAt);
    expect(maxExamined).toBeLessThanOrEqual(50 + 3 * mergeAt);
    // And the answers are a scan's.
    expect(runQuery(ADMIN_PAGE, store.snapshot())).toEqual(runQuery(ADMIN_PAGE, store.current().rooms()));
    expect(runQuery(AGENT_PAGE, store.snapshot())).toEqual(runQuery(AGENT_PAGE, store.current().rooms()));
  });
});
