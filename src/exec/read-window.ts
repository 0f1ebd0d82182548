// A window of a query's matches as the STORED rooms (no projection, no copy), ranked [from, end) in
// the engine's order, and the total: what a live query re-reads from a snapshot through its indexes
// (O(window + log n) for an index-ordered plan; whatever the planner's choice costs otherwise).
import type { CompiledQuery } from '../compile/compile-query.js';
import { isRoomCollection, type RoomCollection } from '../collection/collection.js';
import type { Room } from '../model/room.js';
import { planQuery } from '../plan/plan.js';
import type { ExecStats } from './counters.js';
import { execPlanMatches } from './exec-plan.js';
import { overlayMatches } from './exec-overlay.js';

export interface MatchWindow {
  /** The stored rooms ranked [from, end), in order. */
  readonly rooms: ReadonlyArray<Room>;
  readonly total: number;
  readonly stats: ExecStats;
}

/** `compiled` paged to the matches ranked [from, end) (make it once: compiled queries carry per-query caches). */
export const windowQuery = (compiled: CompiledQuery, from: number, end: number): CompiledQuery =>
  Object.freeze({ ...compiled, paging: Object.freeze({ offset: from, limit: end === Number.POSITIVE_INFINITY ? null : end - from }) });

/**
 * The matches of `compiled` in its paging's window over the collection `c`, as stored rooms.
 * @example
 * readWindow(windowQuery(compileQuery(scoped), 0, 60), store.snapshot()) // { rooms: [...60 stored rooms], total: 1234, stats }
 */
export const readWindow = (compiled: CompiledQuery, c: RoomCollection): MatchWindow => {
  if (!isRoomCollection(c)) throw new TypeError('readWindow: not a room collection');
  if (c.kind === 'derived') {
    const { positions, docAt, total, stats } = overlayMatches(compiled, c);
    return { rooms: positions.map(docAt), total, stats };
  }
  const { offset, limit } = compiled.paging;
  const end = limit === null ? Number.POSITIVE_INFINITY : offset + limit;
  const { positions, total, stats } = execPlanMatches(compiled, c, planQuery(compiled, c).chosen, offset, end);
  return { rooms: positions.map((p) => c.docs[p] as Room), total, stats };
};
