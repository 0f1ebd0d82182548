// The endpoint's request, followed live: parse → permission scope → liveQuery, with the same
// options and the same 400 / 403 answers as queryRooms.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../auth/principal.js';
import { scopeQuery } from '../auth/scope-query.js';
import type { ApiError } from '../errors.js';
import type { QueryOptions } from '../options.js';
import { splitQueryString } from '../request/parse-query-string.js';
import { parseRoomsParams } from '../request/parse-rooms-params.js';
import { liveQuery, type LiveEvent, type LiveQuery, type LiveQueryOptions, type LiveSource } from './live-query.js';

/**
 * Like queryRooms, but the answer follows the store: Left is the same error, Right a running LiveQuery.
 * @example
 * liveRooms(store, 'open=true&count=20', admin, {}, (event) => send(event)) // Right(live) — close it when done
 */
export const liveRooms = (
  source: LiveSource,
  params: Readonly<Record<string, unknown>> | string,
  principal: Principal,
  options: QueryOptions & LiveQueryOptions,
  onChange: (event: LiveEvent) => void,
): E.Either<ApiError, LiveQuery> =>
  pipe(
    typeof params === 'string' ? splitQueryString(params, options.limits) : E.right(params),
    E.chain((raw) => parseRoomsParams(raw, options)),
    E.chain((query) => scopeQuery(query, principal, options.permissions)),
    E.map((scoped) => liveQuery(source, scoped, onChange, options.onError === undefined ? {} : { onError: options.onError })),
  );
