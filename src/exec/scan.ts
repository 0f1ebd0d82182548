// The scan path: every document through the predicate, matches into a bounded heap (lazy keys),
// then page and project. Used for arrays and when the planner finds no better access path.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../value/compare-values.js';
import type { CopyMemo } from '../collection/copy-memo.js';
import type { Room, RoomsPage } from '../model/room.js';
import { regexStepsSoFar } from '../value/linear-regex.js';
import type { ExecStats } from './counters.js';
import { createTopK } from './top-k.js';

export interface RoomsPageWithStats {
  readonly page: RoomsPage;
  readonly stats: ExecStats;
}

/** What determines a projected copy: '' for the default projection. */
const projectionKey = (compiled: CompiledQuery): string => {
  const p = compiled.query.projection;
  // The endpoint's never-returned fields too: voip's and livechat's copies of the same room differ.
  const hidden = p.hidden.join('\u0000');
  if (p.kind === 'all') return hidden === 'joinCode\u0000members\u0000importIds\u0000e2e' ? '' : JSON.stringify(['all', p.hidden]);
  return JSON.stringify([p.kind, p.kind === 'include' ? p.includeId : null, p.paths.map((x) => x.dotted), p.hidden]);
};

// A collection is immutable, so the frozen copy of one of its rooms (per projection) can be returned
// again instead of being copied again: the collection's own memo (collection/copy-memo.ts).
export const memoizedCopy = (compiled: CompiledQuery, docs: ReadonlyArray<Room>, memo: CopyMemo): ((p: number) => Room) =>
  memo.reader(docs, compiled.project, projectionKey(compiled));

/**
 * The page of `positions` (already in order, offset applied) as frozen projected rooms. `memo`: `docs`
 * belongs to a collection (never mutated), so copies are shared through its memo.
 */
export const pageOf = (
  compiled: CompiledQuery,
  docs: ReadonlyArray<Room>,
  positions: ReadonlyArray<number>,
  total: number,
  memo?: CopyMemo,
): RoomsPage => {
  const project = memo !== undefined ? memoizedCopy(compiled, docs, memo) : (p: number) => compiled.project(docs[p] as Room);
  const rooms = Object.freeze(positions.map(project));
  return Object.freeze({ rooms, count: rooms.length, offset: compiled.paging.offset, total });
};

export const scanRooms = (compiled: CompiledQuery, docs: ReadonlyArray<Room>): RoomsPageWithStats => {
  const { offset, limit } = compiled.paging;
  const { positions, total, stats } = scanMatches(compiled, docs, offset, limit === null ? Number.POSITIVE_INFINITY : offset + limit);
  return { page: pageOf(compiled, docs, positions, total), stats };
};

/** The scan's matches ranked [from, end) as positions in sort order, and the total; `skip`: positions that are not there. */
export const scanMatches = (
  compiled: CompiledQuery,
  docs: ReadonlyArray<Room>,
  from: number,
  end: number,
  skip?: (position: number) => boolean,
): { positions: number[]; total: number; stats: ExecStats } => {
  const regexBefore = regexStepsSoFar();
  const n = docs.length;
  let acc = createTopK<Room>(compiled.sort, end, compareValues);
  let matched = -1;
  const loop = compiled.scanLoop;
  if (loop !== undefined) {
    try {
      matched = loop(docs, acc.offer as (doc: unknown, position: number) => void, acc.gate, skip);
    } catch {
      // A plain read threw (a getter on some room's prototype): the safe closures decide, from scratch.
      acc = createTopK<Room>(compiled.sort, end, compareValues);
      matched = -1;
    }
  }
  if (matched < 0) {
    const predicate = compiled.scan;
    matched = 0;
    for (let i = 0; i < n; i++) {
      if (skip !== undefined && skip(i)) continue;
      const room = docs[i] as Room;
      if (predicate(room)) {
        matched++;
        acc.offer(room, i);
      }
    }
  }
  const kept = acc.result();
  const positions = kept.slice(from).map((k) => k.position);
  const ordering = kept.length > from ? acc.ordering : 'none';
  return {
    positions,
    total: matched,
    stats: { docsExamined: n, indexKeysExamined: 0, matched, ordering, access: 'scan', regexSteps: regexStepsSoFar() - regexBefore },
  };
};
