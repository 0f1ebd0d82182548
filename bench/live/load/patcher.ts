// The load run's patch stream: JSON Patches POSTed to rooms.patch at a fixed rate, each sent when due (up to
// 16 keep-alive connections: a patch does not wait for the previous answer, as with many writers). Each
// patch's send time (wallClock) is recorded under the store version its answer names: an event's `id:` is that
// version, so receive − send is the latency from the patch request to the event. A patch that touches a room
// an earlier patch still in flight touches (a call answered right after it was created) waits for that one's
// answer, so the store applies them in the stream's order; its send time stays the time it was due.
import { request, Agent } from 'node:http';
import { headersOf, wallClock, type LoadUser } from './subscriber.js';

export interface PatchRun {
  /** Store version → send time (wallClock ms). */
  readonly sentAt: Map<number, number>;
  /** Patches refused or failed (none expected: the stream is valid). */
  readonly failed: number;
  /** Wall time of the stream, ms. */
  readonly elapsedMs: number;
  /** rooms.patch answer times (send → answer), ms, in sending order. */
  readonly answerMs: number[];
}

/** Sends `patches` at `rate` per second (Infinity: one after the other, as fast as answered). */
export const sendPatches = async (port: number, admin: LoadUser, patches: ReadonlyArray<unknown>, rate: number): Promise<PatchRun> => {
  const agent = new Agent({ keepAlive: true, maxSockets: Number.isFinite(rate) ? 16 : 1 });
  const sentAt = new Map<number, number>();
  const answerMs: number[] = [];
  let failed = 0;
  const inFlight = new Map<string, Promise<void>>();
  const post = (ops: unknown, k: number): Promise<void> => {
    const at = wallClock();
    const rooms = [...new Set((ops as Array<{ path: string }>).map((op) => op.path.split('/')[1] as string))];
    const before = rooms.map((r) => inFlight.get(r)).filter((p) => p !== undefined);
    const sent = (before.length === 0 ? Promise.resolve() : Promise.all(before)).then(() => send(ops, k, at));
    for (const r of rooms) inFlight.set(r, sent);
    void sent.then(() => rooms.forEach((r) => inFlight.get(r) === sent && inFlight.delete(r)));
    return sent;
  };
  const send = (ops: unknown, k: number, at: number): Promise<void> =>
    new Promise((resolve) => {
      const text = JSON.stringify(ops);
      const req = request(
        {
          host: '127.0.0.1',
          port,
          agent,
          method: 'POST',
          path: '/api/v1/voip/rooms.patch',
          headers: { ...headersOf(admin), 'content-type': 'application/json' },
        },
        (res) => {
          let out = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (out += c));
          res.on('end', () => {
            answerMs[k] = wallClock() - at;
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
  if (!Number.isFinite(rate)) for (const [k, p] of patches.entries()) await post(p, k);
  else
    await new Promise<void>((resolve) => {
      let k = 0;
      const tick = (): void => {
        // Catch up with the schedule: patch k is due at start + k / rate seconds.
        const due = Math.min(patches.length, Math.floor(((performance.now() - start) / 1000) * rate) + 1);
        while (k < due) pending.push(post(patches[k], k++));
        if (k >= patches.length) resolve();
        else setTimeout(tick, Math.max(1, Math.floor(1000 / rate / 2)));
      };
      tick();
    });
  await Promise.all(pending);
  const elapsedMs = performance.now() - start;
  agent.destroy();
  return { sentAt, failed, elapsedMs, answerMs };
};
