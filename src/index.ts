// `room-query`: the pure core — parse, scope, compile, plan, run, explain — over rooms in memory. No
// node:* module is reachable from here (a test bundles it for the browser). Adapters have their own
// entries: room-query/http, /load, /fixtures, /store, /live, /mongo, /testing.
export type { ApiError, ApiErrorBody, ApiErrorCode, PatchErrorDetails, ConfigError, ConfigProblem } from './errors.js';
export { ApiErrors } from './errors.js';
export type { Department, Mode, Omnichannel, PagingSettings, PermissionTable, QueryOptions, RequestLimits } from './options.js';
export { DEFAULT_LIMITS } from './options.js';
// Model: rooms, their codec, their changes.
export type { Room, RoomsPage } from './model/room.js';
export type { VoipRoom } from './model/room-codec.js';
export { VoipRoomCodec } from './model/room-codec.js';
export type { RoomField, FieldsParam, ProjectedRoom, RoomResult } from './model/room-result.js';
export { fieldsParam } from './model/room-result.js';
export { DateFromAny } from './model/date-codec.js';
export { validateRoom, decodeRooms, admitRoom, admitRooms } from './model/validate-room.js';
export type { RoomChange } from './model/room-change.js';
// Values: MongoDB's order, JSON conversion.
export { compareValues } from './value/compare-values.js';
export type { Json } from './value/to-json-value.js';
export { toJsonValue } from './value/to-json-value.js';
// Request → scoped query.
export type { Principal } from './auth/principal.js';
export { DEFAULT_PERMISSIONS, VIEW_ALL_ROOMS, VIEW_OWN_ROOMS } from './auth/permissions.js';
export type { RoomsQuery, ScopedQuery, Scope, Paging } from './query/rooms-query.js';
export type { FilterNode } from './query/filter-node.js';
export type { SortSpec, SortKey } from './query/sort-spec.js';
export type { Projection } from './query/projection.js';
export type { RoomsParams } from './request/params-codec.js';
export { parseRoomsParams } from './request/parse-rooms-params.js';
export { parseRoomsQueryString, splitQueryString } from './request/parse-query-string.js';
export { scopeQuery } from './auth/scope-query.js';
export type { Endpoint, EndpointOptions } from './endpoint/endpoint.js';
export { ENDPOINTS, LIVECHAT_ROOMS, VOIP_ROOMS, endpointAt, endpointNamed } from './endpoint/endpoints.js';
export type { RequestParams } from './endpoint/prepare-query.js';
export { prepareQuery, prepareEndpointQuery } from './endpoint/prepare-query.js';
// Compile, plan, run, explain.
export type { CompiledQuery } from './compile/compile-query.js';
export { compileQuery } from './compile/compile-query.js';
export type { CollectionOptions, CollectionIndexes, IndexedCollection } from './collection/room-collection.js';
export { createRoomCollection, DEFAULT_INDEXES, LIVECHAT_INDEXES } from './collection/room-collection.js';
export type { RoomCollection, DerivedCollection } from './collection/collection.js';
export { isRoomCollection, indexBytes } from './collection/collection.js';
export type { QueryPlan, PlanNode } from './plan/plan.js';
export { planQuery } from './plan/plan.js';
export type { ExecStats } from './exec/counters.js';
export type { RoomSource, RunOptions, RoomsPageWithStats } from './exec/run-query.js';
export { runQuery, runQueryWithStats } from './exec/run-query.js';
export { explain, explainRooms } from './explain.js';
export { queryEndpointRooms, queryLivechatRooms, queryRooms } from './query-rooms.js';
// GET /api/v1/livechat/rooms (issue #16): the same engine, a second endpoint.
export type { LivechatQuery } from './query/livechat-query.js';
export type { LivechatParams } from './request/livechat/livechat-params-codec.js';
export { parseLivechatParams } from './request/livechat/parse-livechat-params.js';
export type { LivechatScopeOptions } from './auth/livechat/scope-livechat-query.js';
export { scopeLivechatQuery } from './auth/livechat/scope-livechat-query.js';
export { OmnichannelCodec } from './model/omnichannel.js';
export type { MonitorScope } from './query/rooms-query.js';
export type { LinearRegex, RegexRefusal } from './value/linear-regex.js';
export { compileLinearRegex } from './value/linear-regex.js';
