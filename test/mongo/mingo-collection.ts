// A MongoDB collection stand-in backed by mingo: the subset queryRoomsMongo uses, recording every call.
// Like MongoDB: limit(0) means no limit (mingo's limit(0) returns nothing); documents are held in `_id`
// order, so ties fall in `_id` order, which is one order MongoDB may return them in.
import { Query } from 'mingo';
import type { Room } from '../../src/index.js';
import { compareValues } from '../../src/index.js';
import { asStored } from './as-stored.js';
import type { MongoDocument, RoomsCollection, RoomsCursor } from '../../src/mongo/index.js';

export type Call =
  | { readonly method: 'find'; readonly filter: Record<string, unknown>; readonly options: { projection: Record<string, unknown> } }
  | { readonly method: 'sort'; readonly sort: Array<[string, 1 | -1]> }
  | { readonly method: 'skip' | 'limit'; readonly value: number }
  | { readonly method: 'toArray' }
  | { readonly method: 'countDocuments'; readonly filter: Record<string, unknown> };

export interface MingoCollection extends RoomsCollection {
  readonly calls: Call[];
}

export const mingoCollection = (rooms: ReadonlyArray<Room>): MingoCollection => {
  const docs = [...rooms].sort((a, b) => compareValues(a['_id'], b['_id']));
  const calls: Call[] = [];
  return {
    calls,
    find(filter, options) {
      calls.push({ method: 'find', filter, options });
      const state = { sort: undefined as Array<[string, 1 | -1]> | undefined, skip: 0, limit: 0 };
      const cursor: RoomsCursor = {
        sort(sort) {
          calls.push({ method: 'sort', sort });
          state.sort = sort;
          return cursor;
        },
        skip(value) {
          calls.push({ method: 'skip', value });
          state.skip = value;
          return cursor;
        },
        limit(value) {
          calls.push({ method: 'limit', value });
          state.limit = value;
          return cursor;
        },
        async toArray() {
          calls.push({ method: 'toArray' });
          let c = new Query(filter as never).find(asStored(docs), options.projection as never);
          if (state.sort !== undefined && state.sort.length > 0) c = c.sort(Object.fromEntries(state.sort));
          c = c.skip(state.skip);
          if (state.limit > 0) c = c.limit(state.limit);
          return c.all() as MongoDocument[];
        },
      };
      return cursor;
    },
    async countDocuments(filter) {
      calls.push({ method: 'countDocuments', filter });
      return new Query(filter as never).find(asStored(docs)).all().length;
    },
  };
};
