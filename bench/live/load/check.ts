// The load run's verdict on a set of subscribers: lost or out-of-order events (each page rebuilt from its
// events must equal a fresh GET of its query once the patch stream is over, and event ids must only grow)
// and the latency of every patch event (receive time minus the time the patch it carries was sent).
import { request, type Agent } from 'node:http';
import { headersOf, type Subscriber } from './subscriber.js';

export interface CheckResult {
  readonly subscribers: number;
  /** Patch events received by all subscribers together. */
  readonly events: number;
  readonly outOfOrder: number;
  /** Pages (rebuilt from events) that differ from a fresh GET of the same query. */
  readonly mismatchedPages: number;
  /** Streams the server ended (a `close` event: slow consumer, server closing). */
  readonly closedByServer: number;
  /** Events whose version no sent patch produced. */
  readonly eventsWithoutPatch: number;
  /** Send → receive, ms, one per matched event (unsorted). */
  readonly latencies: number[];
}

const get = (port: number, agent: Agent, s: Subscriber): Promise<string> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, agent, path: `/api/v1/voip/rooms?${s.spec.params}`, headers: headersOf(s.spec.user) },
      (res) => {
        let out = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (out += c));
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`GET ${s.spec.params}: ${res.statusCode} ${out}`));
          const { success: _, ...page } = JSON.parse(out) as Record<string, unknown>;
          resolve(JSON.stringify(page));
        });
      },
    );
    req.on('error', reject);
    req.end();
  });

/** Resolves once no subscriber has received anything for `quietMs` (or after `maxMs`): the last events are in. */
export const settled = async (subscribers: ReadonlyArray<Subscriber>, quietMs = 500, maxMs = 60_000): Promise<void> => {
  const fingerprint = (): number => subscribers.reduce((a, s) => a + s.patches + s.pending.length, 0);
  const start = Date.now();
  let last = fingerprint();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const now = fingerprint();
    if (now === last || Date.now() - start > maxMs) return;
    last = now;
  }
};

/**
 * Compares every page with a fresh GET (one per distinct user and query) and matches each event with the send
 * time of its version (`sentAt`: version → wallClock ms). Call it once the patch stream is over and `settled`.
 */
export const checkSubscribers = async (
  subscribers: ReadonlyArray<Subscriber>,
  port: number,
  agent: Agent,
  sentAt: ReadonlyMap<number, number>,
): Promise<CheckResult> => {
  const fresh = new Map<string, Promise<string>>();
  let mismatchedPages = 0;
  for (const s of subscribers) {
    const key = `${s.spec.user._id} ${s.spec.params}`;
    let expected = fresh.get(key);
    if (expected === undefined) fresh.set(key, (expected = get(port, agent, s)));
    if (JSON.stringify(s.page) !== (await expected)) mismatchedPages++;
  }
  const latencies: number[] = [];
  let eventsWithoutPatch = 0;
  for (const s of subscribers) {
    for (let i = 0; i < s.receipts.length; i += 2) {
      const sent = sentAt.get(s.receipts[i] as number);
      if (sent === undefined) eventsWithoutPatch++;
      else latencies.push((s.receipts[i + 1] as number) - sent);
    }
  }
  return {
    subscribers: subscribers.length,
    events: subscribers.reduce((a, s) => a + s.patches, 0),
    outOfOrder: subscribers.reduce((a, s) => a + s.outOfOrder, 0),
    mismatchedPages,
    closedByServer: subscribers.filter((s) => s.closed !== undefined).length,
    eventsWithoutPatch,
    latencies,
  };
};
