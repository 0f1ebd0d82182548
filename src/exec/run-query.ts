// Runs a compiled query over rooms: an array is scanned; a collection is planned (index or scan)
// and executed. Same answers either way: `total` counts every match, the page is in sort order with
// the `_id` then position tie-breaks. Input is never mutated; output is frozen.
import type { CompiledQuery } from '../compile/compile-query.js';
import { isRoomCollection, type RoomCollection } from '../collection/collection.js';
import type { Room, RoomsPage } from '../model/room.js';
import { planQuery, type PlanNode } from '../plan/plan.js';
import { execPlan } from './exec-collection.js';
import { scanRooms, type RoomsPageWithStats } from './scan.js';

export type { RoomsPageWithStats } from './scan.js';

/** Rooms to query: a plain array (scanned) or an indexed collection (planned). */
export type RoomSource = ReadonlyArray<Room> | RoomCollection;

export interface RunOptions {
  /** Force a plan (e.g. one of `planQuery(...).alternatives`); the planner's choice by default. */
  readonly plan?: PlanNode;
}

/** Like runQuery, plus the work counters. */
export const runQueryWithStats = (compiled: CompiledQuery, rooms: RoomSource, options: RunOptions = {}): RoomsPageWithStats => {
  if (!isRoomCollection(rooms)) return scanRooms(compiled, rooms);
  return execPlan(compiled, rooms, options.plan ?? planQuery(compiled, rooms).chosen);
};

/**
 * Runs a compiled query over rooms held in memory: an array, or a `createRoomCollection` snapshot.
 * @example
 * runQuery(compileQuery(scoped), rooms) // { rooms: [...], count: 50, offset: 0, total: 1234 }
 */
export const runQuery = (compiled: CompiledQuery, rooms: RoomSource): RoomsPage => runQueryWithStats(compiled, rooms).page;
