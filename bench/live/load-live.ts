// `npm run bench:live:load [-- --rooms 1000000] [-- --subscribers 1000] [-- --workers 4] [-- --rate 100] [-- --seconds 30] [-- --profile FILE] [-- --no-write]`
// Issue #18's load run. One server process (live-server.ts: rooms.stream + rooms.patch + GET rooms, rate
// limit off, stream cap raised), the subscribers spread over several client processes (load/worker.ts, mixed
// queries: load/queries.ts) and this process sending a sustained patch stream to rooms.patch
// (load/patcher.ts). Every process stamps times on the machine's shared clock (wall clock at process start +
// monotonic time since), so a patch's send time and its events' receive times compare across processes.
// Measured: latency from the patch request to the event on every subscriber whose page it changed; lost or
// out-of-order events (pages rebuilt from events vs fresh GETs at the end, ids only growing); server RSS,
// event-loop delay and CPU; each client process's CPU, and the whole machine's (other developers' work too).
// `--profile FILE` writes a CPU profile of the server during the patch stream (open it in Chrome DevTools).
import { fork, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { DemoUser } from '../../src/fixtures/index.js';
import { changeStreamFrom, type StreamSeed } from './change-stream.js';
import type { CheckResult } from './load/check.js';
import { sendPatches } from './load/patcher.js';
import { specOf } from './load/queries.js';
import type { WorkerRequest, WorkerUsage } from './load/worker.js';
import type { ServerStats } from './live-server.js';
import { rerenderLiveDocs } from './report-live.js';
import type { LoadResults } from './report-scale.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : args.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
};
const ROOMS = Number((flag('--rooms') ?? '1000000').replace(/_/g, ''));
const SUBSCRIBERS = Number(flag('--subscribers') ?? 1000);
const WORKERS = Math.max(1, Math.min(SUBSCRIBERS, Number(flag('--workers') ?? 4)));
const RATE = Number(flag('--rate') ?? 100);
const SECONDS = Number(flag('--seconds') ?? 30);
const PROFILE = flag('--profile');
const write = !args.includes('--no-write');

/** The next IPC message of `kind` from `child`. */
const next = <T>(child: ChildProcess, kind: string): Promise<T> =>
  new Promise((resolve, reject) => {
    const on = (m: { kind: string }): void => {
      if (m.kind !== kind) return;
      child.off('message', on);
      child.off('exit', exit);
      resolve(m as T);
    };
    const exit = (code: number | null): void => reject(new Error(`a child exited (${code}) while waiting for '${kind}'`));
    child.on('message', on);
    child.once('exit', exit);
  });

/** Busy and total jiffies of the whole machine (every process, ours and others'). */
const machineCpu = (): { busy: number; total: number } => {
  const cpu = (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + (Number.isFinite(b) ? b : 0), 0);
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0);
  return { busy: total - idle, total };
};

const t0 = performance.now();
console.error(`… starting a server over ${ROOMS.toLocaleString('en-US')} rooms`);
const server = fork(new URL('./live-server.ts', import.meta.url).pathname, [], {
  execArgv: ['--import', 'tsx', '--expose-gc', '--max-old-space-size=8000'],
  env: { ...process.env, LIVE_ROOMS: String(ROOMS) },
});
const children: ChildProcess[] = [server];
// A failed or interrupted run must not leave a server over a million rooms behind.
const killChildren = (): void => children.forEach((c) => c.exitCode === null && c.kill());
process.on('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));
const ready = await next<{ port: number; users: DemoUser[]; seed: StreamSeed; firstPatchMs: number }>(server, 'ready');
console.error(`  ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
const { port, users, seed } = ready;
const stats = (gc = false): Promise<ServerStats> => {
  const p = next<ServerStats>(server, 'stats');
  server.send({ kind: 'stats', gc });
  return p;
};
const admin = users.find((u) => u.roles.includes('admin')) as DemoUser;
const agents = users.filter((u) => u.roles.includes('livechat-agent'));

const before = await stats(true);
const workers = Array.from({ length: WORKERS }, () =>
  fork(new URL('./load/worker.ts', import.meta.url).pathname, [], { execArgv: ['--import', 'tsx', '--max-old-space-size=2000'] }),
);
children.push(...workers);
await Promise.all(workers.map((w) => next(w, 'ready')));
const specs = Array.from({ length: SUBSCRIBERS }, (_, i) => specOf(i, admin, agents));
const ask = (w: ChildProcess, m: WorkerRequest): void => void w.send(m);
const t1 = performance.now();
const opened = workers.map((w) => next(w, 'opened'));
// Subscriber i goes to worker i mod WORKERS: each client process holds the whole mix of queries.
workers.forEach((w, k) => ask(w, { kind: 'open', port, specs: specs.filter((_, i) => i % WORKERS === k) }));
await Promise.all(opened);
console.error(`  ${SUBSCRIBERS} streams open over ${WORKERS} client processes in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
const afterOpen = await stats(true);

const patches = changeStreamFrom(
  seed,
  agents.map((a) => ({ _id: a._id, username: a.username })),
  RATE * SECONDS,
  'load',
);
// Marks: CPU and event-loop counters of every process start here.
await Promise.all(workers.map((w) => (ask(w, { kind: 'mark' }), next(w, 'marked'))));
await stats();
if (PROFILE !== undefined) server.send({ kind: 'profile-start' });
const machineBefore = machineCpu();
const selfCpu = process.cpuUsage();
const t2 = performance.now();
console.error(`… ${patches.length} patches at ${RATE}/s`);
const run = await sendPatches(port, admin, patches, RATE);
const wallMs = performance.now() - t2;
const during = await stats();
if (PROFILE !== undefined) {
  const profiled = next(server, 'profiled');
  server.send({ kind: 'profile-stop', file: PROFILE });
  await profiled;
  console.error(`  wrote the server's CPU profile of the patch stream to ${PROFILE}`);
}
const self = process.cpuUsage(selfCpu);
const machineAfter = machineCpu();
const checked = workers.map((w) => next<{ result: CheckResult; usage: WorkerUsage; rss: number }>(w, 'checked'));
workers.forEach((w) => ask(w, { kind: 'check', sentAt: [...run.sentAt] }));
const results = await Promise.all(checked);

const latencies = results.flatMap((r) => r.result.latencies).sort((a, b) => a - b);
const pct = (xs: ReadonlyArray<number>, p: number): number => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? Number.NaN;
const answers = [...run.answerMs].sort((a, b) => a - b);
const sum = (f: (r: CheckResult) => number): number => results.reduce((a, r) => a + f(r.result), 0);
const share = (cpuMs: number): number => cpuMs / wallMs;
const result: LoadResults = {
  rooms: ROOMS,
  subscribers: SUBSCRIBERS,
  clientProcesses: WORKERS,
  rate: RATE,
  seconds: SECONDS,
  patches: patches.length,
  achievedRate: patches.length / (run.elapsedMs / 1000),
  failedPatches: run.failed,
  firstPatchMs: ready.firstPatchMs,
  events: sum((r) => r.events),
  latencyMs: {
    p50: pct(latencies, 50),
    p90: pct(latencies, 90),
    p99: pct(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  },
  patchAnswerMs: { p50: pct(answers, 50), p90: pct(answers, 90), p99: pct(answers, 99), max: answers[answers.length - 1] ?? Number.NaN },
  outOfOrder: sum((r) => r.outOfOrder),
  mismatchedPages: sum((r) => r.mismatchedPages),
  closedByServer: sum((r) => r.closedByServer),
  eventsWithoutPatch: sum((r) => r.eventsWithoutPatch),
  views: afterOpen.hub.views,
  entriesHeld: afterOpen.hub.entriesHeld,
  rssBeforeMiB: before.rss / 2 ** 20,
  rssOpenMiB: afterOpen.rss / 2 ** 20,
  heapPerSubscriberKiB: (afterOpen.heap - before.heap) / SUBSCRIBERS / 1024,
  rssDuringMiB: during.rss / 2 ** 20,
  loopDelayMs: during.loopDelay,
  cpu: {
    server: share(during.cpuMs),
    serverLoopUtilization: during.loopUtilization,
    clients: results.map((r) => share(r.usage.cpuMs)),
    clientLoopUtilization: results.map((r) => r.usage.loopUtilization),
    patcher: share((self.user + self.system) / 1000),
    machineBusy: ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * os.cpus().length,
    cores: os.cpus().length,
  },
  loadAverage: os.loadavg()[0] ?? 0,
};
console.log(JSON.stringify(result, null, 1));
server.send({ kind: 'stop' });
await new Promise((resolve) => server.once('exit', resolve));
if (write) {
  writeFileSync(new URL('./load-results.json', import.meta.url), `${JSON.stringify(result, null, 1)}\n`);
  rerenderLiveDocs();
  console.log('wrote bench/live/load-results.json and docs/live-benchmarks.md');
}
process.exit(0);
