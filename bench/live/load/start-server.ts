// The server of the live load run: a store over generated rooms, the live routes (rooms.stream, rooms.patch,
// GET rooms from the store) on one node:http server, as `serve --live` mounts them, with the rate limiter
// off and the per-user stream cap raised (one user holds hundreds of the run's streams). Used in its own
// process by the load run (live-server.ts) and in-process by the harness's test.
import * as E from 'fp-ts/lib/Either.js';
import type { Server } from 'node:http';
import { agentsOf, generateRooms, generateUsers, type DemoUser } from '../../../src/fixtures/index.js';
import { createLiveRoutes, createRoomsApi, serve, type LiveRoutes } from '../../../src/http/index.js';
import { createRoomStore, type RoomStore } from '../../../src/store/index.js';
import { streamSeed, type StreamSeed } from '../change-stream.js';

export interface LoadServer {
  readonly port: number;
  readonly users: ReadonlyArray<DemoUser>;
  /** What the patch stream needs to know about the rooms. */
  readonly seed: StreamSeed;
  readonly store: RoomStore;
  readonly live: LiveRoutes;
  /**
   * The store's first patch, applied before any stream opens (one old room tagged): it builds the persistent
   * map of every room (the store defers that to its first write), a one-time pause measured here apart.
   */
  readonly firstPatchMs: number;
  close(): Promise<void>;
}

export const startLoadServer = async (rooms: number): Promise<LoadServer> => {
  const users = generateUsers({ seed: 1, agents: 50 });
  let generated: ReturnType<typeof generateRooms> | undefined = generateRooms({ count: rooms, seed: 1, agents: agentsOf(users) });
  const created = createRoomStore(generated);
  if (E.isLeft(created)) throw new Error(`store: ${JSON.stringify(created.left)}`);
  const store = created.right;
  const seed = streamSeed(generated, 10_000);
  generated = undefined; // the store holds its own copies
  store.snapshot();
  const t0 = performance.now();
  const warmed = store.apply([{ op: 'add', path: `/${seed.ids[seed.ids.length - 1]}/tags`, value: ['warm-up'] }]);
  if (E.isLeft(warmed)) throw new Error(`first patch: ${JSON.stringify(warmed.left)}`);
  const firstPatchMs = performance.now() - t0;
  const routes = createLiveRoutes({ store, users, maxStreamsPerUser: 1_000_000, maxBufferedBytes: 64 * 1024 * 1024, rateLimit: false });
  if (E.isLeft(routes)) throw new Error(`live routes: ${JSON.stringify(routes.left)}`);
  const live = routes.right;
  // The rooms API the server falls back to is never asked (the live routes answer GET rooms from the store).
  const api = createRoomsApi({ rooms: [], users, rateLimit: false });
  if (E.isLeft(api)) throw new Error(`rooms api: ${JSON.stringify(api.left)}`);
  const server: Server = await serve(api.right, { port: 0, host: '127.0.0.1', extensions: live });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    port,
    users,
    seed,
    store,
    live,
    firstPatchMs,
    close: () =>
      new Promise((resolve) => {
        live.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
