// room-query/live: queries whose page follows a store, pushed as JSON Patch diffs (a separate entry:
// it pulls in fast-json-patch).
export type { LiveEvent, LiveFrame, LivePage, LiveSource, LiveStats, LiveView, LiveViewOptions, HistoryOptions } from './live-view.js';
export type { LiveQuery, LiveQueryOptions } from './live-query.js';
export type { FollowOptions, LiveHub, LiveHubOptions, LiveHubStats, LiveSubscription } from './live-hub.js';
export { liveQuery } from './live-query.js';
export { createLiveView } from './live-view.js';
export { createLiveHub, queryKey } from './live-hub.js';
export type { LiveRoomsOptions } from './live-rooms.js';
export { followRooms, liveRooms } from './live-rooms.js';
export { applyPagePatch } from './apply-page-patch.js';
export { bufferFor } from './live-window.js';
