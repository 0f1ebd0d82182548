// `room-query serve`: load or generate the rooms, start the HTTP server, print how to call it;
// optionally log requests and reload the rooms file when it changes (the API is swapped whole).

import { unwatchFile, watchFile } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { DEFAULT_QUEUES } from '../fixtures/index.js';
import { createLiveRoutes, createRateLimitGuard, createRoomsApi, serve, type LiveRoutes, type RoomsApi, type RoomsApiOptions } from '../http/index.js';
import type { Room } from '../index.js';
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
  const { users, usersLoaded } = data.right;
  const apiUsers = users.map(toApiUser);
  const onError = (error: unknown): void => io.err(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  // One guard for every API built (a --watch reload) and the live routes: the counts survive them all.
  const rateLimit = command.rateLimit === false ? false : createRateLimitGuard(command.rateLimit);
  const build = (rooms: ReadonlyArray<Room>): RoomsApi => {
    const options: RoomsApiOptions = {
      rooms,
      users: apiUsers,
      mode: command.mode,
      rateLimit,
      onError,
    };
    const api = createRoomsApi(options);
    return command.log ? withRequestLog(api, io.err) : api;
  };
  let current = build(data.right.rooms);
  let extensions: LiveRoutes | undefined;
  if (command.live) {
    const store = createRoomStore(data.right.rooms);
    if (E.isLeft(store)) return E.left(`--live: the rooms do not make a store: ${store.left.reason}`);
    extensions = createLiveRoutes({ store: store.right, users: apiUsers, mode: command.mode, onError, rateLimit });
  }
  const server = await serve({ handle: (request) => current.handle(request), ...(current.maxUrlLength === undefined ? {} : { maxUrlLength: current.maxUrlLength }) }, { port: command.port, host: command.host, ...(extensions ? { extensions } : {}) });
  if (command.watch && command.rooms.kind === 'file') {
    const stop = watchRooms(command.rooms.path, io, (rooms) => (current = build(rooms)));
    server.once('close', stop);
  }
  const { address, port } = server.address() as AddressInfo;
  const baseUrl = `http://${urlHost(address)}:${port}`;
  const queue = DEFAULT_QUEUES[0] ?? '8001';
  const rooms = data.right.rooms.length;
  const lines = usersLoaded
    ? loadedUsersBannerLines({ users, baseUrl, rooms, mode: command.mode })
    : bannerLines({ users: users.map((u) => ({ ...u, name: u.username, token: u.token ?? '' })), baseUrl, rooms, seed: command.seed, mode: command.mode, queue });
  for (const line of lines) io.out(line);
  io.out('');
  if (command.live) {
    io.out(`room-query extensions: GET ${baseUrl}/api/v1/voip/rooms.stream (SSE), POST ${baseUrl}/api/v1/voip/rooms.patch (admin, JSON Patch)`);
    const admin = usersLoaded ? undefined : users.find((u) => u.roles.includes('admin'));
    const adminLogin = admin?.token === undefined ? undefined : { _id: admin._id, token: admin.token };
    for (const line of liveBannerLines({ baseUrl, admin: adminLogin, rooms: data.right.rooms })) io.out(line);
    io.out('');
  }
  io.out(`listening on ${baseUrl}`);
  return E.right(server);
};
