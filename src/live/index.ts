// room-query/live: queries whose page follows a store, pushed as JSON Patch diffs (a separate entry:
// it pulls in fast-json-patch).
export type { LiveEvent, LiveFrame, LivePage, LiveRoomChange, LiveSource, LiveStats, LiveView, LiveViewOptions, HistoryOptions } from './live-view.js';
export type { LiveQuery, LiveQueryOptions } from './live-query.js';
export { liveQuery } from './live-query.js';
export { createLiveView } from './live-view.js';
export { liveRooms } from './live-rooms.js';
