// `GET /api/v1/voip/rooms` and `GET /api/v1/livechat/rooms` (every endpoint definition given) as a pure
// request → response function over in-memory rooms (no I/O): route (404) → method (405) → URL length (414)
// → authentication and rate limit (401/429) → the route's endpoint query (200, a 304 for a matching
// If-None-Match, or its 400/403).

import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ConfigError } from '../errors.js';
import { isRoomCollection } from '../collection/collection.js';
import { createRoomCollection } from '../collection/room-collection.js';
import type { RoomSource } from '../exec/run-query.js';
import { compileQuery } from '../compile/compile-query.js';
import { runQuery } from '../exec/run-query.js';
import { prepareEndpointQuery } from '../endpoint/prepare-query.js';
import { presentPage, type Endpoint } from '../endpoint/endpoint.js';
import { ENDPOINTS, endpointAt, LIVECHAT_ROOMS, VOIP_ROOMS } from '../endpoint/endpoints.js';
import type { QueryOptions } from '../options.js';
import type { Principal } from '../auth/principal.js';
import { guardOf, type RateLimitGuard, type RateLimitOptions } from './rate-limit-guard.js';
import { queryOptionsOf } from './query-options-of.js';
import { createAuthenticator, type ApiUser, type Authenticate } from './authenticate.js';
import { readHeader, type RequestHeaders } from './read-header.js';
import { splitUrl } from './split-url.js';
import { etagOf, noneMatchHits, pageKeyOf } from './etag.js';
import { pageJson } from './page-json.js';
import { createPageCache } from './page-cache.js';
import type { Json } from '../value/to-json-value.js';

export const ROOMS_ROUTE = VOIP_ROOMS.route;
export const LIVECHAT_ROOMS_ROUTE = LIVECHAT_ROOMS.route;

export interface HttpRequest {
  readonly method: string;
  /** The request target: path and query string (`/api/v1/voip/rooms?count=10`). */
  readonly url: string;
  readonly headers: RequestHeaders;
  /**
   * The connection's peer address (`socket.remoteAddress`), which the adapters fill in: failed
   * authentication is counted per client address. Without it, all such requests share one budget.
   */
  readonly remoteAddress?: string;
}

export interface HttpResponse {
  readonly status: number;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body as a JSON value (Dates already ISO strings); null for a 304. A 200's is parsed from `text` on first read. */
  readonly body: Json;
  /** The body exactly as sent, when already serialized: `JSON.stringify(body)`, '' for a 304. Adapters send it if present. */
  readonly text?: string;
  /** `text` as UTF-8 bytes, when already encoded (a page answered before): `serve` sends these as they are. */
  readonly bytes?: Uint8Array;
}

export interface RoomsApiOptions extends QueryOptions {
  /** An array (indexed once, here, unless `index: false`) or a ready `createRoomCollection` snapshot. */
  readonly rooms: RoomSource;
  /** Build the default indexes over an array of rooms at creation (default true); false: every request scans. */
  readonly index?: boolean;
  readonly users: ReadonlyArray<ApiUser>;
  /** Told about an unexpected exception (answered 500). Receives no request data, so no token. */
  readonly onError?: (error: unknown) => void;
  /**
   * Calls per window of each authenticated user, counted after authentication, and of failed
   * authentication per client address (429 past either, with X-RateLimit-* headers); a guard from
   * `createRateLimitGuard` shares its counts with other APIs. Off by default in the library.
   */
  readonly rateLimit?: RateLimitOptions | RateLimitGuard | false;
  /** Longer request targets get 414 (default 16384 characters). */
  readonly maxUrlLength?: number;
  /** The clock of the rate limiter (tests pass a fake one). */
  readonly now?: () => number;
  /** The endpoints served, each at its route (default: voip/rooms and livechat/rooms). */
  readonly endpoints?: ReadonlyArray<Endpoint>;
}

export const DEFAULT_MAX_URL_LENGTH = 16_384;

/** The bytes to send for `response`: its `text`, else its body serialized. */
export const responseText = (response: HttpResponse): string => response.text ?? JSON.stringify(response.body);

/** Headers to send with a body of `bytes` bytes: content-length added, except on a 304 (no body). */
export const sendHeaders = (response: HttpResponse, bytes: number): Record<string, string> =>
  response.status === 304 ? { ...response.headers } : { ...response.headers, 'content-length': String(bytes) };

export interface RoomsApi {
  /**
   * The routes it answers (`/api/v1/voip/rooms`, `/api/v1/livechat/rooms`): framework adapters mount these.
   * Absent (a hand-made wrapper): adapters mount voip/rooms only; pass `routes` on to keep both.
   */
  readonly routes?: ReadonlyArray<string>;
  /** Never throws. */
  readonly handle: (request: HttpRequest) => HttpResponse;
  /** The longest request target answered (longer: 414); `serve` sizes its header limit from it. */
  readonly maxUrlLength?: number;
}

/** Prepared requests kept per caller (past it, that caller's are dropped and made again). */
const MAX_PREPARED = 256;

type Scoped = ReturnType<typeof prepareEndpointQuery>;

/** A request parsed, scoped and compiled (with the ETag of its 200 over this API's collection, once made), or its error. */
type Prepared = E.Either<
  Extract<Scoped, E.Left<unknown>>['left'],
  {
    readonly scoped: Extract<Scoped, E.Right<unknown>>['right'];
    readonly query: ReturnType<typeof compileQuery>;
    etag?: string;
    pageKey?: string;
  }
>;

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store' } as const;

/** A page over an immutable collection carries an ETag: a client may keep it, and must revalidate (304) each time. */
const PAGE_HEADERS = { 'content-type': 'application/json', 'cache-control': 'private, no-cache' } as const;

const respond = (status: number, body: Json, extra: Readonly<Record<string, string>> = {}): HttpResponse => ({
  status,
  headers: { ...JSON_HEADERS, ...extra },
  body,
  text: JSON.stringify(body),
});

/** A 200 whose body is already text (and maybe bytes): its JSON value is made only if someone reads `body`. */
const respondText = (text: string, headers: Readonly<Record<string, string>>, bytes?: Uint8Array): HttpResponse => {
  let body: Json | undefined;
  return {
    status: 200,
    headers,
    get body(): Json {
      return (body ??= JSON.parse(text) as Json);
    },
    text,
    ...(bytes === undefined ? {} : { bytes }),
  };
};

/**
 * The endpoint over `rooms`, authenticating `users` (plain tokens are hashed here and then dropped).
 * A configuration mistake (a duplicate user `_id`, a malformed `hashedToken`) is a Left listing every
 * problem with its path; nothing throws.
 *
 * @example
 * import { createRoomsApi } from 'room-query/http';
 * import { generateRooms, generateUsers } from 'room-query/fixtures';
 * const users = generateUsers({ seed: 42 });
 * const api = createRoomsApi({ rooms: generateRooms({ count: 100, seed: 42 }), users }); // Right(api) or Left(ConfigError)
 * const admin = users[0]!;
 * if (E.isRight(api)) api.right.handle({ method: 'GET', url: '/api/v1/voip/rooms?count=5', headers: { 'x-user-id': admin._id, 'x-auth-token': admin.token } }).status; // 200
 */
export const createRoomsApi = (options: RoomsApiOptions): E.Either<ConfigError, RoomsApi> =>
  E.map((authenticate: Authenticate) => roomsHandler(options, authenticate))(createAuthenticator(options.users));

/** The endpoint over `options.rooms` with a ready authenticator (the live routes share theirs). @internal */
export const roomsHandler = (options: RoomsApiOptions, authenticate: Authenticate): RoomsApi => {
  const { onError } = options;
  // O(n log n) once here, so each request costs O(page + log n) for keyed queries instead of O(n).
  const rooms = !isRoomCollection(options.rooms) && options.index !== false ? createRoomCollection(options.rooms) : options.rooms;
  // A collection never changes; an array the caller passed (index: false) might.
  const immutable = isRoomCollection(rooms);
  const queryOptions = queryOptionsOf(options);
  const endpoints = options.endpoints ?? ENDPOINTS;
  const maxUrlLength = options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH;
  const guard = guardOf(options.rateLimit, options.now);
  const pages = createPageCache();
  // Per caller, the requests it made lately, parsed, scoped and compiled (pure in route, query string and
  // caller over one API): a repeat skips the parameter codecs and the compiler.
  const preparedBy = new WeakMap<Principal, Map<string, Prepared>>();
  const prepare = (endpoint: Endpoint, search: string, principal: Principal): Prepared => {
    let mine = preparedBy.get(principal);
    if (mine === undefined) preparedBy.set(principal, (mine = new Map()));
    const key = `${endpoint.route}?${search}`;
    let prepared = mine.get(key);
    if (prepared === undefined) {
      const scoped = prepareEndpointQuery(endpoint, search, principal, queryOptions);
      prepared = E.isLeft(scoped) ? scoped : E.right({ scoped: scoped.right, query: compileQuery(scoped.right) });
      if (mine.size >= MAX_PREPARED) mine.clear();
      mine.set(key, prepared);
    }
    return prepared;
  };
  const answer = (request: HttpRequest): HttpResponse => {
    const { path, search } = splitUrl(request.url);
    const endpoint = endpointAt(path, endpoints);
    if (endpoint === undefined) return respond(404, ApiErrors.notFound().body);
    if (request.method !== 'GET') return respond(405, ApiErrors.methodNotAllowed().body, { allow: 'GET' });
    if (request.url.length > maxUrlLength) return respond(414, ApiErrors.uriTooLong(maxUrlLength).body);
    const admission = guard.admit(endpoint.route, request, authenticate);
    if (admission.kind === 'rejected') return respond(admission.error.status, admission.error.body, admission.headers);
    const { principal, headers: rateHeaders } = admission;
    const prepared = prepare(endpoint, search, principal);
    if (E.isLeft(prepared)) return respond(prepared.left.status, prepared.left.body, rateHeaders);
    const compiled = prepared.right;
    if (!immutable)
      return respondText(pageJson(presentPage(endpoint, queryOptions, runQuery(compiled.query, rooms)), false), {
        ...JSON_HEADERS,
        ...rateHeaders,
      });
    // An immutable collection: the same request gets the same bytes until the collection is replaced.
    const etag = (compiled.etag ??= etagOf(rooms, compiled.scoped));
    const headers = { ...PAGE_HEADERS, etag, ...rateHeaders };
    if (noneMatchHits(readHeader(request.headers, 'if-none-match'), etag)) return { status: 304, headers, body: null, text: '' };
    // The same request over the same collection is the same bytes: a repeat is answered from the page cache
    // (keyed by the full request key, not the ETag's hash: see pageKeyOf).
    const key = `${endpoint.route} ${(compiled.pageKey ??= pageKeyOf(rooms, compiled.scoped))}`;
    const cached = pages.get(key);
    if (cached !== undefined) return respondText(cached.text, headers, cached.bytes);
    // Its rooms are copies the collection hands out again (per projection), so their JSON is kept.
    const page = pages.put(key, pageJson(presentPage(endpoint, queryOptions, runQuery(compiled.query, rooms)), true));
    return respondText(page.text, headers, page.bytes);
  };
  return {
    routes: Object.freeze(endpoints.map((e) => e.route)),
    maxUrlLength,
    handle: (request) => {
      try {
        return answer(request);
      } catch (error) {
        try {
          onError?.(error);
        } catch {
          // a failing logger must not turn a 500 into a throw
        }
        return respond(500, ApiErrors.internalError().body);
      }
    },
  };
};
