// An endpoint as data: how its parameters are parsed (codec, filter builder, default sort, paging),
// who may see what (scope rules), and the room type it matches. The engine below is endpoint-agnostic;
// a second room-list endpoint is a second value of this type, not a second pipeline.
import type * as E from 'fp-ts/lib/Either.js';
import type { Principal } from '../auth/principal.js';
import { scopeQuery } from '../auth/scope-query.js';
import type { ApiError } from '../errors.js';
import type { PermissionTable, QueryOptions } from '../options.js';
import type { RoomsQuery, ScopedQuery } from '../query/rooms-query.js';
import { parseRoomsParams } from '../request/parse-rooms-params.js';

export interface Endpoint {
  /** The route it answers, e.g. `/api/v1/voip/rooms`. */
  readonly route: string;
  /** The room type (`t`) it matches. Collections hold rooms of every type; the others are never matched. */
  readonly roomType: string;
  /** Raw parameters (already split into an object) → a typed query: params codec, filter builder, default sort, paging. */
  readonly parse: (params: unknown, options: QueryOptions) => E.Either<ApiError, RoomsQuery>;
  /** The scope rules: what `principal` may see of the query, or the 403. */
  readonly scope: (query: RoomsQuery, principal: Principal, permissions: PermissionTable | undefined) => E.Either<ApiError, ScopedQuery>;
}

/** GET /api/v1/voip/rooms: call rooms (`t: 'v'`); admins see all, an agent only the rooms it served. */
export const VOIP_ROOMS: Endpoint = Object.freeze({
  route: '/api/v1/voip/rooms',
  roomType: 'v',
  parse: parseRoomsParams,
  scope: scopeQuery,
});
