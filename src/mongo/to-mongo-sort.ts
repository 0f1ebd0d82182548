// SortSpec → MongoDB sort pairs; the `_id` tie-break is the one compileSort applies (withTieBreak).
import { withTieBreak } from '../compile/compile-sort.js';
import type { SortSpec } from '../query/sort-spec.js';
import type { MongoSortKey } from './mongo-query.js';

export const toMongoSort = (spec: SortSpec, tieBreak: boolean): ReadonlyArray<MongoSortKey> =>
  Object.freeze((tieBreak ? withTieBreak(spec) : spec).map((key) => Object.freeze([key.path.dotted, key.direction] as const)));
