// room-query/live: queries whose page follows a store, pushed as JSON Patch diffs (a separate entry:
// it pulls in fast-json-patch).
export type { LiveEvent, LivePage, LiveQuery, LiveQueryOptions, LiveSource, LiveStats } from './live-query.js';
export { liveQuery } from './live-query.js';
export type { LiveRoomsOptions } from './live-rooms.js';
export { liveRooms } from './live-rooms.js';
export { applyPagePatch } from './apply-page-patch.js';
