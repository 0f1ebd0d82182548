// `room-query/http`: the endpoint over HTTP — a framework-free handler (createRoomsApi), a node:http
// server (serve), node/Express/Connect and Fastify adapters, the live routes (rooms.stream, rooms.patch) and
// the explorer page's routes (the page, room-query.demo-users, rooms.explain).
export type { RoomsApi, RoomsApiOptions, HttpRequest, HttpResponse } from './create-rooms-api.js';
export { createRoomsApi, LIVECHAT_ROOMS_ROUTE, ROOMS_ROUTE } from './create-rooms-api.js';
export type { Admission, GuardedRequest, RateLimitGuard, RateLimitOptions } from './rate-limit-guard.js';
export { createRateLimitGuard, DEFAULT_FAILED_AUTH } from './rate-limit-guard.js';
export type { RateDecision, RateLimitSettings } from './rate-limiter.js';
export type { ApiUser, Authenticate } from './authenticate.js';
export { hashToken } from './hash-token.js';
export type { ServeOptions, RouteExtension } from './serve.js';
export { serve } from './serve.js';
export type { NodeListener } from './to-node-listener.js';
export { toNodeListener } from './to-node-listener.js';
export type { RoomsFastifyPluginOptions, FastifyInstanceLike } from './fastify-plugin.js';
export { roomsFastifyPlugin } from './fastify-plugin.js';
export type { LiveRoutes, LiveRoutesOptions } from './live-routes.js';
export { createLiveRoutes, STREAM_ROUTE, LIVECHAT_STREAM_ROUTE, PATCH_ROUTE, PATCH_ROOMS_PERMISSION } from './live-routes.js';
export type { ExplorerRoutesOptions, ExplorerDemoUser } from './explorer-routes.js';
export { createExplorerRoutes, DEMO_USERS_ROUTE } from './explorer-routes.js';
export { EXPLAIN_ROUTE, explainRouteOf } from './explain-route.js';
export { combineRoutes } from './combine-routes.js';
