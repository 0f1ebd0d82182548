// Runs a query over a derived collection (collection/derived/derived-collection.ts): the base's plan with its
// tombstoned positions skipped (never matched, never counted), the delta scanned with the compiled
// predicate, both merged by the engine's comparator (sort keys, then position: base positions come
// before every delta position, as in the derived collection's docs). Extra work over the base's plan:
// O(tombstones) membership tests (exact plans, for `total`) + O(delta) predicate evaluations.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../value/compare-values.js';
import type { DerivedCollection } from '../collection/collection.js';
import { lowerBound } from '../collection/rank-set.js';
import type { Room } from '../model/room.js';
import { planQuery, type PlanNode } from '../plan/plan.js';
import type { ExecStats } from './counters.js';
import { execPlanMatches } from './exec-plan.js';
import { memoizedCopy, type RoomsPageWithStats } from './scan.js';
import { createTopK } from './top-k.js';

/** A window of a derived collection's matches: the stored rooms ranked [offset, end) in order, and the total. */
export interface OverlayMatches {
  /** Positions in the derived collection's order (base positions < base.size ≤ delta positions). */
  readonly positions: ReadonlyArray<number>;
  /** The stored room at one of `positions`. */
  readonly docAt: (position: number) => Room;
  readonly total: number;
  readonly stats: ExecStats;
}

/** The matches of `compiled` over the derived collection `c`, ranked [offset, offset + limit) by its paging. */
export const overlayMatches = (compiled: CompiledQuery, c: DerivedCollection, plan?: PlanNode): OverlayMatches => {
  const view = c.overlay;
  const base = view.base;
  const chosen = plan ?? planQuery(compiled, base).chosen;
  const { offset, limit } = compiled.paging;
  const end = limit === null ? Number.POSITIVE_INFINITY : offset + limit;
  const tombstones = view.tombstones();
  const fromBase = execPlanMatches(compiled, base, chosen, 0, end, tombstones.positions.length > 0 ? tombstones : undefined);
  const delta = view.delta();
  const predicate = compiled.scan;
  const deltaMatches: number[] = [];
  for (let j = 0; j < delta.docs.length; j++) if (predicate(delta.docs[j] as Room)) deltaMatches.push(j);

  const n = base.size;
  let positions: ReadonlyArray<number>;
  let ordering = fromBase.stats.ordering;
  if (deltaMatches.length === 0) positions = fromBase.positions.slice(offset);
  else {
    // Merge: the base's first `end` matches (already ordered) and the delta's matches, through one top-k.
    const acc = createTopK<Room>(compiled.sort, end, compareValues);
    for (const p of fromBase.positions) acc.offer(base.docs[p] as Room, p);
    for (const j of deltaMatches) acc.offer(delta.docs[j] as Room, delta.positions[j] as number);
    const kept = acc.result();
    positions = kept.slice(offset).map((k) => k.position);
    ordering = positions.length > 0 ? acc.ordering : 'none';
  }
  const total = fromBase.total + deltaMatches.length;
  return {
    positions,
    docAt: (p) => (p < n ? base.docs[p] : delta.docs[lowerBound(delta.positions, p)]) as Room,
    total,
    stats: {
      docsExamined: fromBase.stats.docsExamined + delta.docs.length,
      indexKeysExamined: fromBase.stats.indexKeysExamined,
      matched: total,
      ordering,
      access: fromBase.stats.access ?? 'index',
    },
  };
};

/** `plan`: one of `planQuery(compiled, c)`'s (planned over the base); the planner's choice by default. */
export const execOverlay = (compiled: CompiledQuery, c: DerivedCollection, plan?: PlanNode): RoomsPageWithStats => {
  const { positions, total, stats } = overlayMatches(compiled, c, plan);
  const base = c.overlay.base;
  const delta = c.overlay.delta();
  const n = base.size;
  const fromBaseDocs = memoizedCopy(compiled, base.docs, base.copies);
  const fromDelta = memoizedCopy(compiled, delta.docs, delta.copies);
  const rooms = Object.freeze(positions.map((p) => (p < n ? fromBaseDocs(p) : fromDelta(lowerBound(delta.positions, p)))));
  return { page: Object.freeze({ rooms, count: rooms.length, offset: compiled.paging.offset, total }), stats };
};
