// Rocket.Chat exports in and out: mongoexport files of rocketchat_room / users → rooms and users;
// rooms → what mongoimport reads. Node-only (node:fs), an adapter: the core never imports it.
export type { LoadError, LoadErrorCode } from './load-error.js';
export type { ExportSource } from './text-source.js';
export type { LoadRoomsOptions } from './load-rooms.js';
export { loadRooms } from './load-rooms.js';
export type { LoadedUser } from './load-users.js';
export { loadUsers, isHashedToken } from './load-users.js';
export type { OmnichannelExports } from './load-omnichannel.js';
export { loadOmnichannel } from './load-omnichannel.js';
export type { LineSink } from './write-ejson.js';
export { formatEjsonLine, writeEjson } from './write-ejson.js';
export { fromEjson, toEjson } from './ejson.js';
