// One immutable version of the store, and how its indexed collection is obtained: derived from an
// earlier version's collection plus the changes since (the `deriveCollection` hook; the store's default is
// an overlay over the last built collection, collection/derived/derived-collection.ts), built from scratch only
// while no version was ever queried; once per version, on first use: only queried versions pay for their
// indexes. `apply` stays O(log n), plus one derivation per `maxPendingChanges` changes nobody queried.
import type { RoomCollection } from '../collection/collection.js';
import { createRoomCollection, type CollectionIndexes } from '../collection/room-collection.js';
import type { Room } from '../model/room.js';
import type { RoomChange } from './apply-patch.js';
import type { PersistentMap } from './persistent-map.js';

/** Builds the collection of a later version from an earlier one's and the changes in between (in order). */
export type DeriveCollection = (previous: RoomCollection, changes: ReadonlyArray<RoomChange>) => RoomCollection;

/** One immutable version of the store. Cheap to take; its rooms array and collection are built on first use. */
export interface StoreVersion {
  readonly version: number;
  readonly size: number;
  get(id: string): Room | undefined;
  forEach(f: (room: Room, id: string) => void): void;
  /** Every room (frozen array, built once per version). */
  rooms(): ReadonlyArray<Room>;
  /** An indexed collection for runQuery / queryRooms (once per version, on first call). */
  collection(): RoomCollection;
}

export interface VersionContext {
  readonly indexes: CollectionIndexes | undefined;
  readonly derive: DeriveCollection | undefined;
  /** Past this many pending changes a new version derives its predecessor's collection first (bounds the chain). */
  readonly maxPendingChanges: number;
}

// A class, not closures: apply's hot path makes one version per patch.
export class Version implements StoreVersion {
  private array: ReadonlyArray<Room> | undefined;
  private built: RoomCollection | undefined;
  readonly size: number;
  /** The predecessor and the changes since it, while a derivation is possible (cut once built). */
  private link: { readonly prev: Version; readonly changes: ReadonlyArray<RoomChange>; readonly pending: number } | undefined;

  constructor(
    readonly version: number,
    private readonly map: PersistentMap<Room>,
    private readonly context: VersionContext,
    prev?: Version,
    changes: ReadonlyArray<RoomChange> = [],
    /** The rooms as an array already (the first version: the validated input, in its order). */
    rooms?: ReadonlyArray<Room>,
  ) {
    this.size = map.size;
    this.array = rooms;
    if (prev !== undefined && context.derive !== undefined) {
      // No link when no earlier version has a collection: there are no indexes to maintain yet.
      let pending = prev.built !== undefined ? 0 : prev.link?.pending;
      if (pending !== undefined && pending > 0 && pending + changes.length > context.maxPendingChanges) {
        // A chain that grew too long (nobody queried) holds every version in memory: derive the
        // predecessor's collection now (amortised over the changes it folds), never a rebuild later.
        prev.collection();
        pending = 0;
      }
      if (pending !== undefined) this.link = { prev, changes, pending: pending + changes.length };
    }
  }
  get(id: string): Room | undefined {
    return this.map.get(id);
  }
  forEach(f: (room: Room, id: string) => void): void {
    this.map.forEach(f);
  }
  rooms(): ReadonlyArray<Room> {
    return (this.array ??= Object.freeze(this.map.values()));
  }
  collection(): RoomCollection {
    if (this.built !== undefined) return this.built;
    const { derive, indexes } = this.context;
    // Walk back to the nearest version that has a collection, gathering the changes since.
    const steps: Array<ReadonlyArray<RoomChange>> = [];
    let v: Version | undefined = this;
    while (v !== undefined && v.built === undefined && v.link !== undefined) {
      steps.push(v.link.changes);
      v = v.link.prev;
    }
    this.built =
      derive !== undefined && v?.built !== undefined
        ? derive(v.built, steps.reverse().flat())
        : createRoomCollection(this.rooms(), indexes === undefined ? {} : { indexes });
    this.link = undefined;
    return this.built;
  }
}
