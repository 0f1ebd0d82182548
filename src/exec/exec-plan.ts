// Runs a planned query over a collection: build the candidate set from the indexes, then order it by
// walking an ordered index (stopping early when the set is exact) or through the top-k heap.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../value/compare-values.js';
import { forEachAsc, intersectAll, prevMember, setHas, setSize, interval, type RankSet, type SetWork } from '../collection/rank-set.js';
import { positionAt, rankAt, type IndexedCollection } from '../collection/room-collection.js';
import type { Room } from '../model/room.js';
import type { Exclusion } from '../collection/collection.js';
import type { PlanNode } from '../plan/plan.js';
import { regexStepsSoFar } from '../value/linear-regex.js';
import type { ExecStats } from './counters.js';
import { pageOf, scanMatches, type RoomsPageWithStats } from './scan.js';
import { createTopK } from './top-k.js';

/**
 * Visits the members of `set` in the order of an ordered index: ascending, or descending by runs
 * of equal values with each run ascending (ties stay `_id` ascending). Stops when `visit` is false.
 */
export const walkOrder = (set: RankSet, groupStart: Int32Array, n: number, descending: boolean, visit: (r: number) => boolean): void => {
  if (!descending) {
    forEachAsc(set, 0, n, visit);
    return;
  }
  let hi = n;
  for (;;) {
    const r = prevMember(set, hi);
    if (r < 0) return;
    const g = groupStart[r] as number;
    if (!forEachAsc(set, g, r + 1, visit)) return;
    hi = g;
  }
};

/** A window of a query's matches in sort order, as positions in the collection's docs, and the total. */
export interface Matches {
  /** Positions of the matches ranked [from, end), in sort order. */
  readonly positions: number[];
  readonly total: number;
  readonly stats: ExecStats;
}

export const execIndexed = (compiled: CompiledQuery, c: IndexedCollection, plan: PlanNode): RoomsPageWithStats => {
  const { offset, limit } = compiled.paging;
  const { positions, total, stats } = execPlanMatches(
    compiled,
    c,
    plan,
    offset,
    limit === null ? Number.POSITIVE_INFINITY : offset + limit,
  );
  return { page: pageOf(compiled, c.docs, positions, total, c.copies), stats };
};

/**
 * Runs `plan` over the collection `c` (never a derived one) for the matches ranked [from, end).
 * `exclude`: positions that are not there (a derived collection's tombstones): never matched nor counted.
 */
export const execPlanMatches = (
  compiled: CompiledQuery,
  c: IndexedCollection,
  plan: PlanNode,
  from: number,
  end: number,
  exclude?: Exclusion,
): Matches => {
  if (plan.kind === 'scan') return scanMatches(compiled, c.docs, from, end, exclude?.has);
  const predicate = compiled.scan;
  const regexBefore = regexStepsSoFar();
  const offset = from;
  const skip = exclude?.has;
  const n = c.size;
  const docs = c.docs;
  const work: SetWork = { keys: 0 };
  const set = intersectAll(
    plan.candidates.map((cand) => cand.build(work)),
    n,
    work,
  );
  let docsExamined = 0;
  let keysRead = work.keys;
  const { ordering, exact } = plan;

  if (ordering.kind === 'walk' || ordering.kind === 'key-walk') {
    const positions: number[] = [];
    let seen = 0;
    // Exact: members ARE matches; stop after `end`, fetch only the page. Inexact: test every candidate.
    const take = (position: number): boolean => {
      if (skip !== undefined && skip(position)) return true;
      if (exact) {
        const i = seen++;
        if (i >= offset) positions.push(position);
        return seen < end;
      }
      docsExamined++;
      if (predicate(docs[position] as Room)) {
        const i = seen++;
        if (i >= offset && i < end) positions.push(position);
      }
      return true;
    };
    const { index } = ordering;
    if (ordering.kind === 'key-walk') {
      const keys = ordering.keys.sortedKeys();
      for (let k = 0; k < keys.length && (!exact || seen < end); k++) {
        const key = keys[ordering.keyDescending ? keys.length - 1 - k : k] as string;
        walkOrder(ordering.keys.posting(key), index.groupStart, n, ordering.descending, (r) => {
          keysRead++;
          return setHas(set, r) ? take(positionAt(c, r)) : true;
        });
      }
    } else if (ordering.primary) {
      walkOrder(set, index.groupStart, n, ordering.descending, (r) => {
        keysRead++;
        return take(positionAt(c, r));
      });
    } else {
      walkOrder(interval(0, n), index.groupStart, n, ordering.descending, (i) => {
        keysRead++;
        const position = index.order[i] as number;
        return setHas(set, rankAt(c, position)) ? take(position) : true;
      });
    }
    if (exact) docsExamined += positions.length;
    let total = seen;
    if (exact) {
      // The set's size, less the excluded positions in it (one membership test each).
      let excluded = 0;
      if (exclude !== undefined) {
        for (const p of exclude.positions) if (setHas(set, rankAt(c, p))) excluded++;
        keysRead += exclude.positions.length;
      }
      total = setSize(set) - excluded;
    }
    return {
      positions,
      total,
      stats: {
        docsExamined,
        indexKeysExamined: keysRead,
        matched: total,
        ordering: positions.length > 0 ? 'index-order' : 'none',
        access: 'index',
        regexSteps: regexStepsSoFar() - regexBefore,
      },
    };
  }

  const acc = createTopK<Room>(compiled.sort, end, compareValues);
  let matched = 0;
  forEachAsc(set, 0, n, (r) => {
    keysRead++;
    const position = positionAt(c, r);
    if (skip !== undefined && skip(position)) return true;
    const doc = docs[position] as Room;
    docsExamined++;
    if (exact || predicate(doc)) {
      matched++;
      acc.offer(doc, position);
    }
    return true;
  });
  const kept = acc.result();
  const positions = kept.slice(offset).map((k) => k.position);
  return {
    positions,
    total: matched,
    stats: {
      docsExamined,
      indexKeysExamined: keysRead,
      matched,
      ordering: kept.length > offset ? acc.ordering : 'none',
      access: 'index',
      regexSteps: regexStepsSoFar() - regexBefore,
    },
  };
};
