// `room-query/testing`: an offline fixture server of GET /api/v1/voip/rooms for other services' tests.

export type { DemoUsername, FixtureServer, FixtureServerError, FixtureUser } from './start-fixture-server.js';
export { startFixtureServer, tryStartFixtureServer } from './start-fixture-server.js';
export type { FixtureServerOptions, FixtureUserSpec } from './fixture-options.js';
export type { FixtureStore } from './fixture-store.js';
export type { Room } from '../model/room.js';
export { ROOMS_ROUTE } from '../http/index.js';
