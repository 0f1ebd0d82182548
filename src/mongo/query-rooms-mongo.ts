// GET /api/v1/voip/rooms over a MongoDB collection: the same parse → scope as queryRooms, then
// toMongoQuery through the driver instead of the in-memory scan.
//
// How it works: find().sort().skip().limit() for the page and countDocuments() on the same filter for
// `total`, issued together. The driver's projection trims what travels over the wire; the page's
// documents then go through the same projector as queryRooms, which removes MongoDB's only projection
// difference (empty parent objects, docs/mongo.md) and deep-freezes them like every page we return.
import * as E from 'fp-ts/lib/Either.js';
import type { Principal } from '../auth/principal.js';
import { compileProjection } from '../compile/compile-projection.js';
import { prepareQuery, type RequestParams } from '../endpoint/prepare-query.js';
import type { ApiError } from '../errors.js';
import type { Room, RoomsPage } from '../model/room.js';
import type { QueryOptions } from '../options.js';
import type { ToMongoOptions } from './mongo-query.js';
import type { RoomsCollection } from './rooms-collection.js';
import { toMongoQuery } from './to-mongo-query.js';

/** queryRooms' options plus toMongoQuery's. */
export interface QueryRoomsMongoOptions extends QueryOptions, ToMongoOptions {}

/**
 * Answers GET /api/v1/voip/rooms for `principal` from a MongoDB collection (Rocket.Chat's
 * `rocketchat_room`). Same answers as `queryRooms` over the same rooms. A 400/403 is a `Left` and the
 * collection is not touched; the promise rejects only when the driver does (network, server errors).
 *
 * @example
 * import { MongoClient } from 'mongodb';
 * import { queryRoomsMongo } from 'room-query/mongo';
 * const rooms = new MongoClient(url).db('rocketchat').collection('rocketchat_room');
 * const page = await queryRoomsMongo(rooms, 'open=true&count=10', { _id: 'u1', username: 'admin', roles: ['admin'] });
 * // Right({ rooms, count, offset, total }) or Left(ApiError)
 */
export const queryRoomsMongo = async (
  collection: RoomsCollection,
  params: RequestParams,
  principal: Principal,
  options: QueryRoomsMongoOptions = {},
): Promise<E.Either<ApiError, RoomsPage>> => {
  // Exactly queryRooms' steps before it runs anything.
  const scoped = prepareQuery(params, principal, options);
  if (E.isLeft(scoped)) return scoped;
  const query = toMongoQuery(scoped.right, options);
  const project = compileProjection(scoped.right.projection);
  const cursor = collection
    .find({ ...query.filter }, { projection: { ...query.projection } })
    .sort(query.sort.map(([path, direction]): [string, 1 | -1] => [path, direction]))
    .skip(query.skip)
    .limit(query.limit);
  const [docs, total] = await Promise.all([cursor.toArray(), collection.countDocuments({ ...query.filter })]);
  const rooms = Object.freeze(docs.map((doc) => project(doc as Room)));
  return E.right(Object.freeze({ rooms, count: rooms.length, offset: query.skip, total }));
};
