// `npm run bench:live:load [-- --rooms 1000000] [-- --subscribers 1000] [-- --rate 100] [-- --seconds 30] [-- --no-write]`
// Issue #18's load run: many SSE subscribers (mixed queries: admin pages, each agent's own page, filtered
// pages) on one server process (bench/live/live-server.ts), and a sustained stream of POSTed patches at a
// fixed rate. Measured: latency from sending a patch to receiving its event, on every subscriber whose page
// it changed (p50 / p99 / max); lost or out-of-order events (each client rebuilds its page only from its
// events; at the end it must equal a fresh GET of the same query, and its event ids must only grow); the
// server's RSS per subscriber, event-loop delay and shared views. Clients run in this process, so their own
// JSON work delays their receive times too: latencies are upper bounds.
import { fork } from 'node:child_process';
import { request, Agent, type IncomingMessage } from 'node:http';
import { writeFileSync } from 'node:fs';
import jsonpatch from 'fast-json-patch';
import type { DemoUser } from '../../src/fixtures/index.js';
import { changeStreamFrom, type StreamSeed } from './change-stream.js';
import { rerenderLiveDocs } from './report-live.js';
import type { LoadResults } from './report-scale.js';
import os from 'node:os';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const ROOMS = Number((flag('--rooms') ?? '1000000').replace(/_/g, ''));
const SUBSCRIBERS = Number(flag('--subscribers') ?? 1000);
const RATE = Number(flag('--rate') ?? 100);
const SECONDS = Number(flag('--seconds') ?? 30);
const write = !args.includes('--no-write');

interface Stats {
  rss: number;
  heap: number;
  loopDelay: { p50: number; p99: number; max: number };
  hub: { views: number; subscribers: number; entriesHeld: number };
  openStreams: number;
  version: number;
}

const child = fork(new URL('./live-server.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8000'],
  env: { ...process.env, LIVE_ROOMS: String(ROOMS) },
});
const messages: Array<(m: { kind: string }) => void> = [];
child.on('message', (m: { kind: string }) => messages.shift()?.(m));
const next = <T>(): Promise<T> => new Promise((resolve) => messages.push(resolve as (m: { kind: string }) => void));
const stats = (gc = false): Promise<Stats> => {
  const p = next<Stats>();
  child.send({ kind: 'stats', gc });
  return p;
};

const t0 = performance.now();
console.error(`… starting a server over ${ROOMS.toLocaleString('en-US')} rooms`);
const ready = await next<{ port: number; users: DemoUser[]; seed: StreamSeed; rss: number; heap: number }>();
console.error(`  ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
const { port, users, seed } = ready;
const admin = users.find((u) => u.roles.includes('admin')) as DemoUser;
const agents = users.filter((u) => u.roles.includes('livechat-agent'));
const headers = (u: DemoUser) => ({ 'x-user-id': u._id, 'x-auth-token': u.token });
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

/** Subscriber i's query: 40% admin pages (4 variants), 40% an agent's own page (50 agents), 20% filtered pages (5 queues × 2). */
const queryOf = (i: number): { who: DemoUser; params: string } => {
  const k = i % 10;
  if (k < 4) return { who: admin, params: ['count=50', 'count=25&open=true', 'count=50&sort={"ts":1}', 'count=50&offset=50'][k] as string };
  if (k < 8) {
    const a = agents[i % agents.length] as DemoUser;
    return { who: a, params: `count=50&agents[]=${a._id}` };
  }
  return { who: admin, params: `count=50&open=${k === 8}&queue=800${1 + (i % 5)}` };
};

interface Client {
  readonly who: DemoUser;
  readonly params: string;
  page: { rooms: unknown[]; total: number } | undefined;
  lastId: number;
  outOfOrder: number;
  events: number;
  receipts: Array<[version: number, at: number]>;
  closed: string | undefined;
}

// Clients of the same query receive the same data text: parse it once (patches replace whole rooms and never
// write inside one, so sharing the parsed values between client pages is safe).
const parsed = new Map<string, unknown>();
const parse = (data: string): unknown => {
  let v = parsed.get(data);
  if (v === undefined) {
    v = JSON.parse(data);
    if (parsed.size > 10_000) parsed.clear();
    parsed.set(data, v);
  }
  return v;
};

const open = (c: Client): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, agent, path: `/api/v1/voip/rooms.stream?${c.params}`, headers: headers(c.who) },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) return reject(new Error(`stream ${res.statusCode}`));
        res.setEncoding('utf8');
        let buffer = '';
        res.on('data', (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (block.startsWith(':') || block.startsWith('retry:')) continue;
            const lines = block.split('\n');
            const event = lines[0]?.slice(7);
            if (event === 'close') {
              c.closed = lines[1] ?? '';
              continue;
            }
            const id = Number(lines[1]?.slice(4));
            const data = lines[2]?.slice(6) ?? '';
            c.events++;
            if (id <= c.lastId && c.lastId >= 0) c.outOfOrder++;
            c.lastId = id;
            if (event === 'page') {
              c.page = JSON.parse(data) as Client['page'];
              resolve();
            } else {
              c.receipts.push([id, at]);
              jsonpatch.applyPatch(c.page, parse(data) as jsonpatch.Operation[], false, true);
            }
          }
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

const json = (method: string, path: string, who: DemoUser, body?: unknown): Promise<{ status: number; body: unknown }> =>
  new Promise((resolve, reject) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent,
        method,
        path,
        headers: { ...headers(who), ...(text ? { 'content-type': 'application/json' } : {}) },
      },
      (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (out += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(out) }));
      },
    );
    req.on('error', reject);
    req.end(text);
  });

const before = await stats(true);
const clients: Client[] = Array.from({ length: SUBSCRIBERS }, (_, i) => ({
  ...queryOf(i),
  page: undefined,
  lastId: -1,
  outOfOrder: 0,
  events: 0,
  receipts: [],
  closed: undefined,
}));
const t1 = performance.now();
for (let i = 0; i < clients.length; i += 50) await Promise.all(clients.slice(i, i + 50).map(open));
console.error(`  ${SUBSCRIBERS} streams open in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
const opened = await stats(true);

// The patch stream: one patcher, one connection (versions follow the sending order), a fixed rate.
const patches = changeStreamFrom(
  seed,
  agents.map((a) => ({ _id: a._id, username: a.username })),
  RATE * SECONDS,
  'load',
);
const patcher = new Agent({ keepAlive: true, maxSockets: 1 });
const sentAt = new Map<number, number>();
let failed = 0;
const post = (ops: unknown): Promise<void> =>
  new Promise((resolve) => {
    const text = JSON.stringify(ops);
    const at = performance.now();
    const req = request(
      {
        host: '127.0.0.1',
        port,
        agent: patcher,
        method: 'POST',
        path: '/api/v1/voip/rooms.patch',
        headers: { ...headers(admin), 'content-type': 'application/json' },
      },
      (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (out += c));
        res.on('end', () => {
          const body = JSON.parse(out) as { success: boolean; version?: number };
          if (body.success && body.version !== undefined) sentAt.set(body.version, at);
          else failed++;
          resolve();
        });
      },
    );
    req.on('error', () => {
      failed++;
      resolve();
    });
    req.end(text);
  });
const pending: Array<Promise<void>> = [];
const start = performance.now();
await new Promise<void>((resolve) => {
  let k = 0;
  const tick = (): void => {
    // Catch up to the schedule: patch k is due at start + k / RATE seconds.
    const due = Math.min(patches.length, Math.floor(((performance.now() - start) / 1000) * RATE) + 1);
    while (k < due) pending.push(post(patches[k++]));
    if (k >= patches.length) resolve();
    else setTimeout(tick, 5);
  };
  tick();
});
await Promise.all(pending);
const during = await stats();
await new Promise((resolve) => setTimeout(resolve, 2000)); // let the last events arrive

// Lost / out of order: every client's page, rebuilt from its events only, against a fresh GET of its query.
let mismatched = 0;
const fresh = new Map<string, string>();
for (const c of clients) {
  const key = `${c.who._id} ${c.params}`;
  let expected = fresh.get(key);
  if (expected === undefined) {
    const { body } = await json('GET', `/api/v1/voip/rooms?${c.params}`, c.who);
    const { success: _, ...page } = body as Record<string, unknown>;
    expected = JSON.stringify(page);
    fresh.set(key, expected);
  }
  if (JSON.stringify(c.page) !== expected) mismatched++;
}
const latencies: number[] = [];
let unmatched = 0;
for (const c of clients) {
  for (const [version, at] of c.receipts) {
    const sent = sentAt.get(version);
    if (sent === undefined) unmatched++;
    else latencies.push(at - sent);
  }
}
latencies.sort((a, b) => a - b);
const pct = (p: number): number => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? Number.NaN;
const result: LoadResults = {
  rooms: ROOMS,
  subscribers: SUBSCRIBERS,
  rate: RATE,
  seconds: SECONDS,
  patches: patches.length,
  failedPatches: failed,
  events: latencies.length,
  latencyMs: { p50: pct(50), p99: pct(99), max: latencies[latencies.length - 1] ?? Number.NaN },
  outOfOrder: clients.reduce((a, c) => a + c.outOfOrder, 0),
  mismatchedPages: mismatched,
  closedByServer: clients.filter((c) => c.closed !== undefined).length,
  eventsWithoutPatch: unmatched,
  views: opened.hub.views,
  entriesHeld: opened.hub.entriesHeld,
  rssBeforeMiB: before.rss / 2 ** 20,
  rssPerSubscriberKiB: (opened.rss - before.rss) / SUBSCRIBERS / 1024,
  heapPerSubscriberKiB: (opened.heap - before.heap) / SUBSCRIBERS / 1024,
  rssDuringMiB: during.rss / 2 ** 20,
  loopDelayMs: during.loopDelay,
  loadAverage: os.loadavg()[0] ?? 0,
};
console.log(JSON.stringify(result, null, 1));
child.send({ kind: 'stop' });
agent.destroy();
patcher.destroy();
if (write) {
  writeFileSync(new URL('./load-results.json', import.meta.url), `${JSON.stringify(result, null, 1)}\n`);
  rerenderLiveDocs();
  console.log('wrote bench/live/load-results.json and docs/live-benchmarks.md');
}
process.exit(0);
