// An endpoint as data: how its parameters are parsed (codec, filter builder, default sort, paging),
// who may see what (scope rules), the room type it matches, and what it adds to a page after the
// projection. The engine below is endpoint-agnostic; GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms
// are two values of this type, and a third room list is a third value, not a third pipeline.
import type * as E from 'fp-ts/lib/Either.js';
import type { Principal } from '../auth/principal.js';
import type { ApiError } from '../errors.js';
import type { Room, RoomsPage } from '../model/room.js';
import type { Mode, QueryOptions } from '../options.js';
import type { RoomsQuery, ScopedQuery } from '../query/rooms-query.js';

export interface Endpoint {
  /** Short name, as the CLI's `--endpoint` takes it: `voip`, `livechat`. */
  readonly name: string;
  /** The route it answers, e.g. `/api/v1/voip/rooms`. */
  readonly route: string;
  /** The room type (`t`) it matches. Collections hold rooms of every type; the others are never matched. */
  readonly roomType: string;
  /** Raw parameters (already split into an object) → a typed query: params codec, filter builder, default sort, paging. */
  parse(params: unknown, options: QueryOptions): E.Either<ApiError, RoomsQuery>;
  /** The scope rules: what `principal` may see of the query (its own `parse`'s output), or the 403. */
  scope(query: RoomsQuery, principal: Principal, options: QueryOptions): E.Either<ApiError, ScopedQuery>;
  /** What the endpoint adds to each returned room after the projection (livechat: its department); undefined: nothing. */
  decorate(options: QueryOptions): ((room: Room) => Room) | undefined;
  /** Whether its MongoDB form appends the `_id` tie-break in `mode` (voip: default mode only; livechat: always). */
  mongoTieBreak(mode: Mode): boolean;
}

/** A page as `endpoint` returns it: each room decorated (a frozen page; the same page when nothing is added). */
export const presentPage = (endpoint: Endpoint, options: QueryOptions, page: RoomsPage): RoomsPage => {
  const decorate = endpoint.decorate(options);
  return decorate === undefined ? page : Object.freeze({ ...page, rooms: Object.freeze(page.rooms.map(decorate)) });
};

/** QueryOptions plus the endpoint to answer (default: GET /api/v1/voip/rooms). */
export interface EndpointOptions extends QueryOptions {
  readonly endpoint?: Endpoint;
}
