// `npm run bench:live:memory [-- --sizes 100000,1000000] [-- --views 200] [-- --subscribers 10000] [-- --changes 1000] [-- --no-write]`
// Issue #18's memory measurement: what one live query holds, at 100k and 1M rooms, for an admin page, an
// agent's page and a filtered page (count=50 each). Two cases: every subscriber with its own view (no sharing:
// the cost of one distinct query) and subscribers sharing views through a hub (the cost of one more
// connection to a query already followed). Memory is measured as heap used WITH the live queries minus heap
// used once they are closed (same store state, full GC before each reading), so the store's own growth is not
// counted; RSS growth while they were opened is reported beside it (coarser: the allocator keeps pages).
// The entries-held counter is the exact figure: rooms held per view, page + buffer.
import { writeFileSync } from 'node:fs';
import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { compileQuery, parseRoomsParams, scopeQuery, type Principal, type ScopedQuery } from '../../src/index.js';
import { createLiveHub, createLiveView, type LiveView } from '../../src/live/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import { changeStream } from './change-stream.js';
import { rerenderLiveDocs } from './report-live.js';
import type { MemoryResults, MemoryRow } from './report-scale.js';
import os from 'node:os';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const sizes = (flag('--sizes') ?? '100000,1000000').split(',').map((s) => Number(s.replace(/_/g, '')));
const VIEWS = Number(flag('--views') ?? 200);
const SUBSCRIBERS = Number(flag('--subscribers') ?? 10_000);
const CHANGES = Number(flag('--changes') ?? 1000);
const write = !args.includes('--no-write');
const SEED = 1;

const users = generateUsers({ seed: SEED, agents: 50 });
const agents = agentsOf(users);
const admin: Principal = { _id: 'bench-admin', username: 'admin', roles: ['admin'] };
const agent0 = agents[0] as { _id: string; username: string };
const agentPrincipal: Principal = { _id: agent0._id, username: agent0.username, roles: ['livechat-agent'] };

export const MEMORY_QUERIES: ReadonlyArray<{ name: string; params: Record<string, unknown>; principal: Principal }> = [
  { name: 'admin page', params: { count: '50' }, principal: admin },
  { name: "an agent's page", params: { agents: [agent0._id], count: '50' }, principal: agentPrincipal },
  {
    name: 'filtered: open calls of a queue, oldest first',
    params: { open: 'true', queue: '8003', sort: '{"ts":1}', count: '50' },
    principal: admin,
  },
];

const scopedOf = (params: Record<string, unknown>, principal: Principal): ScopedQuery => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, principal))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return q.right;
};

const gc = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
const heap = (): number => process.memoryUsage().heapUsed;
const rss = (): number => process.memoryUsage().rss;

type MemorySize = MemoryResults['sizes'][number];

const applyAll = (store: RoomStore, patches: ReadonlyArray<unknown[]>): void => {
  for (const p of patches) {
    const r = store.apply(p);
    if (E.isLeft(r)) throw new Error(JSON.stringify(r.left));
  }
};

const runSize = async (n: number): Promise<MemorySize> => {
  const rooms = generateRooms({ count: n, seed: SEED, agents });
  const created = createRoomStore(rooms);
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  const store = created.right;
  const stream = changeStream(rooms, agents, CHANGES * 2 * (MEMORY_QUERIES.length + 1));
  let next = 0;
  const take = (): unknown[][] => stream.slice(next, (next += CHANGES));
  store.snapshot();
  const rows: MemoryRow[] = [];
  for (const q of MEMORY_QUERIES) {
    const compiled = compileQuery(scopedOf(q.params, q.principal));
    applyAll(store, take()); // the store's overlay grows here, outside the measurement
    store.snapshot();
    await gc();
    const rss0 = rss();
    const views: LiveView[] = Array.from({ length: VIEWS }, () => createLiveView(store, compiled));
    applyAll(store, take());
    await gc();
    const withViews = heap();
    const rssPerView = (rss() - rss0) / VIEWS;
    const entriesPerView = views.reduce((a, v) => a + v.stats.entriesHeld, 0) / VIEWS;
    const matches = views[0]?.page().total ?? 0;
    for (const v of views) v.close();
    views.length = 0;
    await gc();
    const heapPerView = (withViews - heap()) / VIEWS;

    // Shared: SUBSCRIBERS connections to the same query, one view.
    const hub = createLiveHub(store, { lingerMs: 0 });
    const scoped = scopedOf(q.params, q.principal);
    let frames = 0;
    const first = hub.follow(scoped, () => void frames++); // the view itself: not a subscriber's cost
    await gc();
    const before = heap();
    const subs = Array.from({ length: SUBSCRIBERS }, () => hub.follow(scoped, () => void frames++));
    subs.push(first);
    await gc();
    const withSubs = heap();
    const heapPerSharedSubscriber = (withSubs - before) / SUBSCRIBERS;
    for (const s of subs) s.close();
    hub.close();
    rows.push({ query: q.name, matches, heapPerView, rssPerView, entriesPerView, heapPerSharedSubscriber });
    console.error(
      `  ${q.name}: ${Math.round(heapPerView / 1024)} KiB heap per view, ${entriesPerView} entries, ${Math.round(heapPerSharedSubscriber)} B per shared subscriber`,
    );
  }
  return { size: n, rows };
};

const results: MemorySize[] = [];
for (const n of sizes) {
  console.error(`… ${n.toLocaleString('en-US')} rooms`);
  results.push(await runSize(n));
}
const kib = (b: number): string => `${(b / 1024).toFixed(1)} KiB`;
for (const r of results) {
  console.table(
    r.rows.map((x) => ({
      rooms: r.size,
      query: x.query,
      matches: x.matches,
      'entries held / view': x.entriesPerView,
      'heap / view': kib(x.heapPerView),
      'RSS / view': kib(x.rssPerView),
      'heap / shared subscriber': `${Math.round(x.heapPerSharedSubscriber)} B`,
    })),
  );
}
if (write) {
  const out: MemoryResults = {
    views: VIEWS,
    subscribers: SUBSCRIBERS,
    changes: CHANGES,
    loadAverage: os.loadavg()[0] ?? 0,
    sizes: results,
  };
  writeFileSync(new URL('./memory-results.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
  rerenderLiveDocs();
  console.log('wrote bench/live/memory-results.json, docs/live-benchmarks.md and docs/live-scale.svg');
}
