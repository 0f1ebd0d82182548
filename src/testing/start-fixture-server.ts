// An offline Rocket.Chat for other services' test suites: GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms
// on an ephemeral loopback port over seeded (or given) rooms, with users and tokens to call it. The rooms live in a
// room-query/store RoomStore (server.store): change them from a test with its helpers or a JSON Patch, over
// HTTP with POST rooms.patch (admin), and follow them with GET rooms.stream (the live routes).

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as E from 'fp-ts/lib/Either.js';
import {
  createLiveRoutes,
  createRoomsApi,
  LIVECHAT_ROOMS_ROUTE,
  ROOMS_ROUTE,
  serve,
  type RoomsApi,
  type RoomsApiOptions,
} from '../http/index.js';
import { createRoomStore } from '../store/index.js';
import { resolveFixtureOptions, type FixtureServerOptions, type FixtureUserSpec, type ResolvedOptions } from './fixture-options.js';
import { fixtureStore, type FixtureStore } from './fixture-store.js';

/** The usernames of the demo users (when no `users` option is given). */
export type DemoUsername = 'admin' | 'manager' | 'agent.alice' | 'agent.bob' | 'user.carol' | 'monitor';

/** A user of the fixture server, with the headers that authenticate it. */
export interface FixtureUser extends FixtureUserSpec {
  readonly headers: { readonly 'X-User-Id': string; readonly 'X-Auth-Token': string };
}

export interface FixtureServer<U extends string = string> {
  /** `http://127.0.0.1:<port>`: what a Rocket.Chat client takes as its server URL. */
  readonly url: string;
  /** `url` + `/api/v1/voip/rooms`. */
  readonly roomsUrl: string;
  /** `url` + `/api/v1/livechat/rooms`. */
  readonly livechatRoomsUrl: string;
  /** By username: `server.users.admin.headers`, `server.users['agent.alice']._id`. */
  readonly users: Readonly<Record<U, FixtureUser>>;
  /** The rooms served: a room-query/store RoomStore (apply, subscribe, snapshot) with test helpers (insert, update, remove, reset). */
  readonly store: FixtureStore;
  /** Stops listening and ends open connections. */
  readonly close: () => Promise<void>;
}

/** Why the server did not start: a bad option, or the address cannot be listened on. */
export interface FixtureServerError {
  readonly message: string;
}

const withHeaders = (u: FixtureUserSpec): FixtureUser =>
  Object.freeze({
    _id: u._id,
    username: u.username,
    roles: u.roles,
    token: u.token,
    headers: Object.freeze({ 'X-User-Id': u._id, 'X-Auth-Token': u.token }),
  });

const closeServer = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });

const start = async (o: ResolvedOptions): Promise<E.Either<FixtureServerError, FixtureServer>> => {
  // a test suite hammers its fixture: no rate limit; and no cap on a patch's operations (reset replaces every room)
  const store = createRoomStore(o.rooms, { maxOperations: Number.MAX_SAFE_INTEGER });
  if (E.isLeft(store)) return E.left({ message: `startFixtureServer: rooms: ${store.left.reason}` });
  const base: Omit<RoomsApiOptions, 'rooms'> = {
    users: o.users,
    mode: o.mode,
    rateLimit: false,
    omnichannel: o.omnichannel,
    ...(o.permissions === undefined ? {} : { permissions: o.permissions }),
    ...(o.paging === undefined ? {} : { paging: o.paging }),
    ...(o.limits === undefined ? {} : { limits: o.limits }),
  };
  const first = createRoomsApi({ ...base, rooms: store.right.snapshot() });
  const live = createLiveRoutes({ ...base, store: store.right, serveRooms: false });
  if (E.isLeft(first)) return E.left({ message: `startFixtureServer: ${first.left.message}` });
  if (E.isLeft(live)) return E.left({ message: `startFixtureServer: ${live.left.message}` });
  // GET rooms over the current version's snapshot: one handler per version (same users, so always Right).
  let current = { version: store.right.version, api: first.right };
  const apiNow = (): RoomsApi => {
    const version = store.right.version;
    if (current.version !== version)
      current = { version, api: E.getOrElse(() => current.api)(createRoomsApi({ ...base, rooms: store.right.snapshot() })) };
    return current.api;
  };
  const { maxUrlLength } = first.right;
  const server = await serve(
    { routes: first.right.routes, handle: (request) => apiNow().handle(request), ...(maxUrlLength === undefined ? {} : { maxUrlLength }) },
    { port: o.port, host: o.host, extensions: live.right },
  );
  const { address, port } = server.address() as AddressInfo;
  const url = `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  const users = Object.fromEntries(o.users.map((u) => [u.username, withHeaders(u)]));
  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => (closed ??= (live.right.close(), closeServer(server)));
  return E.right({
    url,
    roomsUrl: `${url}${ROOMS_ROUTE}`,
    livechatRoomsUrl: `${url}${LIVECHAT_ROOMS_ROUTE}`,
    users,
    store: fixtureStore(store.right, o.rooms),
    close,
  });
};

/**
 * Starts the fixture server; resolves with Left (never rejects) on a bad option or when it cannot listen.
 *
 * @example
 * const started = await tryStartFixtureServer({ rooms: 50 });
 * if (E.isRight(started)) { ...; await started.right.close(); }
 */
export async function tryStartFixtureServer(
  options?: FixtureServerOptions & { readonly users?: undefined },
): Promise<E.Either<FixtureServerError, FixtureServer<DemoUsername>>>;
export async function tryStartFixtureServer(options?: FixtureServerOptions): Promise<E.Either<FixtureServerError, FixtureServer>>;
export async function tryStartFixtureServer(options?: FixtureServerOptions): Promise<E.Either<FixtureServerError, FixtureServer>> {
  const resolved = resolveFixtureOptions(options);
  if (E.isLeft(resolved)) return E.left({ message: resolved.left });
  try {
    return await start(resolved.right);
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
export async function startFixtureServer(
  options?: FixtureServerOptions & { readonly users?: undefined },
): Promise<FixtureServer<DemoUsername>>;
export async function startFixtureServer(options?: FixtureServerOptions): Promise<FixtureServer>;
export async function startFixtureServer(options?: FixtureServerOptions): Promise<FixtureServer> {
  const started = await tryStartFixtureServer(options);
  if (E.isLeft(started)) throw new Error(started.left.message);
  return started.right;
}
