// Projection → a MongoDB find projection that never returns joinCode, members, importIds or e2e.
//
// Edge cases, each pinned by test/mongo/to-mongo-query.test.ts:
// - all / exclusion: the hidden fields are excluded too; a requested path inside a hidden field is
//   dropped (MongoDB rejects `{e2e: 0, 'e2e.key': 0}` as a path collision).
// - inclusion with no path left (`{"_id":0,"joinCode":1}`): MongoDB has no empty inclusion; a computed
//   field set to `$$REMOVE` makes it one that returns `{}` (MongoDB >= 4.4).
// - inclusion returns `v: {}` in MongoDB where `v` lacks the included `v.username`; we do not. The
//   difference is in the returned documents only, and queryRoomsMongo re-projects them (docs/mongo.md).
import type { Projection } from '../query/projection.js';
import type { MongoProjection } from './mongo-query.js';

/** Name of the computed field that turns an otherwise empty inclusion into a valid one. */
export const EMPTY_INCLUSION_FIELD = '__room_query_none';

export const toMongoProjection = (projection: Projection): MongoProjection => {
  const hidden = new Set(projection.hidden);
  const isHidden = (steps: ReadonlyArray<string>): boolean => hidden.has(steps[0] ?? '');
  const HIDE: ReadonlyArray<readonly [string, 0]> = projection.hidden.map((f) => [f, 0] as const);
  switch (projection.kind) {
    case 'all':
      return Object.freeze(Object.fromEntries(HIDE));
    case 'exclude': {
      const requested = projection.paths.filter((p) => !isHidden(p.steps)).map((p) => [p.dotted, 0] as const);
      return Object.freeze(Object.fromEntries([...requested, ...HIDE]));
    }
    case 'include': {
      const included = projection.paths.filter((p) => !isHidden(p.steps)).map((p) => [p.dotted, 1] as const);
      const id = projection.includeId ? [] : [['_id', 0] as const];
      if (included.length > 0) return Object.freeze(Object.fromEntries([...id, ...included]));
      const none: MongoProjection = projection.includeId ? { _id: 1 } : { _id: 0, [EMPTY_INCLUSION_FIELD]: '$$REMOVE' };
      return Object.freeze(none);
    }
    default: {
      const never: never = projection;
      return never;
    }
  }
};
