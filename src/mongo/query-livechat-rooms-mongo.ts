// GET /api/v1/livechat/rooms over a MongoDB collection: queryLivechatRooms' parse → scope, then
// toMongoQuery through the driver; the page goes through the same projector and department attachment.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from '../auth/principal.js';
import { scopeLivechatQuery } from '../auth/livechat/scope-livechat-query.js';
import { compileProjection } from '../compile/compile-projection.js';
import type { ApiError } from '../errors.js';
import { attachDepartments, departmentNames } from '../exec/attach-departments.js';
import type { Room, RoomsPage } from '../model/room.js';
import type { ScopedQuery } from '../query/rooms-query.js';
import { parseLivechatParams } from '../request/livechat/parse-livechat-params.js';
import { splitQueryString } from '../request/parse-query-string.js';
import type { MongoQuery } from './mongo-query.js';
import type { QueryRoomsMongoOptions } from './query-rooms-mongo.js';
import type { RoomsCollection } from './rooms-collection.js';
import { toMongoQuery } from './to-mongo-query.js';

/** The MongoDB form of a scoped livechat query: ties are always broken by `_id` (both modes). */
export const toLivechatMongoQuery = (scoped: ScopedQuery): MongoQuery => toMongoQuery(scoped, { tieBreak: true });

/**
 * Answers GET /api/v1/livechat/rooms from a MongoDB collection (`rocketchat_room`), as queryLivechatRooms
 * does in memory. A 400/403 is a `Left` and the collection is not touched.
 * @example
 * const page = await queryLivechatRoomsMongo(db.collection('rocketchat_room'), 'open=true', admin, { omnichannel });
 */
export const queryLivechatRoomsMongo = async (
  collection: RoomsCollection,
  params: Readonly<Record<string, unknown>> | string,
  principal: Principal,
  options: QueryRoomsMongoOptions = {},
): Promise<E.Either<ApiError, RoomsPage>> => {
  const scoped = pipe(
    typeof params === 'string' ? splitQueryString(params, options.limits) : E.right(params),
    E.chain((raw) => parseLivechatParams(raw, options)),
    E.chain((query) => scopeLivechatQuery(query, principal, options)),
  );
  if (E.isLeft(scoped)) return scoped;
  const query = toLivechatMongoQuery(scoped.right);
  const project = compileProjection(scoped.right.projection);
  const cursor = collection
    .find({ ...query.filter }, { projection: { ...query.projection } })
    .sort(query.sort.map(([path, direction]): [string, 1 | -1] => [path, direction]))
    .skip(query.skip)
    .limit(query.limit);
  const [docs, total] = await Promise.all([cursor.toArray(), collection.countDocuments({ ...query.filter })]);
  const rooms = Object.freeze(docs.map((doc) => project(doc as Room)));
  return E.right(attachDepartments(departmentNames(options.omnichannel), Object.freeze({ rooms, count: rooms.length, offset: query.skip, total })));
};
