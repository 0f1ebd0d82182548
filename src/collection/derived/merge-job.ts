// A background merge (leveled-deriver.ts): the compaction of an overlay log's prefix into a new base,
// done in slices, then the log's tail (the changes appended while it ran) moved onto that base. A job
// is a value stepped by `stepMerge(job, budget)`, which returns the next state; nothing else runs it
// (no timers here: the store's calls drive it). A job is linear: each state is stepped at most once.
//
// Why the tail moves in O(1) per change: a room first changed after the frozen prefix sat at a base
// position p, now at newPos[p]; a room the prefix changed sits among the merged delta rooms, at
// deltaStart + its rank among them; a room the prefix removed is in no base. No binary search.
import type { CollectionIndexes } from '../room-collection.js';
import { mergeViewSteps } from './merge-collection.js';
import { OverlayLog, OverlayView } from './overlay.js';
import type { Steps } from './slices.js';

/** A merge in progress over `log`'s first `upTo` changes. */
export interface MergeJob {
  readonly kind: 'merging';
  readonly log: OverlayLog;
  readonly upTo: number;
  /** Work units done so far. */
  readonly work: number;
  readonly steps: Steps<OverlayLog | undefined>;
  /** Set once stepped: a job state is used once. */
  readonly spent: { value: boolean };
}

/** What a step returns: the job still running, or the log over the new base (holding every change of `log`). */
export type MergeState =
  | MergeJob
  | { readonly kind: 'merged'; readonly log: OverlayLog; readonly work: number }
  /** The base can't be merged (indexes not made by this library, or other indexes asked for). */
  | { readonly kind: 'unmergeable'; readonly work: number };

/** Merge, then move the tail; the tail may grow between slices, the last slice catches up with it. */
function* jobSteps(log: OverlayLog, upTo: number, indexes: CollectionIndexes | undefined): Steps<OverlayLog | undefined> {
  const merged = yield* mergeViewSteps(new OverlayView(log, upTo), indexes);
  if (merged === undefined) return undefined;
  const { collection, newPos, deltaStart } = merged;
  // Where the prefix's delta rooms went (same order as OverlayView.delta: slot order, removed ones left out).
  const moved = new Map<string, number>();
  let rank = 0;
  let since = 0;
  for (const [id, history] of log.delta) {
    if ((history.seqs[0] as number) >= upTo) continue; // first changed in the tail
    if (log.valueAt(history, upTo).room !== undefined) moved.set(id, deltaStart + rank++);
    if (++since === 1024) {
      yield since * 2;
      since = 0;
    }
  }
  const next = new OverlayLog(collection);
  // `log.length` is read on every turn: changes appended between two slices are moved too.
  for (let seq = upTo; seq < log.length; seq++) {
    const change = log.changeAt(seq);
    const history = log.delta.get(change.id);
    let basePos = -1;
    if (history !== undefined && !next.delta.has(change.id)) {
      if ((history.seqs[0] as number) < upTo) basePos = moved.get(change.id) ?? -1;
      else if (history.basePos >= 0) basePos = newPos[history.basePos] as number;
    }
    next.appendKnown(change, basePos);
    if (++since === 1024) {
      yield since * 2;
      since = 0;
    }
  }
  // No yield between the last `seq < log.length` check and here: a change appended during a pause at the end
  // would be lost (the work since the last yield, < 1,024 moves, goes uncounted).
  return next;
}

/** Starts merging `log`'s current changes into a new base (`indexes`: the base's by default). */
export const startMerge = (log: OverlayLog, indexes?: CollectionIndexes): MergeJob => ({
  kind: 'merging',
  log,
  upTo: log.length,
  work: 0,
  steps: jobSteps(log, log.length, indexes),
  spent: { value: false },
});

/**
 * Does about `budget` work units of `job` (overshooting by at most one generator step) and returns the next
 * state. The job's log may have grown since the last step: a finished merge holds all its changes.
 */
export const stepMerge = (job: MergeJob, budget: number): MergeState => {
  if (job.spent.value) throw new TypeError('stepMerge: a merge state was stepped twice');
  job.spent.value = true;
  let done = 0;
  for (;;) {
    const next = job.steps.next();
    if (next.done) {
      const work = job.work + done;
      return next.value === undefined ? { kind: 'unmergeable', work } : { kind: 'merged', log: next.value, work };
    }
    done += next.value;
    if (done >= budget) return { ...job, work: job.work + done, spent: { value: false } };
  }
};

/** Work units a step did: the difference of the states' `work`. */
export const stepWork = (before: MergeJob, after: MergeState): number => after.work - before.work;
