// room-query's public API. Everything not exported here is internal.
export type { ApiError, ApiErrorBody, ApiErrorCode } from './errors.js';
export { ApiErrors } from './errors.js';
export type { Mode, PagingSettings, PermissionTable, QueryOptions, RequestLimits } from './options.js';
export { DEFAULT_LIMITS } from './options.js';
export type { Room, RoomsPage } from './model/room.js';
export type { VoipRoom } from './model/room-codec.js';
export { VoipRoomCodec } from './model/room-codec.js';
export { DateFromAny } from './model/date-codec.js';
export { validateRoom, decodeRooms } from './model/validate-room.js';
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
export type { CompiledQuery, CompileOptions } from './compile/compile-query.js';
export { compileQuery } from './compile/compile-query.js';
export { compareValues } from './compile/compare-values.js';
export { explain } from './compile/explain.js';
export type { ExecStats } from './exec/counters.js';
export { runQuery, runQueryWithStats } from './exec/run-query.js';
export { queryRooms } from './query-rooms.js';
// Adapters re-exported for convenience (they import the core, never the reverse).
export type { GenerateRoomsOptions } from './fixtures/generate-rooms.js';
export { generateRooms, generateRoomsIterable, DEFAULT_QUEUES, DEFAULT_TAGS } from './fixtures/generate-rooms.js';
export type { DemoUser, AgentRef, GenerateUsersOptions } from './fixtures/generate-users.js';
export { generateUsers, agentsOf } from './fixtures/generate-users.js';
export type { RoomsApi, RoomsApiOptions, HttpRequest, HttpResponse } from './http/create-rooms-api.js';
export { createRoomsApi, ROOMS_ROUTE } from './http/create-rooms-api.js';
export type { Admission, GuardedRequest, RateLimitGuard, RateLimitOptions } from './http/rate-limit-guard.js';
export { createRateLimitGuard, DEFAULT_FAILED_AUTH } from './http/rate-limit-guard.js';
export type { RateDecision, RateLimitSettings } from './http/rate-limiter.js';
export type { ApiUser, Authenticate } from './http/authenticate.js';
export { hashToken } from './http/hash-token.js';
export type { Json } from './http/to-json-value.js';
export { toJsonValue } from './http/to-json-value.js';
export type { ServeOptions } from './http/serve.js';
export { serve } from './http/serve.js';
// Indexed collections and the planner (issue #7).
export type { RoomCollection, CollectionOptions, CollectionIndexes } from './collection/room-collection.js';
export { createRoomCollection, isRoomCollection, DEFAULT_INDEXES, indexBytes } from './collection/room-collection.js';
export type { RoomSource, RunOptions, RoomsPageWithStats } from './exec/run-query.js';
export type { QueryPlan, PlanNode } from './plan/plan.js';
export { planQuery } from './plan/plan.js';
// Framework adapters (issue #5): node:http / Express / Connect listener and a Fastify plugin.
export type { NodeListener } from './http/to-node-listener.js';
export { toNodeListener } from './http/to-node-listener.js';
export type { RoomsFastifyPluginOptions, FastifyInstanceLike } from './http/fastify-plugin.js';
export { roomsFastifyPlugin } from './http/fastify-plugin.js';
// Rocket.Chat exports in and out: mongoexport files → rooms/users, rooms → mongoimport NDJSON (node:fs adapter).
export type { LoadError, LoadErrorCode, ExportSource, LoadRoomsOptions, LoadedUser, LineSink } from './load/index.js';
export { loadRooms, loadUsers, isHashedToken, formatEjsonLine, writeEjson, fromEjson, toEjson } from './load/index.js';
