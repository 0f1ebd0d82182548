// `node --max-old-space-size=8192 --expose-gc --import tsx bench/live/run-live.ts [--sizes 100000,1000000] [--changes 2000]`
// Issue #8's benchmark, separate from bench/run.ts: per-change cost of keeping live pages current vs
// re-running the query (scan, and through a prebuilt indexed collection), for a stream of realistic
// changes (new call, answer, close, tag); and store patch throughput vs a bare Map.set.
// Live work is timed alone: the store's change events are recorded first, then replayed into the
// live queries, so store apply time is not counted twice. Ratios come from the same run only.
import * as E from 'fp-ts/lib/Either.js';
import {
  agentsOf, compileQuery, createRoomCollection, generateRooms, generateUsers, parseRoomsParams, runQuery, scopeQuery,
  type Principal, type Room, type ScopedQuery,
} from '../../src/index.js';
import { liveQuery, type LiveSource } from '../../src/live/index.js';
import { createRoomStore, type RoomStore, type StoreChange } from '../../src/store/index.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const sizes = (flag('--sizes') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const CHANGES = Number(flag('--changes') ?? 2000);
const APPLY_OPS = Number(flag('--ops') ?? 100_000);
const SEED = 1;

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const now = (): number => performance.now();
const fmt = (ms: number): string => (ms >= 1 ? `${ms.toFixed(2)} ms` : `${(ms * 1000).toFixed(1)} µs`);

const users = generateUsers({ seed: SEED, agents: 50 });
const agents = agentsOf(users);
const admin: Principal = { _id: 'bench-admin', username: 'admin', roles: ['admin'] };
const agent0 = agents[0] as { _id: string; username: string };
const agentPrincipal: Principal = { _id: agent0._id, username: agent0.username, roles: ['livechat-agent'] };

const QUERIES: ReadonlyArray<{ name: string; params: Record<string, unknown>; principal: Principal }> = [
  { name: 'admin default page', params: {}, principal: admin },
  { name: "one agent's rooms", params: { agents: [agent0._id] }, principal: agentPrincipal },
  { name: 'open calls, oldest first', params: { open: 'true', sort: '{"ts":1}', count: '25' }, principal: admin },
];

const scopedOf = (params: Record<string, unknown>, principal: Principal): ScopedQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, principal))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return q.right;
};

/** A seeded stream of patches: each new call is answered, closed and tagged a few steps later; old rooms get tagged. */
const changeStream = (rooms: ReadonlyArray<Room>, count: number): unknown[][] => {
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed % n;
  };
  const template = JSON.parse(JSON.stringify(rooms[0])) as Record<string, unknown>;
  for (const k of ['servedBy', 'closedAt', 'closedBy', 'closer', 'callDuration', 'tags']) delete template[k];
  let newest = 0;
  for (const r of rooms) newest = Math.max(newest, (r['ts'] as Date).getTime());
  const out: unknown[][] = [];
  for (let k = 0; out.length < count; k++) {
    const id = `live-${k}`;
    const ts = new Date(newest + (k + 1) * 1000).toISOString();
    out.push([{ op: 'add', path: `/${id}`, value: { ...template, _id: id, ts, callStarted: ts, open: true } }]); // new call
    const a = agents[rand(agents.length)] as { _id: string; username: string };
    if (k >= 1) out.push([{ op: 'add', path: `/live-${k - 1}/servedBy`, value: { _id: a._id, username: a.username, ts } }]); // answer
    if (k >= 2) out.push([{ op: 'remove', path: `/live-${k - 2}/open` }, { op: 'add', path: `/live-${k - 2}/closedAt`, value: ts }]); // close
    if (k >= 3) out.push([{ op: 'add', path: `/live-${k - 3}/tags`, value: ['vip'] }]); // tag
    const old = rooms[rand(rooms.length)]!['_id'] as string;
    out.push([{ op: 'add', path: `/${old}/tags`, value: ['billing'] }]); // tag an old room (off every first page)
  }
  return out.slice(0, count);
};

const timeRuns = (runs: number, fn: () => unknown): number => {
  fn();
  const t0 = now();
  for (let i = 0; i < runs; i++) fn();
  return (now() - t0) / runs;
};

const runSize = (n: number): Record<string, number> => {
  const results: Record<string, number> = {};
  let rooms: ReadonlyArray<Room> | undefined = generateRooms({ count: n, seed: SEED, agents });
  let t0 = now();
  const created = createRoomStore(rooms);
  results['store create (validate + copy), ms'] = now() - t0;
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  const store: RoomStore = created.right;
  const v0 = store.current();
  const patches = changeStream(rooms, CHANGES);
  rooms = undefined; // the store holds its own copies: half the heap, less GC time in every timing below
  const events: StoreChange[] = [];
  const off = store.subscribe((e) => events.push(e));
  t0 = now();
  for (const p of patches) {
    const r = store.apply(p);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  }
  results['store apply, realistic patch, µs'] = ((now() - t0) / patches.length) * 1000;
  off();

  // Live: start at v0, replay the recorded events, time only the live queries' work (best of 3
  // replays, each into a fresh live query: the machine may be shared).
  for (const q of QUERIES) {
    let best = Number.POSITIVE_INFINITY;
    let patchesOut = 0;
    for (let round = 0; round < 3; round++) {
      let listener: ((c: StoreChange) => void) | undefined;
      const source: LiveSource = { current: () => v0, subscribe: (l) => ((listener = l), () => (listener = undefined)) };
      patchesOut = 0;
      const live = liveQuery(source, scopedOf(q.params, q.principal), (e) => void (e.kind === 'patch' && patchesOut++));
      gc();
      t0 = now();
      for (const e of events) listener?.(e);
      best = Math.min(best, (now() - t0) / events.length);
      if (round === 0) {
        const st = live.stats;
        results[`${q.name}: work per change (predicate evals + entry moves + page reads)`] =
          (st.predicateEvaluations - v0.size + st.entryMoves + st.pageReads - 1) / events.length;
      }
      live.close();
    }
    results[`${q.name}: live per change, µs`] = best * 1000;
    results[`${q.name}: patches emitted`] = patchesOut;
  }

  // Store throughput: single-field ops, vs a bare Map.set of a copied room.
  const ids: string[] = [];
  v0.forEach((_r, id) => void (ids.length < 10_000 && ids.push(id)));
  let bestApply = 0;
  let bestMap = 0;
  const map = new Map<string, Room>();
  store.current().forEach((r, id) => void map.set(id, r));
  for (let round = 0; round < 3; round++) {
    gc();
    t0 = now();
    // A value unique to each pass over the ids, so every op really changes its room (a no-op makes no version).
    for (let i = 0; i < APPLY_OPS; i++) store.apply([{ op: 'replace', path: `/${ids[i % ids.length]}/queue`, value: `q${round}-${Math.floor(i / ids.length)}` }]);
    bestApply = Math.max(bestApply, APPLY_OPS / ((now() - t0) / 1000));
    t0 = now();
    for (let i = 0; i < APPLY_OPS; i++) {
      const id = ids[i % ids.length] as string;
      map.set(id, { ...(map.get(id) as Room), queue: `q${round}-${Math.floor(i / ids.length)}` });
    }
    bestMap = Math.max(bestMap, APPLY_OPS / ((now() - t0) / 1000));
  }
  results['store apply single-field op, ops/s'] = bestApply;
  results['bare Map.set (shallow copy + set), ops/s'] = bestMap;
  // Re-running on the final version: by scan over the array, and through a collection built beforehand.
  const final = store.current();
  const array = final.rooms();
  t0 = now();
  const collection = createRoomCollection(array);
  results['collection rebuild (what a lazy snapshot costs per version), ms'] = now() - t0;
  for (const q of QUERIES) {
    const compiled = compileQuery(scopedOf(q.params, q.principal));
    const runs = n >= 1_000_000 ? 5 : 20;
    results[`${q.name}: re-run by scan, µs`] = timeRuns(runs, () => runQuery(compiled, array)) * 1000;
    results[`${q.name}: re-run through indexes, µs`] = timeRuns(runs * 10, () => runQuery(compiled, collection)) * 1000;
  }

  return results;
};

const all = new Map<number, Record<string, number>>();
for (const n of sizes) {
  console.error(`… ${n.toLocaleString('en-US')} rooms`);
  all.set(n, runSize(n));
  gc();
}
const keys = Object.keys(all.get(sizes[0] as number) ?? {});
console.log(`| measure | ${sizes.map((n) => n.toLocaleString('en-US')).join(' | ')} |`);
console.log(`|---|${sizes.map(() => '---:').join('|')}|`);
for (const k of keys) console.log(`| ${k} | ${sizes.map((n) => (all.get(n)?.[k] ?? NaN).toFixed(k.endsWith('ops/s') || k.endsWith('emitted') ? 0 : k.includes('work per change') ? 2 : 1)).join(' | ')} |`);

const big = sizes[sizes.length - 1] as number;
const small = sizes[0] as number;
console.log('\nTargets (same run):');
for (const q of QUERIES) {
  const r = all.get(big) as Record<string, number>;
  const s = all.get(small) as Record<string, number>;
  const live = r[`${q.name}: live per change, µs`] as number;
  console.log(
    `- ${q.name}: live ${fmt(live / 1000)} per change; growth ${small}→${big}: ${(live / (s[`${q.name}: live per change, µs`] as number)).toFixed(2)}× (target ≤ 1.5×); ` +
      `scan re-run / live: ${((r[`${q.name}: re-run by scan, µs`] as number) / live).toFixed(0)}× (target ≥ 100×); ` +
      `indexed re-run / live: ${((r[`${q.name}: re-run through indexes, µs`] as number) / live).toFixed(1)}× (target ≥ 1×)`,
  );
}
const r = all.get(big) as Record<string, number>;
console.log(`- store single-field apply: ${(r['store apply single-field op, ops/s'] as number).toFixed(0)} ops/s (target ≥ 100,000); ` +
  `Map.set is ${((r['bare Map.set (shallow copy + set), ops/s'] as number) / (r['store apply single-field op, ops/s'] as number)).toFixed(1)}× faster`);
