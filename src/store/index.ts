// room-query/store: a versioned room store fed by JSON Patch (pulls in immer and fast-json-patch,
// so it is a separate entry from the core's `room-query`).
export type { RoomStore, RoomStoreOptions, StoreChange, StoreVersion, ApplyResult, DeriveCollection } from './room-store.js';
export { createRoomStore } from './room-store.js';
export type { RoomChange } from '../model/room-change.js';
export type { PatchError, PatchErrorCode } from './patch-error.js';
export { formatPatchError } from './patch-error.js';
export { parsePointer, toPointer } from './json-pointer.js';
export { createDeriver, defaultCompactAt, overlaySize } from '../collection/derived/derived-collection.js';
export type { Deriver, DeriveOptions, DeriveStats } from '../collection/derived/derived-collection.js';
export { createLeveledDeriver, defaultMergeAt } from '../collection/derived/leveled-deriver.js';
export type { LeveledDeriver, LeveledOptions, LeveledStats } from '../collection/derived/leveled-deriver.js';
