// Runs a compiled query over a room array: scan with the predicate, keep the top offset+count by the
// sort order, page, project. `total` counts every match. Input is never mutated; output is frozen.
import type { CompiledQuery } from '../compile/compile-query.js';
import type { Keyed } from '../compile/compile-sort.js';
import type { Room, RoomsPage } from '../model/room.js';
import type { ExecStats } from './counters.js';
import { topK } from './top-k.js';

export interface RoomsPageWithStats {
  readonly page: RoomsPage;
  readonly stats: ExecStats;
}

/** Like runQuery, plus the work counters. */
export const runQueryWithStats = (compiled: CompiledQuery, rooms: ReadonlyArray<Room>): RoomsPageWithStats => {
  const { predicate, sort, project, paging } = compiled;
  const matched: Keyed<Room>[] = [];
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[i] as Room;
    if (predicate(room)) matched.push({ doc: room, keys: sort.keysOf(room), position: i });
  }
  const end = paging.limit === null ? matched.length : Math.min(matched.length, paging.offset + paging.limit);
  const { sorted, ordering } = end > paging.offset ? topK(matched, end, sort.ord.compare) : { sorted: [], ordering: 'none' as const };
  const pageRooms = Object.freeze(sorted.slice(paging.offset).map((k) => project(k.doc)));
  return {
    page: Object.freeze({ rooms: pageRooms, count: pageRooms.length, offset: paging.offset, total: matched.length }),
    stats: { docsExamined: rooms.length, indexKeysExamined: 0, matched: matched.length, ordering },
  };
};

/**
 * Runs a compiled query over rooms held in memory.
 * @example
 * runQuery(compileQuery(scoped), rooms) // { rooms: [...], count: 50, offset: 0, total: 1234 }
 */
export const runQuery = (compiled: CompiledQuery, rooms: ReadonlyArray<Room>): RoomsPage => runQueryWithStats(compiled, rooms).page;
