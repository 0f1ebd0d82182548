// The MongoDB form of a scoped query: plain data the official driver (or mingo) takes as is.
// Sort is an ordered list of pairs, not an object: a JS object would reorder integer-like keys.

/** A MongoDB query document (`{ t: 'v', ts: { $gte: Date }, name: /x/i, ... }`). */
export type MongoFilter = { readonly [key: string]: unknown };

/** One sort key: a dotted path and its direction, in the order MongoDB applies them. */
export type MongoSortKey = readonly [path: string, direction: 1 | -1];

/** A find projection: `0`/`1` per path, or `'$$REMOVE'` (see toMongoProjection). */
export type MongoProjection = { readonly [path: string]: 0 | 1 | '$$REMOVE' };

/** Everything `collection.find(filter, { projection }).sort(sort).skip(skip).limit(limit)` needs. */
export interface MongoQuery {
  readonly filter: MongoFilter;
  readonly sort: ReadonlyArray<MongoSortKey>;
  readonly skip: number;
  /** `0` means no limit (MongoDB's convention): count=0 where infinite count is allowed. */
  readonly limit: number;
  readonly projection: MongoProjection;
}

/** Options of toMongoQuery. */
export interface ToMongoOptions {
  /**
   * Append the `_id` ascending tie-break to the sort. Default: `true` in default mode (deterministic
   * paging), `false` in rocketchat mode (upstream's exact shape).
   */
  readonly tieBreak?: boolean;
}

/** The sort as a plain object (`{ ts: -1, _id: 1 }`), for logs, mingo, or a driver call by hand. */
export const sortDocument = (sort: ReadonlyArray<MongoSortKey>): Record<string, 1 | -1> =>
  Object.fromEntries(sort.map(([path, direction]) => [path, direction]));
