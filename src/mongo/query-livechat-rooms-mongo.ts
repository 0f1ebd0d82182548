// GET /api/v1/livechat/rooms over a MongoDB collection: queryRoomsMongo with the livechat endpoint
// (ties always broken by `_id`; each returned room gets its department).
import type * as E from 'fp-ts/lib/Either.js';
import type { Principal } from '../auth/principal.js';
import { LIVECHAT_ROOMS } from '../endpoint/livechat-rooms.js';
import type { RequestParams } from '../endpoint/prepare-query.js';
import type { ApiError } from '../errors.js';
import type { RoomsPage } from '../model/room.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import type { MongoQuery } from './mongo-query.js';
import { queryRoomsMongo, type QueryRoomsMongoOptions } from './query-rooms-mongo.js';
import type { RoomsCollection } from './rooms-collection.js';
import { toMongoQuery } from './to-mongo-query.js';

/** The MongoDB form of a scoped livechat query: ties are always broken by `_id` (both modes). */
export const toLivechatMongoQuery = (scoped: ScopedQuery): MongoQuery =>
  toMongoQuery(scoped, { tieBreak: LIVECHAT_ROOMS.mongoTieBreak(scoped.mode) });

/**
 * Answers GET /api/v1/livechat/rooms from a MongoDB collection (`rocketchat_room`), as queryLivechatRooms
 * does in memory. A 400/403 is a `Left` and the collection is not touched.
 * @example
 * const page = await queryLivechatRoomsMongo(db.collection('rocketchat_room'), 'open=true', admin, { omnichannel });
 */
export const queryLivechatRoomsMongo = (
  collection: RoomsCollection,
  params: RequestParams,
  principal: Principal,
  options: Omit<QueryRoomsMongoOptions, 'endpoint'> = {},
): Promise<E.Either<ApiError, RoomsPage>> => queryRoomsMongo(collection, params, principal, { ...options, endpoint: LIVECHAT_ROOMS });
