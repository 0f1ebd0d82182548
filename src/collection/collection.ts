// What the planner and executor run over: a tagged union of an indexed snapshot and a derived collection
// (an overlay of changes over an indexed base, made by collection/derived/). One `kind` switch per consumer.
import type { Room } from '../model/room.js';
import { indexedBytes, isBranded, type IndexedCollection } from './room-collection.js';
import type { CopyMemo } from './copy-memo.js';

/** Tombstoned base positions, as the executor reads them. */
export interface Exclusion {
  readonly has: (position: number) => boolean;
  /** Every excluded position (ascending). */
  readonly positions: ReadonlyArray<number>;
}

/** The current rooms changed since the base, with their virtual positions (ascending). */
export interface OverlayDelta {
  readonly docs: ReadonlyArray<Room>;
  readonly positions: Int32Array;
  /** Frozen copies of `docs` as returned (default projection). */
  readonly copies: CopyMemo;
}

/** What a query reads of a derived collection's overlay (collection/derived/overlay.ts implements it). */
export interface Overlay {
  readonly base: IndexedCollection;
  /** Base positions removed or replaced. */
  tombstones(): Exclusion;
  delta(): OverlayDelta;
  /** Base minus tombstones (base order), then the delta. */
  docs(): ReadonlyArray<Room>;
}

/** A derived collection: the base's indexes plus an overlay; `docs` is materialized on first read (O(n)). */
export interface DerivedCollection {
  readonly kind: 'derived';
  readonly docs: ReadonlyArray<Room>;
  readonly size: number;
  readonly overlay: Overlay;
}

/** Rooms the engine plans over; build one with `createRoomCollection` (or get one from a room store's snapshot). */
export type RoomCollection = IndexedCollection | DerivedCollection;

export const isRoomCollection = (x: unknown): x is RoomCollection => isBranded(x);

/** The indexed collection a query plans over: itself, or a derived collection's base. */
export const indexedBase = (c: RoomCollection): IndexedCollection => {
  switch (c.kind) {
    case 'indexed':
      return c;
    case 'derived':
      return c.overlay.base;
    default: {
      const never: never = c;
      return never;
    }
  }
};

/** Bytes held by the indexes' arrays (posting lists, bitmaps, orders; map entries estimated); a derived collection's are its base's. */
export const indexBytes = (c: RoomCollection): number => indexedBytes(indexedBase(c));
