// The server side of the live load run (bench/live/load-live.ts) in its own process, so that no client shares
// its event loop: load/start-server.ts over LIVE_ROOMS rooms. Reports over IPC: its port, the users, what the
// patch stream needs; on request ('stats') its RSS / heap, CPU time and event-loop delay (monitorEventLoopDelay,
// 1 ms resolution) and utilization since the previous request, and the hub's counters. 'profile-start' /
// 'profile-stop' (with a file) record a CPU profile of what happens in between (the patch stream alone).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startLoadServer } from './load/start-server.js';

export interface ServerStats {
  readonly rss: number;
  readonly heap: number;
  /** Since the previous stats request. */
  readonly loopDelay: { readonly p50: number; readonly p99: number; readonly max: number };
  readonly loopUtilization: number;
  readonly cpuMs: number;
  readonly hub: { readonly views: number; readonly subscribers: number; readonly entriesHeld: number };
  readonly openStreams: number;
  readonly version: number;
}

process.on('disconnect', () => process.exit(1)); // the load run ended (or died): never outlive it
const server = await startLoadServer(Number(process.env['LIVE_ROOMS'] ?? 100_000));
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
let cpu = process.cpuUsage();
let elu = performance.eventLoopUtilization();
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
gc();
const { rss, heapUsed } = process.memoryUsage();
process.send?.({
  kind: 'ready',
  port: server.port,
  users: server.users,
  seed: server.seed,
  firstPatchMs: server.firstPatchMs,
  rss,
  heap: heapUsed,
});
const profiler = new Session();
profiler.connect();
process.on('message', (message: { kind: string; gc?: boolean; file?: string }) => {
  if (message.kind === 'stats') {
    if (message.gc === true) gc();
    const ms = (ns: number): number => ns / 1e6;
    const used = process.cpuUsage(cpu);
    const stats: ServerStats = {
      rss: process.memoryUsage().rss,
      heap: process.memoryUsage().heapUsed,
      loopDelay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      loopUtilization: performance.eventLoopUtilization(elu).utilization,
      cpuMs: (used.user + used.system) / 1000,
      hub: server.live.hub.stats,
      openStreams: server.live.openStreams,
      version: server.store.version,
    };
    process.send?.({ kind: 'stats', ...stats });
    delay.reset();
    cpu = process.cpuUsage();
    elu = performance.eventLoopUtilization();
  }
  if (message.kind === 'profile-start') void profiler.post('Profiler.enable').then(() => profiler.post('Profiler.start'));
  if (message.kind === 'profile-stop')
    void profiler.post('Profiler.stop').then(({ profile }) => {
      writeFileSync(message.file as string, JSON.stringify(profile));
      process.send?.({ kind: 'profiled' });
    });
  if (message.kind === 'stop') void server.close().then(() => process.exit(0));
});
