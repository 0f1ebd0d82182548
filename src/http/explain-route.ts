// room-query EXTENSION (upstream has no such route): GET <endpoint route>.explain?<that endpoint's params>
// (`/api/v1/voip/rooms.explain`, `/api/v1/livechat/rooms.explain`) answers the plan of that request for an
// admin — `explain`'s text (filter, sort, chosen index, estimated vs actual documents examined) — and 403 for
// anyone else. The explorer page shows it.
import * as E from 'fp-ts/lib/Either.js';
import type { RoomCollection } from '../collection/collection.js';
import type { Endpoint } from '../endpoint/endpoint.js';
import { ENDPOINTS, VOIP_ROOMS } from '../endpoint/endpoints.js';
import { ApiErrors } from '../errors.js';
import { explainRooms } from '../explain.js';
import type { QueryOptions } from '../options.js';
import type { Authenticate } from './authenticate.js';
import type { HttpRequest, HttpResponse } from './create-rooms-api.js';
import { splitUrl } from './split-url.js';

/** The explain route of one endpoint: its own route with `.explain` appended. */
export const explainRouteOf = (endpoint: Endpoint): string => `${endpoint.route}.explain`;

/** voip/rooms' explain route (kept for callers of 0.x; `explainRouteOf` names every endpoint's). */
export const EXPLAIN_ROUTE = explainRouteOf(VOIP_ROOMS);

/** The endpoint whose explain route `path` is, or undefined. */
export const endpointExplainedAt = (path: string): Endpoint | undefined => ENDPOINTS.find((e) => explainRouteOf(e) === path);

const JSON_HEADERS = { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-room-query-extension': '1' } as const;

/** The route's answer for an already routed GET request; `collection` is read per request (live stores move on). */
export const answerExplain = (
  request: HttpRequest,
  authenticate: Authenticate,
  collection: () => RoomCollection,
  options: QueryOptions,
  endpoint: Endpoint = VOIP_ROOMS,
): HttpResponse => {
  const principal = authenticate(request.headers);
  if (principal === undefined) return { status: 401, headers: JSON_HEADERS, body: ApiErrors.unauthenticated().body };
  if (!principal.roles.includes('admin')) return { status: 403, headers: JSON_HEADERS, body: ApiErrors.unauthorized().body };
  const answer = explainRooms(collection(), splitUrl(request.url).search, principal, { ...options, endpoint });
  return E.isLeft(answer)
    ? { status: answer.left.status, headers: JSON_HEADERS, body: answer.left.body }
    : { status: 200, headers: JSON_HEADERS, body: { success: true, explain: answer.right } };
};
