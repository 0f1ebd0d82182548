// `npm run bench:store [-- --sizes 1000000] [-- --store-changes 100000] [-- --query-every 10] [-- --no-write] [-- --schemes leveled] [-- --merge-at 4]` (also part
// of `npm run bench`). Issue 17's "no stall": the latency of each store `apply`, and of apply + the queries that
// follow it, under a sustained stream of realistic patches (bench/live/change-stream.ts) interleaved with an admin
// page and an agent page, for the one-shot compaction (main's scheme until issue 17: `createDeriver`, one O(n)
// merge per ~16·√n changed rooms, paid by the query that needs the version) and the leveled deriver (the store's
// default: merges in bounded slices). Both in the same process, same rooms, same stream. Writes
// bench/store/results.json, docs/store-latency-benchmarks.md and docs/store-latency-benchmarks.svg.
import { writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery, type Principal, type Room } from '../../src/index.js';
import { createDeriver, createLeveledDeriver, createRoomStore, overlaySize, type DeriveCollection } from '../../src/store/index.js';
import { changeStreamFrom, streamSeed } from '../live/change-stream.js';
import { machine } from '../live/report-live.js';
import { renderStoreDocs, type SchemeResult, type StoreLatencyResults } from './report-store-latency.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (flag('--sizes') ?? '1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const CHANGES = Number(flag('--store-changes') ?? 100_000);
const QUERY_EVERY = Number(flag('--query-every') ?? 10);
/** Patches applied (with their queries) before timing: the first patch builds the store's map (ingest, not a stall). */
const WARMUP = Number(flag('--warmup') ?? 2_000);
const write = !args.includes('--no-write');
/** `--schemes leveled` (or `one-shot`): run only the schemes whose name starts with one of these (quick loops; implies --no-write). */
const only = flag('--schemes')?.split(',');
/** `--merge-at k`: the leveled deriver merges past max(1024, k·√n) changed rooms (default: its own, 4·√n). */
const mergeAtFactor = flag('--merge-at') === undefined ? undefined : Number(flag('--merge-at'));
/** STORE_BENCH_TRACE=<ms> (empty: 20): print each round slower than that, with its parts and the deriver's counters. */
const traceEnv = process.env['STORE_BENCH_TRACE'];
const TRACE_MS = traceEnv === undefined ? undefined : Number(traceEnv || 20);

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const settle = async (n: number): Promise<void> => {
  gc();
  await new Promise((resolve) => setTimeout(resolve, Math.max(300, Math.round((n / 1_000_000) * 3000))));
};

const users = generateUsers({ seed: 1, agents: 50 });
const agents = agentsOf(users);
const admin: Principal = { _id: 'bench-admin', username: 'admin', roles: ['admin'] };
const agent0 = agents[0] as { _id: string; username: string };
const agentPrincipal: Principal = { _id: agent0._id, username: agent0.username, roles: ['livechat-agent'] };
const compiledOf = (params: Record<string, unknown>, principal: Principal): CompiledQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, principal))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
};
const QUERIES = [compiledOf({}, admin), compiledOf({ agents: [agent0._id] }, agentPrincipal)];

/** p50, p99, p99.9, max of `xs` (ms). */
const percentiles = (xs: ReadonlyArray<number>): { p50: number; p99: number; p999: number; max: number; count: number } => {
  const a = Float64Array.from(xs).sort();
  const at = (q: number): number => a[Math.min(a.length - 1, Math.floor(q * a.length))] as number;
  return { p50: at(0.5), p99: at(0.99), p999: at(0.999), max: a[a.length - 1] as number, count: a.length };
};

interface Scheme {
  readonly name: string;
  readonly make: () => { derive: DeriveCollection; stats: () => Record<string, number>; maxPendingChanges: number };
}

const SCHEMES: ReadonlyArray<Scheme> = [
  {
    name: 'one-shot compaction (before)',
    make: () => {
      const d = createDeriver();
      return { derive: d, stats: () => ({ ...d.stats }), maxPendingChanges: 65_536 };
    },
  },
  {
    name: 'leveled, merges in slices (after)',
    make: () => {
      const mergeAt =
        mergeAtFactor === undefined ? undefined : (n: number): number => Math.max(1024, Math.ceil(mergeAtFactor * Math.sqrt(n)));
      const d = createLeveledDeriver(mergeAt === undefined ? {} : { mergeAt });
      return { derive: d, stats: () => ({ ...d.stats }), maxPendingChanges: 64 };
    },
  },
];

const runScheme = async (rooms: ReadonlyArray<Room>, patches: ReadonlyArray<unknown[]>, scheme: Scheme): Promise<SchemeResult> => {
  const { derive, stats, maxPendingChanges } = scheme.make();
  const t0 = performance.now();
  const created = createRoomStore(rooms, { deriveCollection: derive, maxPendingChanges });
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  const store = created.right;
  store.snapshot();
  const setupMs = performance.now() - t0;
  await settle(rooms.length);
  const apply: number[] = [];
  const applyQuery: number[] = [];
  const query: number[] = [];
  // CPU time of this process (µs → ms): what the operation cost, without the time other processes held the cores.
  const applyCpu: number[] = [];
  const applyQueryCpu: number[] = [];
  const cpu = (): number => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let maxOverlay = 0;
  let pages = 0;
  let start = performance.now();
  for (let i = 0; i < patches.length; i++) {
    if (i === WARMUP) start = performance.now();
    const c0 = cpu();
    const a0 = performance.now();
    const r = store.apply(patches[i]);
    const a1 = performance.now();
    const c1 = cpu();
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
    const timed = i >= WARMUP;
    if (timed) {
      apply.push(a1 - a0);
      applyCpu.push(c1 - c0);
    }
    if (i % QUERY_EVERY !== QUERY_EVERY - 1) continue;
    const before = stats();
    const snapshot = store.snapshot();
    const s1 = performance.now();
    for (const compiled of QUERIES) pages += runQuery(compiled, snapshot).rooms.length;
    const q1 = performance.now();
    const c2 = cpu();
    if (!timed) continue;
    applyQueryCpu.push(c2 - c0);
    if (TRACE_MS !== undefined && q1 - a0 > TRACE_MS) {
      const after = stats();
      const diff = Object.fromEntries(
        Object.keys(after)
          .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)])
          .filter(([, v]) => v !== 0),
      );
      console.log(
        `slow round at ${i} (t ${performance.now().toFixed(0)} ms): apply ${(a1 - a0).toFixed(1)} snapshot ${(s1 - a1).toFixed(1)} queries ${(q1 - s1).toFixed(1)} ms`,
        JSON.stringify(diff),
        JSON.stringify(overlaySize(snapshot)),
      );
    }
    query.push(q1 - a1);
    applyQuery.push(q1 - a0);
    const o = overlaySize(snapshot);
    maxOverlay = Math.max(maxOverlay, o.tombstones + o.delta);
  }
  const totalMs = performance.now() - start;
  if (pages === 0) throw new Error('no rooms returned');
  return {
    name: scheme.name,
    setupMs,
    totalMs,
    apply: percentiles(apply),
    query: percentiles(query),
    applyQuery: percentiles(applyQuery),
    applyCpu: percentiles(applyCpu),
    applyQueryCpu: percentiles(applyQueryCpu),
    maxOverlay,
    stats: stats(),
  };
};

const results: StoreLatencyResults = {
  date: new Date().toISOString(),
  changes: CHANGES,
  warmup: WARMUP,
  queryEvery: QUERY_EVERY,
  sizes: [],
  machine: machine(),
};
for (const n of sizes) {
  const rooms = generateRooms({ count: n, seed: 1, agents });
  const patches = changeStreamFrom(streamSeed(rooms, 10_000), agents, WARMUP + CHANGES, 'lat');
  const schemes: SchemeResult[] = [];
  for (const scheme of SCHEMES) {
    if (only !== undefined && !only.some((prefix) => scheme.name.startsWith(prefix))) continue;
    await settle(n);
    const r = await runScheme(rooms, patches, scheme);
    console.log(
      `${n} ${r.name}: apply p50/p99/p99.9/max ${[r.apply.p50, r.apply.p99, r.apply.p999, r.apply.max].map((x) => x.toFixed(3)).join('/')} ms;`,
      `apply+query ${[r.applyQuery.p50, r.applyQuery.p99, r.applyQuery.p999, r.applyQuery.max].map((x) => x.toFixed(3)).join('/')} ms; cpu apply+query ${[r.applyQueryCpu.p50, r.applyQueryCpu.p99, r.applyQueryCpu.p999, r.applyQueryCpu.max].map((x) => x.toFixed(3)).join('/')} ms; overlay ≤ ${r.maxOverlay}; ${JSON.stringify(r.stats)}`,
    );
    // The whole record too, so a run's console output is enough to rebuild its results (e.g. a --no-write run).
    console.log(`result ${n} ${JSON.stringify(r)}`);
    schemes.push(r);
  }
  results.sizes.push({ size: n, schemes });
}
if (write && only === undefined) {
  writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(results, null, 1)}\n`);
  renderStoreDocs(results);
}
