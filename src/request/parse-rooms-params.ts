// Raw parameters → RoomsQuery: schema, sort, fields, dates, paging, filter, in the order each mode
// checks them (docs/semantics-differences.md, "Checks order").
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { ApiError } from '../errors.js';
import { resolveLimits, resolvePaging, type QueryOptions } from '../options.js';
import { Projection } from '../query/projection.js';
import type { RoomsQuery } from '../query/rooms-query.js';
import { buildFilter } from './build-filter.js';
import { parseDateRange } from './parse-date-range.js';
import { parseFields } from './parse-fields.js';
import { parseSort } from './parse-sort.js';
import { resolvePagingParams } from './resolve-paging.js';
import { validateParams } from './validate-params.js';

/**
 * Validates and types the endpoint's query parameters (already split into an object).
 * @example
 * parseRoomsParams({ agents: ['agent1'], open: 'true', count: '10' }) // Right(RoomsQuery)
 * parseRoomsParams({ count: 'abc' })  // Left({ status: 400, body: { error: 'must be number [invalid-params]', ... } })
 */
export const parseRoomsParams = (params: unknown, options: QueryOptions = {}): E.Either<ApiError, RoomsQuery> => {
  const mode = options.mode ?? 'default';
  return pipe(
    E.Do,
    E.bind('params', () => validateParams(params, mode, resolveLimits(options.limits))),
    E.bind('sort', ({ params }) => parseSort(params.sort)),
    // Upstream's model ignores the projection; its validator already refused `fields`.
    E.bind('projection', ({ params }) => (mode === 'rocketchat' ? E.right(Projection.all()) : parseFields(params.fields))),
    E.bind('paging', ({ params }) => resolvePagingParams(mode, resolvePaging(mode, options.paging), params.offset, params.count)),
    E.map(({ params, sort, projection, paging }) => {
      const createdAt = parseDateRange('createdAt', params.createdAt);
      const closedAt = parseDateRange('closedAt', params.closedAt);
      const dateError = E.isLeft(createdAt) ? createdAt.left : E.isLeft(closedAt) ? closedAt.left : undefined;
      const query: RoomsQuery = {
        mode,
        filter: buildFilter(mode, {
          params,
          createdAt: E.isRight(createdAt) ? createdAt.right : undefined,
          closedAt: E.isRight(closedAt) ? closedAt.right : undefined,
        }),
        sort,
        projection,
        paging,
        agents: params.agents,
        deferredError: dateError,
      };
      return query;
    }),
    // Default mode validates everything before the permission check; rocketchat mode defers dates.
    E.chain((query) => (mode === 'default' && query.deferredError !== undefined ? E.left(query.deferredError) : E.right(query))),
    E.map((query) => Object.freeze(query)),
  );
};
