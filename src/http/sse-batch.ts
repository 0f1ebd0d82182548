// Write batching for SSE streams: frames queued during one turn of the event loop are written to each stream
// as ONE chunk (one socket write) when the turn's I/O is done (setImmediate). When patches arrive faster than
// they are fanned out, several land in one turn and each stream pays one write for all of them, not one each;
// when they do not, a frame waits only for the end of the current turn.
import type { ServerResponse } from 'node:http';

export interface SseBatch {
  /** Queues `bytes` for `res`; `written` runs after they are handed to the socket (e.g. a backpressure check). */
  queue(res: ServerResponse, bytes: Buffer, written: () => void): void;
  /** Writes what `res` has queued now (before a write that must follow it: the last event). Nothing is written to an ended or destroyed response. */
  flush(res: ServerResponse): void;
}

interface Pending {
  readonly chunks: Buffer[];
  written: () => void;
}

export const createSseBatch = (): SseBatch => {
  const pending = new Map<ServerResponse, Pending>();
  let scheduled = false;
  const write = (res: ServerResponse, p: Pending): void => {
    pending.delete(res);
    if (res.writableEnded || res.destroyed) return;
    res.write(p.chunks.length === 1 ? (p.chunks[0] as Buffer) : Buffer.concat(p.chunks));
    p.written();
  };
  const flushAll = (): void => {
    scheduled = false;
    for (const [res, p] of [...pending]) write(res, p);
  };
  return {
    queue: (res, bytes, written) => {
      const p = pending.get(res);
      if (p === undefined) pending.set(res, { chunks: [bytes], written });
      else {
        p.chunks.push(bytes);
        p.written = written;
      }
      if (!scheduled) {
        scheduled = true;
        setImmediate(flushAll);
      }
    },
    flush: (res) => {
      const p = pending.get(res);
      if (p !== undefined) write(res, p);
    },
  };
};
