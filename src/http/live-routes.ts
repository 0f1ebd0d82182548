// room-query EXTENSIONS to Rocket.Chat's API (upstream has none of these routes), mounted by `serve` when given:
//   GET  /api/v1/voip/rooms.stream?<same params>      Server-Sent Events: `page` first, then `patch` events (JSON Patch);
//   GET  /api/v1/livechat/rooms.stream?<same params>  `id:` = store version, Last-Event-ID resumes (docs/live.md)
//   POST /api/v1/voip/rooms.patch                     needs PATCH_ROOMS_PERMISSION; body = a JSON Patch over { "<roomId>": room }
//                                                     (one store holds both endpoints' rooms)
// and GET /api/v1/voip/rooms, GET /api/v1/livechat/rooms answered from the store's current version. Every
// response carries `x-room-query-extension: 1`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from 'fp-ts/lib/Either.js';
import { hasPermission } from '../auth/permissions.js';
import { ApiErrors, type ConfigError } from '../errors.js';
import { createLiveHub, followRooms, type LiveFrame, type LiveHub, type LiveHubOptions, type LiveSubscription } from '../live/index.js';
import type { QueryOptions } from '../options.js';
import { formatPatchError, type RoomStore } from '../store/index.js';
import { queryOptionsOf } from './query-options-of.js';
import { createAuthenticator, type ApiUser, type Authenticate } from './authenticate.js';
import { guardOf, type RateLimitGuard, type RateLimitOptions } from './rate-limit-guard.js';
import { roomsHandler, DEFAULT_MAX_URL_LENGTH, responseText, sendHeaders, type RoomsApi } from './create-rooms-api.js';
import { ENDPOINTS } from '../endpoint/endpoints.js';
import type { Endpoint } from '../endpoint/endpoint.js';
import { readHeader } from './read-header.js';
import { splitUrl } from './split-url.js';
import { createSseBatch } from './sse-batch.js';
import { lastEventIdOf, SSE_HEARTBEAT, sseClose, sseFrame, sseRetry } from './sse-frames.js';
import { readBody, sendJson as sendJsonAs } from './send-json.js';
import { createStreamCap } from './stream-cap.js';
import type { Json } from '../value/to-json-value.js';

export const STREAM_ROUTE = '/api/v1/voip/rooms.stream';
export const LIVECHAT_STREAM_ROUTE = '/api/v1/livechat/rooms.stream';
export const PATCH_ROUTE = '/api/v1/voip/rooms.patch';

/** Each endpoint's stream: its GET route plus `.stream`. */
const streamRoutes: ReadonlyMap<string, Endpoint> = new Map(ENDPOINTS.map((e) => [`${e.route}.stream`, e] as const));
const roomsRoutes: ReadonlySet<string> = new Set(ENDPOINTS.map((e) => e.route));

/** The permission `rooms.patch` checks (room-query's own: upstream has no such route). Held by `admin` unless `permissions` says otherwise. */
export const PATCH_ROOMS_PERMISSION = 'patch-voip-rooms';
const DEFAULT_PATCH_ROLES: ReadonlyArray<string> = Object.freeze(['admin']);

export interface LiveRoutesOptions extends QueryOptions {
  readonly store: RoomStore;
  readonly users: ReadonlyArray<ApiUser>;
  /** Largest accepted patch body (default 1 MiB; larger: 413). */
  readonly maxBodyBytes?: number;
  /** SSE comment lines keeping proxies from timing out idle streams (default 15 s; 0: none). */
  readonly heartbeatMs?: number;
  /**
   * A stream whose client reads slower than this much buffered output is ended with a last `close` event
   * (reason `slow-consumer`; default 8 MiB); it reconnects and resumes from its Last-Event-ID or a fresh page.
   */
  readonly maxBufferedBytes?: number;
  /** Open streams per user (default 8); one more is answered 429 with Rocket.Chat's rate-limit body. */
  readonly maxStreamsPerUser?: number;
  /** The `retry:` advertised to EventSource clients, in ms (default 2000). */
  readonly retryMs?: number;
  /** Sharing and replay: patch history per query, how long an unwatched query is kept (see LiveHubOptions). */
  readonly hub?: LiveHubOptions;
  /** Also answer GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms from the store's current version (default true), so patches show there too. */
  readonly serveRooms?: boolean;
  /** Told about unexpected exceptions (answered 500). */
  readonly onError?: (error: unknown) => void;
  /**
   * The rooms API's budgets on these routes too: a stream counts one call per connection attempt, a
   * patch one per call (off by default). Pass the rooms API's guard to share one count.
   */
  readonly rateLimit?: RateLimitOptions | RateLimitGuard | false;
  /** The clock of the rate limiter (tests pass a fake one). */
  readonly now?: () => number;
}

/** Node-level routes `serve` tries before the rooms API. */
export interface LiveRoutes {
  /** Handles the request and returns true when it is one of these routes. */
  handle(req: IncomingMessage, res: ServerResponse): boolean;
  /** Streams currently open. */
  readonly openStreams: number;
  /** The hub the streams share (distinct queries, entries held). */
  readonly hub: LiveHub;
  /** Ends every open stream (serve calls it when the server closes). */
  close(): void;
}

const EXTENSION = { 'x-room-query-extension': '1' } as const;

const sendJson = (res: ServerResponse, status: number, body: Json, extra: Record<string, string> = {}): void =>
  sendJsonAs(res, status, body, { ...EXTENSION, ...extra });

/**
 * The extension routes over `store`, authenticating `users` like the rooms API.
 * @example
 * const live = createLiveRoutes({ store, users });
 * const server = await serve(api, { port: 0, host: '127.0.0.1', extensions: live });
 */
export const createLiveRoutes = (options: LiveRoutesOptions): E.Either<ConfigError, LiveRoutes> =>
  E.map((authenticate: Authenticate) => liveRoutes(options, authenticate))(createAuthenticator(options.users));

const liveRoutes = (options: LiveRoutesOptions, authenticate: Authenticate): LiveRoutes => {
  const { store } = options;
  const queryOptions = queryOptionsOf(options);
  // One guard for every version's rooms API and both routes, so a new version does not reset the counts.
  const guard = guardOf(options.rateLimit, options.now);
  const admit = (route: string, req: IncomingMessage) =>
    guard.admit(route, { headers: req.headers, remoteAddress: req.socket.remoteAddress }, authenticate);
  const streams = new Set<(last?: string) => void>();
  // GET /rooms over the current version's indexed snapshot (derived from the last built indexes plus an
  // overlay of changes, so a new version costs O(changes), not a rebuild): one rooms API per version.
  let roomsApi: { version: number; api: RoomsApi } | undefined;
  const currentApi = (): RoomsApi => {
    const v = store.current();
    if (roomsApi?.version !== v.version)
      roomsApi = {
        version: v.version,
        api: roomsHandler(
          {
            ...queryOptions,
            users: options.users,
            rooms: v.collection(),
            rateLimit: guard,
            ...(options.onError ? { onError: options.onError } : {}),
          },
          authenticate,
        ),
      };
    return roomsApi.api;
  };

  const hub = createLiveHub(store, { ...options.hub, ...(options.onError ? { onError: options.onError } : {}) });
  const cap = createStreamCap(options.maxStreamsPerUser ?? 8);
  const retryMs = options.retryMs ?? 2000;
  // One socket write per stream per event-loop turn, whatever the number of frames it got in that turn.
  const batch = createSseBatch();
  const HEARTBEAT = Buffer.from(SSE_HEARTBEAT);

  const stream = (req: IncomingMessage, res: ServerResponse, route: string, endpoint: Endpoint, search: string): void => {
    const admission = admit(route, req);
    if (admission.kind === 'rejected') return sendJson(res, admission.error.status, admission.error.body, { ...admission.headers });
    const { principal, headers: rateHeaders } = admission;
    // Open connections per user, apart from the rate limiter's calls per window.
    const release = cap.acquire(principal._id);
    if (release === undefined)
      return sendJson(res, 429, ApiErrors.tooManyRequests(Math.max(1, Math.ceil(retryMs / 1000))).body, { ...rateHeaders });
    let subscription: LiveSubscription | undefined;
    let heartbeat: ReturnType<typeof setInterval> | undefined;
    let open = true;
    const maxBuffered = options.maxBufferedBytes ?? 8 * 1024 * 1024;
    const end = (last?: string): void => {
      if (!open) return;
      open = false;
      subscription?.close();
      clearInterval(heartbeat);
      streams.delete(end);
      release();
      batch.flush(res); // frames queued before the last event go first (a closed response is not written)
      if (last !== undefined && res.headersSent) res.end(last);
      else res.end();
    };
    const begin = (): void => {
      if (res.headersSent) return;
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        ...EXTENSION,
        ...rateHeaders,
      });
      res.write(sseRetry(retryMs));
    };
    const overflow = (): void => {
      if (res.writableLength > maxBuffered) end(sseClose('slow-consumer', { maxBufferedBytes: maxBuffered }));
    };
    const send = (frame: LiveFrame): void => {
      if (!open) return;
      begin();
      batch.queue(res, sseFrame(frame), overflow);
    };
    const lastEventId = lastEventIdOf(readHeader(req.headers, 'last-event-id'));
    let started: ReturnType<typeof followRooms>;
    try {
      started = followRooms(hub, search, principal, { ...queryOptions, endpoint }, send, lastEventId === undefined ? {} : { lastEventId });
    } catch (error) {
      open = false; // the route answers 500 (or drops the connection once streaming)
      release();
      throw error;
    }
    if (E.isLeft(started)) {
      release();
      return sendJson(res, started.left.status, started.left.body, { ...rateHeaders });
    }
    subscription = started.right;
    if (!open) return subscription.close(); // ended while sending the first frames (client too slow)
    begin(); // resumed with nothing missed: no frame was sent, the headers still are
    const every = options.heartbeatMs ?? 15_000;
    heartbeat = every > 0 ? setInterval(() => open && batch.queue(res, HEARTBEAT, () => undefined), every) : undefined;
    heartbeat?.unref();
    streams.add(end);
    // The response's 'close' is the client going away (the request's fires once its body is read).
    res.on('close', () => end());
    res.on('error', () => end());
  };

  const patch = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const admission = admit(PATCH_ROUTE, req);
    if (admission.kind === 'rejected') {
      req.resume();
      return sendJson(res, admission.error.status, admission.error.body, { ...admission.headers });
    }
    const { principal, headers: rateHeaders } = admission;
    if (!hasPermission({ [PATCH_ROOMS_PERMISSION]: DEFAULT_PATCH_ROLES, ...options.permissions }, principal, PATCH_ROOMS_PERMISSION)) {
      req.resume();
      return sendJson(res, 403, ApiErrors.patchForbidden(PATCH_ROOMS_PERMISSION).body, { ...rateHeaders });
    }
    const body = await readBody(req, options.maxBodyBytes ?? 1024 * 1024);
    if (E.isLeft(body)) return sendJson(res, 413, ApiErrors.payloadTooLarge().body, { ...rateHeaders, connection: 'close' });
    let ops: unknown;
    try {
      ops = JSON.parse(body.right);
    } catch {
      return sendJson(res, 400, ApiErrors.patchNotJson().body, { ...rateHeaders });
    }
    const result = store.apply(ops);
    if (E.isLeft(result)) {
      const { code, index, path, reason } = result.left;
      return sendJson(res, 400, ApiErrors.invalidPatch(formatPatchError(result.left), { code, index, path, reason }).body, {
        ...rateHeaders,
      });
    }
    sendJson(res, 200, { success: true, version: result.right.version, changed: [...result.right.changed] }, { ...rateHeaders });
  };

  const route = (req: IncomingMessage, res: ServerResponse): boolean => {
    const url = req.url ?? '/';
    const { path, search } = splitUrl(url);
    const rooms = roomsRoutes.has(path) && options.serveRooms !== false;
    const streamOf = streamRoutes.get(path);
    if (streamOf === undefined && path !== PATCH_ROUTE && !rooms) return false;
    if (url.length > DEFAULT_MAX_URL_LENGTH) {
      req.resume();
      sendJson(res, 414, ApiErrors.uriTooLong(DEFAULT_MAX_URL_LENGTH).body);
      return true;
    }
    const method = req.method ?? 'GET';
    const allowed = path === PATCH_ROUTE ? 'POST' : 'GET';
    if (method !== allowed) {
      req.resume();
      sendJson(res, 405, ApiErrors.methodNotAllowed().body, { allow: allowed });
      return true;
    }
    if (rooms) {
      req.resume();
      const answer = currentApi().handle({ method, url, headers: req.headers, remoteAddress: req.socket.remoteAddress });
      const text = responseText(answer);
      res.writeHead(answer.status, { ...EXTENSION, ...sendHeaders(answer, Buffer.byteLength(text)) });
      res.end(text);
    } else if (streamOf !== undefined) {
      req.resume();
      stream(req, res, path, streamOf, search);
    } else void patch(req, res).catch(fail(res));
    return true;
  };
  const fail =
    (res: ServerResponse) =>
    (error: unknown): void => {
      try {
        options.onError?.(error);
      } catch {
        // a failing logger must not turn a 500 into a throw
      }
      if (!res.headersSent) sendJson(res, 500, ApiErrors.internalError().body);
      else res.destroy();
    };

  return {
    handle: (req, res) => {
      try {
        return route(req, res);
      } catch (error) {
        fail(res)(error);
        return true;
      }
    },
    get openStreams() {
      return streams.size;
    },
    hub,
    close: () => {
      for (const end of [...streams]) end(sseClose('server-closing'));
      hub.close();
    },
  };
};
