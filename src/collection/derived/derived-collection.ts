// Derived collections: a store version's indexed collection without a rebuild per version (issue #8).
//
// Design (LSM-like): derived = an immutable base `RoomCollection` (rank-space indexes, built once) + an
// overlay (overlay.ts): tombstones for base positions whose room was removed or changed, and a delta of
// the changed rooms' current values. Planning runs on the base's indexes; execution
// (exec/exec-overlay.ts) skips tombstoned positions inside the base's walk / top-k, scans the delta
// with the compiled predicate and merges both by the engine's comparator. Answers are those of a scan
// over the derived collection's `docs` (base minus tombstones, then the delta), i.e. of the store's
// rooms (`_id`s are unique there, so the position tie-break never decides).
//
// Costs: deriving costs O(1) per change, plus one O(log n) binary search in the base's primary order
// the first time a base room changes (no index is touched). A query costs the base plan's work plus
// O(tombstones + delta) (the delta is scanned, tombstones are counted out of `total`). Once more than
// `compactAt(n)` distinct rooms changed since the base (default max(1024, 16·√n): 5,060 at 100k, 16,000
// at 1M), the derivation compacts: the collection `createRoomCollection` would build over the current
// rooms, merged from the base by remapping its ranks (merge-collection.ts: O(n + d log n) for d changed
// rooms, no sort, only the changed rooms read), i.e. amortised O(n / compactAt + log n) per change, paid
// by the query that needs the version, never by `apply`. A base built with other indexes is rebuilt.
import { compactView } from './merge-collection.js';
import type { DerivedCollection, RoomCollection } from '../collection.js';
import { brandCollection, DEFAULT_INDEXES, type CollectionIndexes, type IndexedCollection } from '../room-collection.js';
import type { RoomChange } from '../../model/room-change.js';
import { OverlayLog, OverlayView } from './overlay.js';

export interface DeriveOptions {
  /** Indexes of compacted collections (default: the collection's DEFAULT_INDEXES); use the base's spec. */
  readonly indexes?: CollectionIndexes;
  /** Distinct rooms changed since the base past which a derivation compacts, given the base's size (default max(1024, 16·√n)). */
  readonly compactAt?: (baseSize: number) => number;
  /**
   * A log longer than this and than 2 × its changed rooms is squashed to one change per changed room
   * (O(d log n), amortised O(log n) per change; history dropped, older versions keep the old log): memory
   * stays O(changed rooms) when the same few rooms change again and again. Default 4,096.
   */
  readonly maxLogLength?: number;
}

/** Counters of one deriver (tests assert on them; the benchmark reports them). */
export interface DeriveStats {
  /** Derived collections made (compactions included). */
  derivations: number;
  /** Changes folded into overlays. */
  changes: number;
  /** Compactions: a merge into a fresh collection (merge-collection.ts), a rebuild if the base can't be merged. */
  compactions: number;
  /** Derivations from a view that was not its log's head (a copy of its prefix). */
  forks: number;
  /** Logs squashed to their current state (see DeriveOptions.maxLogLength). */
  squashes: number;
}

export type Deriver = ((previous: RoomCollection, changes: ReadonlyArray<RoomChange>) => RoomCollection) & {
  readonly stats: DeriveStats;
};

export const defaultCompactAt = (n: number): number => Math.max(1024, Math.ceil(16 * Math.sqrt(n)));

/**
 * The log `previous` continues (a fork of its prefix when `previous` is not its log's head; a new log over a
 * built collection), with `changes` appended, and the collection's size after them. Both derivers start here.
 */
export const appendChanges = (
  previous: RoomCollection,
  changes: ReadonlyArray<RoomChange>,
): { readonly log: OverlayLog; readonly size: number; readonly forked: boolean } => {
  const view = viewOf(previous);
  const forked = view !== undefined && !view.isHead;
  const log = view === undefined ? new OverlayLog(previous as IndexedCollection) : view.isHead ? view.log : view.log.fork(view.upTo);
  let size = previous.size;
  for (const change of changes) {
    log.append(change);
    size += (change.after === undefined ? 0 : 1) - (change.before === undefined ? 0 : 1);
  }
  return { log, size, forked };
};

export const derivedOf = (view: OverlayView, size: number): DerivedCollection => {
  const derived: DerivedCollection = {
    kind: 'derived',
    get docs() {
      return view.docs();
    },
    size,
    overlay: view,
  };
  return brandCollection(Object.freeze(derived));
};

/** The deriver's own view of `c` (a derived collection is only ever derived from by the deriver that made its kind). */
export const viewOf = (c: RoomCollection): OverlayView | undefined => {
  switch (c.kind) {
    case 'indexed':
      return undefined;
    case 'derived':
      if (!(c.overlay instanceof OverlayView)) throw new TypeError('createDeriver: a derived collection not made by a deriver');
      return c.overlay;
    default: {
      const never: never = c;
      return never;
    }
  }
};

/** What an overlay holds as of `c`: tombstones, current delta rooms, changes since its base. */
export const overlaySize = (c: RoomCollection): { tombstones: number; delta: number; changes: number } => {
  const view = viewOf(c);
  if (view === undefined) return { tombstones: 0, delta: 0, changes: 0 };
  return { tombstones: view.tombstones().positions.length, delta: view.delta().docs.length, changes: view.upTo };
};

/**
 * A `deriveCollection` for `createRoomStore`: the collection of a later version from an earlier one's
 * plus the changes in between, through an overlay (no index rebuilt until compaction).
 * @example
 * const derive = createDeriver({ indexes });
 * const next = derive(previous, [{ id: 'r1', before, after }]); // runQuery(compiled, next) ≡ scan of next.docs
 */
export const createDeriver = (options: DeriveOptions = {}): Deriver => {
  const compactAt = options.compactAt ?? defaultCompactAt;
  const stats: DeriveStats = { derivations: 0, changes: 0, compactions: 0, forks: 0, squashes: 0 };
  const maxLogLength = options.maxLogLength ?? 4096;
  const derive = (previous: RoomCollection, changes: ReadonlyArray<RoomChange>): RoomCollection => {
    stats.derivations++;
    stats.changes += changes.length;
    const appended = appendChanges(previous, changes);
    let log = appended.log;
    const size = appended.size;
    if (appended.forked) stats.forks++;
    if (log.length > maxLogLength && log.length >= 2 * log.delta.size) {
      stats.squashes++;
      log = log.squash();
    }
    const next = new OverlayView(log, log.length);
    if (log.delta.size <= compactAt(log.base.size)) return derivedOf(next, size);
    stats.compactions++;
    return compactView(next, options.indexes ?? DEFAULT_INDEXES);
  };
  return Object.assign(derive, { stats });
};
