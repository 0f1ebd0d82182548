// room-query/mongo: the MongoDB form of a request, and the endpoint over a MongoDB collection.
// Needs no `mongodb` import itself: pass any driver Collection (an optional peer dependency).
export type { MongoFilter, MongoProjection, MongoQuery, MongoSortKey, ToMongoOptions } from './mongo-query.js';
export { sortDocument } from './mongo-query.js';
export { toMongoQuery } from './to-mongo-query.js';
export { toMongoFilter, escapeNeedle } from './to-mongo-filter.js';
export type { MongoDocument, RoomsCollection, RoomsCursor } from './rooms-collection.js';
export type { QueryRoomsMongoOptions } from './query-rooms-mongo.js';
export { queryRoomsMongo } from './query-rooms-mongo.js';
export type { IndexRecommendation, RecommendIndexesOptions } from './recommend-indexes.js';
export { recommendIndexes } from './recommend-indexes.js';
export { queryLivechatRoomsMongo, toLivechatMongoQuery } from './query-livechat-rooms-mongo.js';
export { recommendLivechatIndexes } from './recommend-livechat-indexes.js';
