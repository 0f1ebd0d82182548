// ScopedQuery → the MongoDB query that answers it (docs/endpoint.md), from the same typed AST compileQuery uses.
import type { ScopedQuery } from '../query/rooms-query.js';
import type { MongoQuery, ToMongoOptions } from './mongo-query.js';
import { toMongoFilter } from './to-mongo-filter.js';
import { toMongoProjection } from './to-mongo-projection.js';
import { toMongoSort } from './to-mongo-sort.js';

/**
 * The MongoDB query for a scoped request: filter (the caller's scope included), sort, skip, limit and
 * projection. Pure; run it with `collection.find(filter, { projection }).sort(sort).skip(skip).limit(limit)`
 * and `countDocuments(filter)` for `total`.
 *
 * Default mode appends the `_id` tie-break; rocketchat mode keeps upstream's shape (no tie-break;
 * `fields` never reaches the projection, which only hides the never-returned fields).
 *
 * @example
 * import { parseRoomsQueryString, scopeQuery } from 'room-query';
 * import { toMongoQuery } from 'room-query/mongo';
 * const parsed = parseRoomsQueryString('open=true&roomName=a.b&count=10');
 * // after scopeQuery(...) for an admin:
 * // toMongoQuery(scoped) →
 * // { filter: { t: 'v', open: { $exists: true }, name: /a\.b/i },
 * //   sort: [['ts', -1], ['_id', 1]], skip: 0, limit: 10,
 * //   projection: { joinCode: 0, members: 0, importIds: 0, e2e: 0 } }
 */
export const toMongoQuery = (scoped: ScopedQuery, options: ToMongoOptions = {}): MongoQuery => {
  const tieBreak = options.tieBreak ?? scoped.mode === 'default';
  return Object.freeze({
    filter: toMongoFilter(scoped.filter),
    sort: toMongoSort(scoped.sort, tieBreak),
    skip: scoped.paging.offset,
    limit: scoped.paging.limit ?? 0,
    projection: toMongoProjection(scoped.projection),
  });
};
