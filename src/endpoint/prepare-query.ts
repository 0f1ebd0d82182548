// The one composition of the request side: split → parse → scope. queryRooms, explainRooms, liveRooms
// and queryRoomsMongo all start here, so they answer the same 400s and 403s in the same order.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../auth/principal.js';
import type { ApiError } from '../errors.js';
import type { QueryOptions } from '../options.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import { splitQueryString } from '../request/parse-query-string.js';
import { VOIP_ROOMS, type Endpoint } from './endpoint.js';

/** Request parameters: a query string (`agents[]=a&count=10`, a leading `?` allowed) or an already-split object. */
export type RequestParams = Readonly<Record<string, unknown>> | string;

/** `prepareQuery` for any endpoint definition. */
export const prepareEndpointQuery = (
  endpoint: Endpoint,
  params: RequestParams,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, ScopedQuery> =>
  pipe(
    typeof params === 'string' ? splitQueryString(params, options.limits) : E.right(params),
    E.chain((raw) => endpoint.parse(raw, options)),
    E.chain((query) => endpoint.scope(query, principal, options.permissions)),
  );

/**
 * Parses and scopes a GET /api/v1/voip/rooms request in one call: the query `principal` may run, or the
 * 400/403 `queryRooms` would answer. Pass the result to `compileQuery`, `toMongoQuery` or `liveQuery`.
 * @example
 * prepareQuery('agents[]=agent1&open=true', { _id: 'agent1', username: 'alice', roles: ['livechat-agent'] })
 * // Right(ScopedQuery) or Left({ status: 403, body: { success: false, error: 'unauthorized' } })
 */
export const prepareQuery = (params: RequestParams, principal: Principal, options: QueryOptions = {}): E.Either<ApiError, ScopedQuery> =>
  prepareEndpointQuery(VOIP_ROOMS, params, principal, options);
