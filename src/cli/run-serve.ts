// `room-query serve`: load or generate the rooms, start the HTTP server, print how to call it;
// optionally log requests and reload the rooms file when it changes (the API is swapped whole).

import { existsSync, unwatchFile, watchFile } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { DEFAULT_QUEUES } from '../fixtures/index.js';
import {
  combineRoutes,
  createExplorerRoutes,
  createLiveRoutes,
  createRateLimitGuard,
  createRoomsApi,
  serve,
  type LiveRoutes,
  type RoomsApi,
  type RoomsApiOptions,
  type RouteExtension,
} from '../http/index.js';
import { createRoomCollection, type Room, type RoomCollection } from '../index.js';
import { createRoomStore } from '../store/index.js';
import { bannerLines, liveBannerLines, loadedUsersBannerLines } from './banner.js';
import type { ServeCommand } from './commands.js';
import { loadData, toApiUser } from './load-data.js';
import { readRoomsFile } from './read-rooms-file.js';
import { withRequestLog } from './request-log.js';

export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** A URL host for the address the server listens on; wildcard addresses are shown as loopback. */
export const urlHost = (address: string): string => {
  if (address === '0.0.0.0') return '127.0.0.1';
  if (address === '::') return '[::1]';
  return address.includes(':') ? `[${address}]` : address;
};

const WATCH_INTERVAL_MS = 500;

/**
 * Where `npm run build` puts the explorer page: dist/explorer, next to this file's dist/cli; run from the
 * sources (tsx), src/explorer holds no bundle, so the clone's dist/explorer is used when built.
 */
export const DEFAULT_EXPLORER_DIR =
  [new URL('../explorer/', import.meta.url), new URL('../../dist/explorer/', import.meta.url)]
    .map((url) => fileURLToPath(url))
    .find((dir) => existsSync(join(dir, 'explorer.js'))) ?? fileURLToPath(new URL('../explorer/', import.meta.url));

const watchRooms = (path: string, io: CliIo, reload: (rooms: ReadonlyArray<Room>) => void): (() => void) => {
  let reading = false;
  const onChange = (): void => {
    if (reading) return;
    reading = true;
    void readRoomsFile(path).then((rooms) => {
      reading = false;
      if (E.isLeft(rooms)) io.err(`reload failed, still serving the previous rooms: ${rooms.left}`);
      else {
        reload(rooms.right);
        io.err(`reloaded ${rooms.right.length} rooms from ${path}`);
      }
    });
  };
  watchFile(path, { interval: WATCH_INTERVAL_MS }, onChange);
  return () => unwatchFile(path, onChange);
};

/**
 * Resolves with the listening server once the banner is printed; resolves with one line (Left) when
 * the rooms cannot be loaded; rejects if it cannot listen (e.g. EADDRINUSE).
 */
export const runServe = async (command: ServeCommand, io: CliIo): Promise<E.Either<string, Server>> => {
  const data = await loadData(command);
  if (E.isLeft(data)) return data;
  const { users, usersLoaded, omnichannel } = data.right;
  const apiUsers = users.map(toApiUser);
  const onError = (error: unknown): void => io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  // One guard for every API built (a --watch reload) and the live routes: the counts survive them all.
  const rateLimit = command.rateLimit === false ? false : createRateLimitGuard(command.rateLimit);
  // The indexed rooms the API answers from, kept for the explain route (build replaces it on reload).
  let collection: RoomCollection = createRoomCollection([]);
  const build = (rooms: ReadonlyArray<Room>): E.Either<string, RoomsApi> => {
    collection = createRoomCollection(rooms);
    const options: RoomsApiOptions = {
      rooms: collection,
      users: apiUsers,
      mode: command.mode,
      rateLimit,
      onError,
      ...(omnichannel === undefined ? {} : { omnichannel }),
    };
    return pipe(
      createRoomsApi(options),
      E.bimap(
        (error) => `the users do not make an API: ${error.message}`,
        (api) => (command.log ? withRequestLog(api, io.err) : api),
      ),
    );
  };
  const first = build(data.right.rooms);
  if (E.isLeft(first)) return first;
  let current = first.right;
  let live: LiveRoutes | undefined;
  let roomsNow = (): RoomCollection => collection;
  if (command.live) {
    const store = createRoomStore(data.right.rooms);
    if (E.isLeft(store)) return E.left(`--live: the rooms do not make a store: ${store.left.reason}`);
    const routes = createLiveRoutes({
      store: store.right,
      users: apiUsers,
      mode: command.mode,
      onError,
      rateLimit,
      ...(omnichannel === undefined ? {} : { omnichannel }),
    });
    if (E.isLeft(routes)) return E.left(`--live: ${routes.left.message}`);
    live = routes.right;
    roomsNow = () => store.right.current().collection();
  }
  const explorer = createExplorerRoutes({
    assetsDir: command.explorerDir ?? DEFAULT_EXPLORER_DIR,
    users: apiUsers,
    // Only generated demo users are listed: loaded users' tokens are real logins.
    ...(usersLoaded ? {} : { demoUsers: users.flatMap((u) => (u.token === undefined ? [] : [{ ...u, token: u.token }])) }),
    collection: roomsNow,
    mode: command.mode,
    ...(omnichannel === undefined ? {} : { omnichannel }),
  });
  if (E.isLeft(explorer)) return E.left(`the users do not make an API: ${explorer.left.message}`);
  const extensions: RouteExtension = live === undefined ? explorer.right : combineRoutes(explorer.right, live);
  const server = await serve(
    {
      routes: current.routes,
      handle: (request) => current.handle(request),
      ...(current.maxUrlLength === undefined ? {} : { maxUrlLength: current.maxUrlLength }),
    },
    { port: command.port, host: command.host, extensions },
  );
  if (command.watch && command.rooms.kind === 'file') {
    // The users never change, so a rebuild over new rooms is always Right.
    const stop = watchRooms(command.rooms.path, io, (rooms) => (current = E.getOrElse(() => current)(build(rooms))));
    server.once('close', stop);
  }
  const { address, port } = server.address() as AddressInfo;
  const baseUrl = `http://${urlHost(address)}:${port}`;
  const queue = DEFAULT_QUEUES[0] ?? '8001';
  const rooms = data.right.rooms.length;
  const lines = usersLoaded
    ? loadedUsersBannerLines({ users, baseUrl, rooms, mode: command.mode })
    : bannerLines({
        users: users.map((u) => ({ ...u, name: u.username, token: u.token ?? '' })),
        baseUrl,
        rooms,
        seed: command.seed,
        mode: command.mode,
        queue,
      });
  for (const line of lines) io.out(line);
  io.out('');
  if (command.live) {
    io.out(
      `room-query extensions: GET ${baseUrl}/api/v1/voip/rooms.stream and ${baseUrl}/api/v1/livechat/rooms.stream (SSE), POST ${baseUrl}/api/v1/voip/rooms.patch (admin, JSON Patch over both endpoints' rooms)`,
    );
    const admin = usersLoaded ? undefined : users.find((u) => u.roles.includes('admin'));
    const adminLogin = admin?.token === undefined ? undefined : { _id: admin._id, token: admin.token };
    for (const line of liveBannerLines({ baseUrl, admin: adminLogin, rooms: data.right.rooms })) io.out(line);
    io.out('');
  }
  io.out(`explorer: ${baseUrl}/`);
  io.out(`listening on ${baseUrl}`);
  return E.right(server);
};
