// A versioned store of call rooms fed by JSON Patch: each successful `apply` makes a new immutable
// version (persistent map, structural sharing); earlier versions and everything read from them stay
// valid and unchanged. Listeners hear every committed change, in version order.
import * as E from 'fp-ts/lib/Either.js';
import { frozenCopy } from '../value/freeze-copy.js';
import { createLeveledDeriver } from '../collection/derived/leveled-deriver.js';
import type { RoomCollection } from '../collection/collection.js';
import type { CollectionIndexes } from '../collection/room-collection.js';
import type { Room } from '../model/room.js';
import { decodeRoomFast } from '../model/decode-room-fast.js';
import { admitRoom } from '../model/validate-room.js';
import { deepFreeze } from '../value/deep-freeze.js';
import { cloneJsonValue } from './clone-json-value.js';
import { applyPatch, DEFAULT_MAX_OPERATIONS, type RoomChange } from './apply-patch.js';
import { applyFastPatch } from './fast-patch.js';
import { toPointer } from './json-pointer.js';
import { patchError, type PatchError } from './patch-error.js';
import { IdTable } from './id-table.js';
import { emptyPersistentMap, lazyPersistentMap, type PersistentMap } from './persistent-map.js';
import { Version, type DeriveCollection, type StoreVersion, type VersionContext } from './store-version.js';

export type { StoreVersion, DeriveCollection } from './store-version.js';

export interface RoomStoreOptions {
  /** Indexes of `snapshot()` collections (default: the collection's DEFAULT_INDEXES). */
  readonly indexes?: CollectionIndexes;
  /** Operations per patch (default 10,000). */
  readonly maxOperations?: number;
  /**
   * Incremental index maintenance: builds a version's collection from an earlier one's plus the changes
   * in between, instead of a rebuild (docs/live.md, "Indexes"). Default: `createLeveledDeriver({ indexes })`, an
   * overlay (tombstones + delta) over the last merged collection; past max(1024, 4·√n) changed rooms a merge
   * into the next base runs in bounded slices, one per derivation (`createDeriver`: the one-shot compaction).
   */
  readonly deriveCollection?: DeriveCollection;
  /**
   * Past this many changes since the last built collection (nobody queried), `apply` derives the previous
   * version's collection first, so old versions don't pile up in memory and background merges go on
   * (default 64: each such `apply` folds at most that many changes plus one merge slice; never a rebuild).
   */
  readonly maxPendingChanges?: number;
  /**
   * The fast path for the common patch (add / replace / remove of `/<id>/<field>` or `/<id>/<field>/<key>` in
   * existing rooms: shallow copy-on-write, only the touched fields decoded; store/fast-patch.ts). Same answers
   * and errors as the general path (anything else goes there); `false` forces the general path (tests). Default true.
   */
  readonly fastPath?: boolean;
  /** Told when a listener throws (the store carries on; the other listeners still hear the change). */
  readonly onListenerError?: (error: unknown) => void;
}

/** What listeners hear after each committed patch. */
export interface StoreChange {
  readonly version: number;
  readonly changes: ReadonlyArray<RoomChange>;
}

export interface ApplyResult {
  readonly version: number;
  /** Ids of the rooms whose stored value changed (empty: a valid patch that changed nothing, e.g. only `test`s). */
  readonly changed: ReadonlyArray<string>;
}

export interface RoomStore {
  readonly version: number;
  readonly size: number;
  get(id: string): Room | undefined;
  /** Applies an RFC 6902 patch atomically: Right with the new version, or Left and nothing changed. Never throws. */
  apply(ops: unknown): E.Either<PatchError, ApplyResult>;
  /** Hears every committed change in version order; returns the unsubscribe function. */
  subscribe(listener: (change: StoreChange) => void): () => void;
  /** The current version's indexed collection (see StoreVersion.collection). */
  snapshot(): RoomCollection;
  /** The current version as an immutable value. */
  current(): StoreVersion;
}

const idOfRoom = (room: Room): string => room['_id'] as string;

/**
 * Validates and copies the initial rooms (the caller's objects are never frozen or kept), once: the
 * copies, in the caller's order, are also what the first collection is built from.
 */
const initialRooms = (rooms: unknown): E.Either<PatchError, { map: PersistentMap<Room>; array: ReadonlyArray<Room> }> => {
  if (rooms === undefined) return E.right({ map: emptyPersistentMap<Room>(), array: Object.freeze([]) });
  if (!Array.isArray(rooms)) return E.left(patchError('not-an-array', null, null, 'initial rooms must be an array'));
  const array = new Array<Room>(rooms.length);
  const byId = new IdTable<Room>(rooms.length, array, idOfRoom);
  for (let i = 0; i < rooms.length; i++) {
    // Certainly valid call rooms are decoded, copied and frozen in one pass; anything else is admitted as before.
    let room = decodeRoomFast(rooms[i]);
    if (room === undefined) {
      const decoded = admitRoom(rooms[i]);
      if (E.isLeft(decoded)) {
        const what = (rooms[i] as { readonly t?: unknown } | null)?.t === 'v' ? 'not a call room' : 'not a room';
        return E.left(patchError('invalid-room', i, toPointer([String(i)]), `${what}: ${decoded.left.join('; ')}`));
      }
      // A call room was decoded by its codec; any other room is copied as JSON data (Dates allowed).
      const copy = decoded.right['t'] === 'v' ? E.right(frozenCopy(decoded.right)) : cloneJsonValue(decoded.right);
      if (E.isLeft(copy)) return E.left(patchError('invalid-room', i, toPointer([String(i)]), `not a room: ${copy.left}`));
      room = deepFreeze(copy.right as Room);
    }
    array[i] = room;
    // One hash probe per room: a duplicate _id is refused (and so is the store).
    const id = room['_id'] as string;
    if (!byId.add(id, i)) return E.left(patchError('id-mismatch', i, toPointer([String(i), '_id']), `duplicate _id ${JSON.stringify(id)}`));
  }
  // No trie of all rooms: writes go to one layered over the table; the first snapshot reads the array.
  return E.right({ map: lazyPersistentMap(byId), array: Object.freeze(array) });
};

/**
 * A store over `rooms` (any room type; call rooms validated as such, the others never matched; `_id`s unique).
 * @example
 * const store = createRoomStore(generateRooms({ count: 1000, seed: 1 }));
 * if (E.isRight(store)) store.right.apply([{ op: 'remove', path: '/r123/open' }]); // closes a call
 */
export const createRoomStore = (rooms?: unknown, options: RoomStoreOptions = {}): E.Either<PatchError, RoomStore> => {
  const initial = initialRooms(rooms);
  if (E.isLeft(initial)) return initial;
  let map = initial.right.map;
  // Default derivation: an overlay over the last merged collection, merges in slices (collection/derived/leveled-deriver.ts).
  const derive = options.deriveCollection ?? createLeveledDeriver(options.indexes === undefined ? {} : { indexes: options.indexes });
  const context: VersionContext = { indexes: options.indexes, derive, maxPendingChanges: options.maxPendingChanges ?? 64 };
  let state = new Version(0, map, context, undefined, [], initial.right.array);
  const listeners = new Set<(change: StoreChange) => void>();
  // Changes wait here while listeners run, so a listener that applies a patch can't reorder events.
  const queue: StoreChange[] = [];
  let notifying = false;
  const notify = (change: StoreChange): void => {
    queue.push(change);
    if (notifying) return;
    notifying = true;
    try {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        for (const listener of [...listeners]) {
          try {
            listener(next);
          } catch (error) {
            try {
              options.onListenerError?.(error);
            } catch {
              // a failing error hook must not break the store
            }
          }
        }
      }
    } finally {
      notifying = false;
    }
  };
  const limits = options.maxOperations === undefined ? {} : { maxOperations: options.maxOperations };
  const fastPath = options.fastPath ?? true;
  const maxOperations = options.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  const store: RoomStore = {
    get version() {
      return state.version;
    },
    get size() {
      return state.size;
    },
    get: (id) => state.get(id),
    apply: (ops) => {
      let result;
      try {
        const fast = fastPath ? applyFastPatch(map, ops, maxOperations) : undefined;
        result = fast === undefined ? applyPatch(map, ops, limits) : E.right(fast);
      } catch (error) {
        // Defensive: nothing in applyPatch is meant to throw; if it does, nothing was committed.
        return E.left(
          patchError('invalid-operation', null, null, `unexpected error: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      if (E.isLeft(result)) return result;
      const { rooms: next, changes } = result.right;
      if (changes.length === 0) return E.right({ version: state.version, changed: [] });
      map = next;
      state = new Version(state.version + 1, next, context, state, changes);
      const event = Object.freeze({ version: state.version, changes: Object.freeze(changes) });
      notify(event);
      return E.right({ version: event.version, changed: changes.map((c) => c.id) });
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    snapshot: () => state.collection(),
    current: () => state,
  };
  return E.right(Object.freeze(store));
};
