// One SSE subscriber of the load run: reads `rooms.stream`, rebuilds its page ONLY from the events it
// receives (the `page` event, then each `patch` applied in order) and stamps each patch event with its
// receive time on a clock every process of the machine shares (`wallClock`). Its checks: event ids (store
// versions) only grow, and at the end its page equals a fresh GET of the same query (pages.ts).
import { request, type Agent, type IncomingMessage } from 'node:http';
import jsonpatch from 'fast-json-patch';

/** Milliseconds on a clock shared by the processes of one machine: the process's start (wall clock) + its monotonic time since. */
export const wallClock = (): number => performance.timeOrigin + performance.now();

export interface LoadUser {
  readonly _id: string;
  readonly token: string;
}

/** Who subscribes to what: the user and the rooms query's parameters (the same for the stream and the fresh GET). */
export interface SubscriberSpec {
  readonly user: LoadUser;
  readonly params: string;
}

export interface Subscriber {
  readonly spec: SubscriberSpec;
  page: { rooms: unknown[]; total: number } | undefined;
  /** The last event id (store version) received; -1 before the first. */
  lastId: number;
  /** Events whose id did not exceed the one before. */
  outOfOrder: number;
  /** Patch events received. */
  patches: number;
  /** Patch events as pairs in one flat array: version, receive time (wallClock ms). */
  readonly receipts: number[];
  /** The reason of a `close` event, when the server ended the stream. */
  closed: string | undefined;
  /** Bytes of an event not complete yet. */
  pending: string;
}

export const headersOf = (u: LoadUser): Record<string, string> => ({ 'x-user-id': u._id, 'x-auth-token': u.token });

export const newSubscriber = (spec: SubscriberSpec): Subscriber => ({
  spec,
  page: undefined,
  lastId: -1,
  outOfOrder: 0,
  patches: 0,
  receipts: [],
  closed: undefined,
  pending: '',
});

/**
 * Parses JSON once per distinct text: subscribers of one query receive the same data bytes. Sharing the parsed
 * operations between pages is safe because applying them never writes inside their values (a room is replaced
 * whole, never edited in place).
 */
export const createParseCache = (max = 10_000): ((text: string) => unknown) => {
  const cache = new Map<string, unknown>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      v = JSON.parse(text);
      if (cache.size >= max) cache.clear();
      cache.set(text, v);
    }
    return v;
  };
};

/** Feeds a chunk of the stream received at `at` (wallClock): events complete in it update the page and the counters. */
export const receive = (s: Subscriber, chunk: string, at: number, parse: (text: string) => unknown): void => {
  s.pending += chunk;
  for (let end = s.pending.indexOf('\n\n'); end >= 0; end = s.pending.indexOf('\n\n')) {
    const block = s.pending.slice(0, end);
    s.pending = s.pending.slice(end + 2);
    let event = 'message';
    let id: number | undefined;
    let data = '';
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('id: ')) id = Number(line.slice(4));
      else if (line.startsWith('data: ')) data = line.slice(6);
    }
    if (event === 'close') s.closed = data;
    if (id === undefined) continue; // retry:, heartbeats, close
    if (id <= s.lastId) s.outOfOrder++;
    s.lastId = Math.max(s.lastId, id);
    if (event === 'page') s.page = JSON.parse(data) as Subscriber['page'];
    else if (event === 'patch' && s.page !== undefined) {
      s.patches++;
      s.receipts.push(id, at);
      jsonpatch.applyPatch(s.page, parse(data) as jsonpatch.Operation[], false, true);
    }
  }
};

/** Opens the stream of `s`; resolves once its first page arrived. */
export const open = (s: Subscriber, port: number, agent: Agent, parse: (text: string) => unknown): Promise<void> =>
  new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, agent, path: `/api/v1/voip/rooms.stream?${s.spec.params}`, headers: headersOf(s.spec.user) },
      (res: IncomingMessage) => {
        if (res.statusCode !== 200) {
          res.resume();
          return reject(new Error(`stream ${s.spec.params}: ${res.statusCode}`));
        }
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          receive(s, chunk, wallClock(), parse);
          if (s.page !== undefined) resolve();
        });
        res.on('error', () => undefined); // the run ends by closing the agent's sockets
      },
    );
    req.on('error', reject);
    req.end();
  });
