// A client process of the load run (forked by load-live.ts): opens its share of the subscribers, then on
// request checks them (check.ts) against the patches' send times and reports the verdict, the latencies and
// its own CPU time, so the run can tell whether the clients or the server were the bottleneck.
import { Agent } from 'node:http';
import { performance } from 'node:perf_hooks';
import { checkSubscribers, settled } from './check.js';
import { createParseCache, newSubscriber, open, type Subscriber, type SubscriberSpec } from './subscriber.js';

export type WorkerRequest =
  | { readonly kind: 'open'; readonly port: number; readonly specs: ReadonlyArray<SubscriberSpec> }
  | { readonly kind: 'mark' }
  | { readonly kind: 'check'; readonly sentAt: ReadonlyArray<readonly [number, number]> };

export interface WorkerUsage {
  /** CPU time (user + system) since the last mark, ms. */
  readonly cpuMs: number;
  /** Event-loop utilization since the last mark (0–1). */
  readonly loopUtilization: number;
}

let port = 0;
const agent = new Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const parse = createParseCache();
let subscribers: Subscriber[] = [];
let cpu = process.cpuUsage();
let elu = performance.eventLoopUtilization();
const usage = (): WorkerUsage => {
  const d = process.cpuUsage(cpu);
  return { cpuMs: (d.user + d.system) / 1000, loopUtilization: performance.eventLoopUtilization(elu).utilization };
};

process.on('message', (m: WorkerRequest) => {
  void (async () => {
    if (m.kind === 'open') {
      port = m.port;
      subscribers = m.specs.map(newSubscriber);
      for (let i = 0; i < subscribers.length; i += 25)
        await Promise.all(subscribers.slice(i, i + 25).map((s) => open(s, port, agent, parse)));
      process.send?.({ kind: 'opened' });
    } else if (m.kind === 'mark') {
      cpu = process.cpuUsage();
      elu = performance.eventLoopUtilization();
      process.send?.({ kind: 'marked' });
    } else {
      const during = usage(); // the patch stream's share, before the checks' own work
      await settled(subscribers);
      const result = await checkSubscribers(subscribers, port, agent, new Map(m.sentAt));
      process.send?.({ kind: 'checked', result, usage: during, rss: process.memoryUsage().rss });
      agent.destroy(); // the run ends this process (it exits when the run disconnects)
    }
  })().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
});
process.on('disconnect', () => process.exit(1)); // the load run ended (or died): never outlive it
process.send?.({ kind: 'ready' });
