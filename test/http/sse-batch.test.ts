// SSE write batching: frames queued in one event-loop turn reach each stream as one write, in order; a
// flush writes at once (before the last event); a stream that ended or went away is not written.
import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createSseBatch } from '../../src/http/sse-batch.js';

const fakeResponse = () => {
  const writes: string[] = [];
  const res = { writableEnded: false, destroyed: false, write: (b: Buffer) => writes.push(b.toString()) };
  return { res: res as unknown as ServerResponse & typeof res, writes };
};
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('createSseBatch', () => {
  it('writes the frames of one turn to each stream as one chunk, then runs the last callback', async () => {
    const batch = createSseBatch();
    const a = fakeResponse();
    const b = fakeResponse();
    const calls: string[] = [];
    batch.queue(a.res, Buffer.from('1'), () => calls.push('a1'));
    batch.queue(b.res, Buffer.from('x'), () => calls.push('b'));
    batch.queue(a.res, Buffer.from('2'), () => calls.push('a2'));
    expect(a.writes).toEqual([]);
    await turn();
    expect([a.writes, b.writes, calls]).toEqual([['12'], ['x'], ['a2', 'b']]);
    batch.queue(a.res, Buffer.from('3'), () => undefined);
    await turn();
    expect(a.writes).toEqual(['12', '3']);
  });

  it('flushes one stream at once, and writes nothing to a stream that went away', async () => {
    const batch = createSseBatch();
    const a = fakeResponse();
    const b = fakeResponse();
    const c = fakeResponse();
    batch.queue(a.res, Buffer.from('1'), () => undefined);
    batch.queue(b.res, Buffer.from('2'), () => undefined);
    batch.queue(c.res, Buffer.from('3'), () => undefined);
    batch.flush(a.res);
    expect(a.writes).toEqual(['1']);
    b.res.writableEnded = true;
    c.res.destroyed = true;
    await turn();
    expect([a.writes, b.writes, c.writes]).toEqual([['1'], [], []]);
  });
});
