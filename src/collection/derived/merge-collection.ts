// Compaction without a rebuild: from a derived collection's overlay view, the very collection that
// `createRoomCollection(view.docs(), { indexes })` builds, made by remapping the base's ranks instead
// of sorting and reading every room again.
//
// How it works: survivors keep their base order, so positions shift down past tombstones (one pass);
// each ordered index is merged with the d changed rooms placed by binary search (merge-order.ts), and
// the primary order's old rank → new rank map turns every posting into survivors remapped + the delta's
// ranks (merge-postings.ts). O(n + d log n), sequential typed-array work over n, reading only the
// changed and removed rooms (plus O(log n) base rooms per changed room for ties). A base this module
// can't merge (other indexes requested, indexes not made by order.ts / postings.ts) is rebuilt.
import type { Room } from '../../model/room.js';
import { mergeOrderedIndexSteps, type MergedOrder, type PositionRemap } from './merge-order.js';
import { mergeKeyIndexSteps, mergePresenceIndexSteps, type RankRemap } from './merge-postings.js';
import type { GramIndex } from '../gram-index.js';
import { mergeGramIndexSteps } from './merge-grams.js';
import { CHUNK, drain, sortIndexesSteps, type Steps } from './slices.js';
import type { OrderedIndex } from '../order.js';
import type { OverlayView } from './overlay.js';
import type { KeyIndex } from '../postings.js';
import type { PresenceIndex } from '../presence-index.js';
import { createRoomCollection, indexedCollection, type CollectionIndexes, type IndexedCollection } from '../room-collection.js';

const same = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** The indexes `base` was built with (paths deduplicated, primary order first), as createRoomCollection reads a spec. */
const specOf = (base: IndexedCollection): CollectionIndexes => ({
  keys: [...base.keys.keys()],
  presence: [...base.presence.keys()],
  flags: [...base.flags.keys()],
  orders: [...base.orders.keys()],
  substrings: [...base.grams.keys()],
});

/** `spec` builds exactly the base's indexes, in the same map order. */
const buildsBaseIndexes = (spec: CollectionIndexes, base: IndexedCollection): boolean => {
  const unique = (paths: ReadonlyArray<string> | undefined): string[] => [...new Set(paths ?? [])];
  const orders = unique(spec.orders);
  const primary = orders[0] === undefined ? undefined : base.orders.get(orders[0]);
  return (
    primary === base.primary &&
    same(orders, [...base.orders.keys()]) &&
    same(unique(spec.keys), [...base.keys.keys()]) &&
    same(unique(spec.presence), [...base.presence.keys()]) &&
    same(unique(spec.flags), [...base.flags.keys()]) &&
    same(unique(spec.substrings), [...base.grams.keys()])
  );
};

function* positionRemapSteps(view: OverlayView): Steps<PositionRemap & { readonly docs: ReadonlyArray<Room> }> {
  const baseDocs = view.base.docs;
  const tombstones = view.tombstones().positions;
  const deltaDocs = view.delta().docs;
  const n = baseDocs.length;
  const deltaStart = n - tombstones.length;
  const newPos = new Int32Array(n);
  // Preallocated (filled below, no holes left): much faster than growing by push at 1M rooms.
  const docs = new Array<Room>(deltaStart + deltaDocs.length);
  let w = 0;
  let t = 0;
  for (let p = 0; p < n; p++) {
    if ((p & (CHUNK - 1)) === CHUNK - 1) yield CHUNK;
    if (tombstones[t] === p) {
      newPos[p] = -1;
      t++;
    } else {
      newPos[p] = w;
      docs[w++] = baseDocs[p] as Room;
    }
  }
  for (const room of deltaDocs) docs[w++] = room;
  yield deltaDocs.length;
  return { baseDocs, newPos, tombstones, deltaDocs, deltaStart, docs: Object.freeze(docs) };
}

/**
 * The collection `createRoomCollection(view.docs(), { indexes })` would build (same docs, same index
 * contents and layout; only a key index may keep its key map in layers, with the keys whose rooms all
 * left still counted in `bytes`, until a flatten: merge-postings.ts), by merging; undefined when the
 * base can't be merged (`indexes` other than the base's, default: the base's; or indexes not made here).
 */
export const mergeView = (view: OverlayView, indexes?: CollectionIndexes): IndexedCollection | undefined =>
  drain(mergeViewSteps(view, indexes))?.collection;

/** A merge's result, and where the base's rooms went (base position → new position, -1: left). */
export interface Merged {
  readonly collection: IndexedCollection;
  readonly newPos: Int32Array;
  /** New position of the view's first delta room (the others follow in the delta's order). */
  readonly deltaStart: number;
}

/**
 * mergeView in slices (slices.ts): O(n + d log n) work units in all, at most about CHUNK between yields.
 * `onPhase` (benchmarks) is told when each part starts: 'positions', then '<kind> <path>' per index.
 */
export function* mergeViewSteps(
  view: OverlayView,
  indexes?: CollectionIndexes,
  onPhase: (phase: string) => void = () => undefined,
): Steps<Merged | undefined> {
  const base = view.base;
  if (indexes !== undefined && !buildsBaseIndexes(indexes, base)) return undefined;
  onPhase('positions');
  const remap = yield* positionRemapSteps(view);
  const size = remap.docs.length;
  const orders = new Map<string, OrderedIndex>();
  let primary: MergedOrder | undefined;
  for (const [path, old] of base.orders) {
    onPhase(`order ${path}`);
    const merged = yield* mergeOrderedIndexSteps(old, remap);
    if (merged === undefined) return undefined;
    orders.set(path, merged.index);
    if (old === base.primary) primary = merged;
  }
  // Without a primary order ranks are positions.
  onPhase('delta ranks');
  const deltaRank = primary?.deltaEntry ?? Int32Array.from(remap.deltaDocs, (_, i) => remap.deltaStart + i);
  const deltaByRank = yield* sortIndexesSteps(deltaRank.length, (a, b) => (deltaRank[a] as number) - (deltaRank[b] as number));
  const ranks: RankRemap = {
    rankMap: primary?.entryMap ?? remap.newPos,
    deltaDocs: remap.deltaDocs,
    deltaRank,
    deltaByRank,
    removed: remap.tombstones.map((p) => remap.baseDocs[p] as Room),
    size,
  };
  yield remap.tombstones.length;
  const keys = new Map<string, KeyIndex>();
  for (const [path, old] of base.keys) {
    onPhase(`key ${path}`);
    const merged = yield* mergeKeyIndexSteps(old, ranks);
    if (merged === undefined) return undefined;
    keys.set(path, merged);
  }
  const presence = new Map<string, PresenceIndex>();
  for (const [path, old] of base.presence) {
    onPhase(`presence ${path}`);
    presence.set(path, yield* mergePresenceIndexSteps(old, ranks));
  }
  const flags = new Map<string, PresenceIndex>();
  for (const [path, old] of base.flags) {
    onPhase(`flag ${path}`);
    flags.set(path, yield* mergePresenceIndexSteps(old, ranks));
  }
  const grams = new Map<string, GramIndex>();
  for (const [path, old] of base.grams) {
    onPhase(`grams ${path}`);
    const merged = yield* mergeGramIndexSteps(old, ranks);
    if (merged === undefined) return undefined;
    grams.set(path, merged);
  }
  onPhase('collection');
  const collection = indexedCollection({ docs: remap.docs, size, primary: primary?.index, orders, keys, presence, flags, grams });
  return { collection, newPos: remap.newPos, deltaStart: remap.deltaStart };
}

/**
 * Compacts a derived collection: `createRoomCollection(view.docs(), { indexes })` (default: the base's
 * indexes), merged from the base in O(n + d log n) when possible, else rebuilt.
 * @example
 * const compacted = compactView(derived.overlay!, indexes); // a plain collection, next overlays' base
 */
export const compactView = (view: OverlayView, indexes?: CollectionIndexes): IndexedCollection =>
  mergeView(view, indexes) ?? createRoomCollection(view.docs(), { indexes: indexes ?? specOf(view.base) });
