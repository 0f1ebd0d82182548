// An offline Rocket.Chat for other services' test suites: GET /api/v1/voip/rooms on an ephemeral
// loopback port over seeded (or given) rooms, with users and tokens to call it, and a store to change rooms.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import { createRoomsApi, ROOMS_ROUTE, serve, type RoomsApi, type RoomsApiOptions } from '../http/index.js';
import type { Room } from '../index.js';
import { resolveFixtureOptions, type FixtureServerOptions, type FixtureUserSpec, type ResolvedOptions } from './fixture-options.js';
import { createRoomStore, type RoomStore } from './room-store.js';

/** The usernames of the demo users (when no `users` option is given). */
export type DemoUsername = 'admin' | 'manager' | 'agent.alice' | 'agent.bob' | 'user.carol';

/** A user of the fixture server, with the headers that authenticate it. */
export interface FixtureUser extends FixtureUserSpec {
  readonly headers: { readonly 'X-User-Id': string; readonly 'X-Auth-Token': string };
}

export interface FixtureServer<U extends string = string> {
  /** `http://127.0.0.1:<port>`: what a Rocket.Chat client takes as its server URL. */
  readonly url: string;
  /** `url` + `/api/v1/voip/rooms`. */
  readonly roomsUrl: string;
  /** By username: `server.users.admin.headers`, `server.users['agent.alice']._id`. */
  readonly users: Readonly<Record<U, FixtureUser>>;
  readonly store: RoomStore;
  /** Stops listening and ends open connections. */
  readonly close: () => Promise<void>;
}

/** Why the server did not start: a bad option, or the address cannot be listened on. */
export interface FixtureServerError {
  readonly message: string;
}

const withHeaders = (u: FixtureUserSpec): FixtureUser =>
  Object.freeze({ _id: u._id, username: u.username, roles: u.roles, token: u.token, headers: Object.freeze({ 'X-User-Id': u._id, 'X-Auth-Token': u.token }) });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const start = async (o: ResolvedOptions): Promise<FixtureServer> => {
  const build = (rooms: ReadonlyArray<Room>): RoomsApi => {
    // a test suite hammers its fixture: no rate limit
    const options: RoomsApiOptions = {
      rooms,
      users: o.users,
      mode: o.mode,
      rateLimit: false,
      ...(o.permissions === undefined ? {} : { permissions: o.permissions }),
      ...(o.paging === undefined ? {} : { paging: o.paging }),
    };
    return createRoomsApi(options);
  };
  let api = build(o.rooms);
  const store = createRoomStore(o.rooms, (rooms) => (api = build(rooms)));
  const server = await serve({ handle: (request) => api.handle(request), ...(api.maxUrlLength === undefined ? {} : { maxUrlLength: api.maxUrlLength }) }, { port: o.port, host: o.host });
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const users = Object.fromEntries(o.users.map((u) => [u.username, withHeaders(u)]));
  let closed: Promise<void> | undefined;
  return { url, roomsUrl: `${url}${ROOMS_ROUTE}`, users, store, close: () => (closed ??= closeServer(server)) };
};

/**
 * Starts the fixture server; resolves with Left (never rejects) on a bad option or when it cannot listen.
 *
 * @example
 * const started = await tryStartFixtureServer({ rooms: 50 });
 * if (E.isRight(started)) { ...; await started.right.close(); }
 */
export async function tryStartFixtureServer(options?: FixtureServerOptions & { readonly users?: undefined }): Promise<E.Either<FixtureServerError, FixtureServer<DemoUsername>>>;
export async function tryStartFixtureServer(options?: FixtureServerOptions): Promise<E.Either<FixtureServerError, FixtureServer>>;
export async function tryStartFixtureServer(options?: FixtureServerOptions): Promise<E.Either<FixtureServerError, FixtureServer>> {
  const resolved = resolveFixtureOptions(options);
  if (E.isLeft(resolved)) return E.left({ message: resolved.left });
  try {
    return E.right(await start(resolved.right));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return E.left({ message: `startFixtureServer: cannot listen on ${resolved.right.host}:${resolved.right.port}: ${reason}` });
  }
}

/**
 * Starts the fixture server for a test suite (`beforeAll`); rejects with an Error whose message says
 * which option is wrong. Close it in `afterAll`.
 *
 * @example
 * const server = await startFixtureServer({ rooms: 200, seed: 7 });
 * await fetch(`${server.roomsUrl}?count=5`, { headers: server.users.admin.headers });
 * await server.close();
 */
export async function startFixtureServer(options?: FixtureServerOptions & { readonly users?: undefined }): Promise<FixtureServer<DemoUsername>>;
export async function startFixtureServer(options?: FixtureServerOptions): Promise<FixtureServer>;
export async function startFixtureServer(options?: FixtureServerOptions): Promise<FixtureServer> {
  const started = await tryStartFixtureServer(options);
  if (E.isLeft(started)) throw new Error(started.left.message);
  return started.right;
}
