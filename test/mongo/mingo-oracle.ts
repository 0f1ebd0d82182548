// Runs a MongoQuery with mingo (MongoDB's query language in JS) the way the driver would run it.
// Two mingo-vs-MongoDB gaps are bridged here, both pinned in mingo-differences.test.ts:
// - MongoDB's `limit(0)` means "no limit"; mingo's returns nothing, so a 0 limit is not passed on.
// - mingo keeps input order among sort ties; MongoDB's order among ties is unspecified. Callers pass
//   rooms in `_id` order when the sort has no tie-break (rocketchat mode): one order MongoDB may return.
// Every read runs on `asStored` copies: mingo's projections edit the documents they are given.
import { Query } from 'mingo';
import type { Room } from '../../src/index.js';
import { asStored } from './as-stored.js';
import { sortDocument, type MongoFilter, type MongoQuery } from '../../src/mongo/index.js';

export interface MingoPage {
  readonly docs: ReadonlyArray<Record<string, unknown>>;
  readonly total: number;
}

// mingo's Criteria type is stricter than a plain query document; the runtime takes any document.
const mingoQuery = (filter: MongoFilter): Query => new Query(filter as never);

export const runWithMingo = (rooms: ReadonlyArray<Room>, q: MongoQuery, projection: MongoQuery['projection'] = q.projection): MingoPage => {
  const query = mingoQuery(q.filter);
  let cursor = query.find(asStored(rooms), projection as never);
  if (q.sort.length > 0) cursor = cursor.sort(sortDocument(q.sort));
  cursor = cursor.skip(q.skip);
  if (q.limit > 0) cursor = cursor.limit(q.limit);
  return { docs: cursor.all() as Record<string, unknown>[], total: mingoQuery(q.filter).find(asStored(rooms)).all().length };
};

export const mingoMatches = (rooms: ReadonlyArray<Room>, filter: MongoFilter): ReadonlyArray<Room> =>
  mingoQuery(filter).find(asStored(rooms)).all() as Room[];
