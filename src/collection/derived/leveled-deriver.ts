// The store's default derivation (issue 17, "no stall"): an overlay over a base, as in derived-collection.ts,
// but the compaction is never paid at once. Two levels below the base's indexes: the overlay's changes
// (scanned by each query) and, while a merge runs, a frozen prefix of them being merged into the next base.
// Each derivation does a slice of that merge (merge-job.ts), about `perChange` work units per change it
// folds, capped; when the merge ends, the changes that arrived meanwhile move onto the new base in O(1) each.
//
// Bounds: a derivation costs O(changes · log n) for the appends plus at most `maxSliceWork` merge units
// (+ one generator step); the overlay a query scans holds at most about mergeAt(n) rooms when a merge
// starts plus those changed while it runs, which the per-change budget keeps near mergeAt(n) / 2.
import type { RoomChange } from '../../model/room-change.js';
import type { RoomCollection } from '../collection.js';
import type { CollectionIndexes, IndexedCollection } from '../room-collection.js';
import { appendChanges, derivedOf } from './derived-collection.js';
import { compactView } from './merge-collection.js';
import { startMerge, stepMerge, type MergeJob } from './merge-job.js';
import { OverlayLog, OverlayView } from './overlay.js';
import { CHUNK } from './slices.js';

export interface LeveledOptions {
  /** Indexes of merged collections (default: the base's). */
  readonly indexes?: CollectionIndexes;
  /** Distinct rooms changed since the base past which a merge starts, given the base's size (default max(1024, 4·√n): a query scans the overlay, so it is kept small). */
  readonly mergeAt?: (baseSize: number) => number;
  /** At most this many merge work units per derivation (default 32 · 8,192 ≈ 1–3 ms at 1M rooms). */
  readonly maxSliceWork?: number;
  /** At least this many merge work units per change folded (default: set from the last merge's total, see below). */
  readonly minWorkPerChange?: number;
  /** A log longer than this and than 2 × its changed rooms is squashed when no merge reads it (as derived-collection.ts). */
  readonly maxLogLength?: number;
}

/** Counters of one leveled deriver (tests assert on them; the benchmark reports them). */
export interface LeveledStats {
  derivations: number;
  /** Changes folded into overlays. */
  changes: number;
  /** Merges started / finished (a finished one became the base of the next overlays). */
  mergesStarted: number;
  compactions: number;
  /** Slices of merge work done, and their work units in all. */
  slices: number;
  mergeWork: number;
  /** The most merge work units one derivation did. */
  maxSliceWork: number;
  /** The most changes one derivation folded. */
  maxChanges: number;
  /** Rebuilds (a base that can't be merged), squashes, forks (derivations from a view that was not its log's head). */
  rebuilds: number;
  squashes: number;
  forks: number;
}

export type LeveledDeriver = ((previous: RoomCollection, changes: ReadonlyArray<RoomChange>) => RoomCollection) & {
  readonly stats: LeveledStats;
};

export const defaultMergeAt = (n: number): number => Math.max(1024, Math.ceil(4 * Math.sqrt(n)));

/** Merge work units per room of the base, before the first merge tells (default indexes: ≈ 150–200). */
const INITIAL_UNITS_PER_ROOM = 160;

/**
 * A `deriveCollection` for `createRoomStore` whose compactions run in slices (the store's default).
 * @example
 * const derive = createLeveledDeriver({ indexes });
 * const next = derive(previous, [{ id: 'r1', before, after }]); // runQuery(compiled, next) ≡ scan of next.docs
 */
export const createLeveledDeriver = (options: LeveledOptions = {}): LeveledDeriver => {
  const mergeAt = options.mergeAt ?? defaultMergeAt;
  const maxSliceWork = options.maxSliceWork ?? 32 * CHUNK;
  const maxLogLength = options.maxLogLength ?? 4096;
  const stats: LeveledStats = {
    derivations: 0,
    changes: 0,
    mergesStarted: 0,
    compactions: 0,
    slices: 0,
    mergeWork: 0,
    maxSliceWork: 0,
    maxChanges: 0,
    rebuilds: 0,
    squashes: 0,
    forks: 0,
  };
  // The merge running over each log (at most one; a log no version reads any more is collected with it).
  const jobs = new WeakMap<OverlayLog, MergeJob>();
  let unitsPerRoom = INITIAL_UNITS_PER_ROOM;

  /** Merge work for a derivation folding `count` changes: spread so a merge ends within mergeAt / 2 changes. */
  const budgetFor = (log: OverlayLog, count: number): number => {
    const n = log.base.size;
    const spread = Math.max(1, mergeAt(n) / 2);
    const perChange = Math.max(options.minWorkPerChange ?? 0, Math.ceil((unitsPerRoom * (n + 1)) / spread));
    // Behind (the overlay grew past 1.5 × mergeAt): twice the pace, still capped.
    const pace = log.delta.size > 1.5 * mergeAt(n) ? 2 : 1;
    return Math.min(maxSliceWork, Math.max(1, count) * perChange * pace);
  };

  const derive = (previous: RoomCollection, changes: ReadonlyArray<RoomChange>): RoomCollection => {
    stats.derivations++;
    stats.changes += changes.length;
    stats.maxChanges = Math.max(stats.maxChanges, changes.length);
    const appended = appendChanges(previous, changes);
    let log = appended.log;
    const size = appended.size;
    if (appended.forked) stats.forks++;
    let job = jobs.get(log);
    if (job === undefined && log.length > maxLogLength && log.length >= 2 * log.delta.size) {
      stats.squashes++;
      log = log.squash();
    }
    if (job === undefined && log.delta.size > mergeAt(log.base.size)) {
      stats.mergesStarted++;
      job = startMerge(log, options.indexes);
      jobs.set(log, job);
    }
    if (job !== undefined) {
      const state = stepMerge(job, budgetFor(log, changes.length));
      const work = state.work - job.work;
      stats.slices++;
      stats.mergeWork += work;
      stats.maxSliceWork = Math.max(stats.maxSliceWork, work);
      switch (state.kind) {
        case 'merging':
          jobs.set(log, state);
          break;
        case 'merged':
          jobs.delete(log);
          stats.compactions++;
          unitsPerRoom = Math.max(1, state.work / Math.max(1, log.base.size));
          log = state.log;
          break;
        case 'unmergeable':
          // Indexes this library did not make, or others asked for: rebuild once (a stall, but no other way).
          jobs.delete(log);
          stats.rebuilds++;
          log = new OverlayLog(compactView(new OverlayView(log, log.length), options.indexes));
          break;
        default: {
          const never: never = state;
          return never;
        }
      }
    }
    return derivedOf(new OverlayView(log, log.length), size);
  };
  return Object.assign(derive, { stats });
};
