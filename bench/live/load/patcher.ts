// The load run's patch stream: JSON Patches POSTed to rooms.patch at a fixed rate over ONE keep-alive
// connection (so store versions follow the sending order). Each patch's send time is the time it was due
// and handed to the connection (wallClock), recorded under the store version the answer names: an event's
// `id:` is that version, so receive − send is the latency from the patch request to the event.
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
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const sentAt = new Map<number, number>();
  const answerMs: number[] = [];
  let failed = 0;
  const post = (ops: unknown, k: number): Promise<void> =>
    new Promise((resolve) => {
      const text = JSON.stringify(ops);
      const at = wallClock();
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
