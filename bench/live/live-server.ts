// The server side of the live load run (bench/live/load-live.ts): a store over generated rooms with the
// live routes, in its own process (the clients do not share its event loop). Reports over IPC: its port,
// the users, what the patch stream needs; on request its RSS / heap, event-loop delay and the hub's stats.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as E from 'fp-ts/lib/Either.js';
import { createLiveRoutes } from '../../src/http/index.js';
import { agentsOf, generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { createRoomsApi, serve } from '../../src/http/index.js';
import { createRoomStore } from '../../src/store/index.js';
import { streamSeed } from './change-stream.js';

const n = Number(process.env['LIVE_ROOMS'] ?? 100_000);
const users = generateUsers({ seed: 1, agents: 50 });
let rooms: ReturnType<typeof generateRooms> | undefined = generateRooms({ count: n, seed: 1, agents: agentsOf(users) });
const created = createRoomStore(rooms);
if (E.isLeft(created)) throw new Error(`store: ${JSON.stringify(created.left)}`);
const store = created.right;
const seed = streamSeed(rooms, 10_000);
rooms = undefined;
store.snapshot();
const routes = createLiveRoutes({ store, users, maxStreamsPerUser: 1_000_000, maxBufferedBytes: 64 * 1024 * 1024 });
if (E.isLeft(routes)) throw new Error(`live routes: ${JSON.stringify(routes.left)}`);
const live = routes.right;
// The rooms API the server falls back to is never asked (the live routes answer GET rooms from the store).
const api = createRoomsApi({ rooms: [], users, rateLimit: false });
if (E.isLeft(api)) throw new Error(`rooms api: ${JSON.stringify(api.left)}`);
const server = await serve(api.right, { port: 0, host: '127.0.0.1', extensions: live });
const address = server.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
gc();
process.send?.({ kind: 'ready', port, users, seed, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed });
process.on('message', (message: { kind: string; gc?: boolean }) => {
  if (message.kind === 'stats') {
    if (message.gc === true) gc();
    const ms = (ns: number): number => ns / 1e6;
    process.send?.({
      kind: 'stats',
      rss: process.memoryUsage().rss,
      heap: process.memoryUsage().heapUsed,
      loopDelay: { p50: ms(delay.percentile(50)), p99: ms(delay.percentile(99)), max: ms(delay.max) },
      hub: live.hub.stats,
      openStreams: live.openStreams,
      version: store.version,
    });
    delay.reset();
  }
  if (message.kind === 'stop') {
    live.close();
    server.close(() => process.exit(0));
  }
});
