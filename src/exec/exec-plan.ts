// Runs a planned query over a collection: build the candidate set from the indexes, then order it by
// walking an ordered index (stopping early when the set is exact) or through the top-k heap.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compareValues } from '../compile/compare-values.js';
import { forEachAsc, intersectAll, prevMember, setHas, setSize, interval, type RankSet, type SetWork } from '../collection/rank-set.js';
import { positionAt, rankAt, type RoomCollection } from '../collection/room-collection.js';
import type { Room } from '../model/room.js';
import type { PlanNode } from '../plan/plan.js';
import { pageOf, scanRooms, type RoomsPageWithStats } from './scan.js';
import { scanPredicate } from './scan-predicate.js';
import { sortReaders } from './sort-readers.js';
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

export const execPlan = (compiled: CompiledQuery, c: RoomCollection, plan: PlanNode): RoomsPageWithStats => {
  if (plan.kind === 'scan') return scanRooms(compiled, c.docs, true);
  const { paging } = compiled;
  const predicate = scanPredicate(compiled);
  const { offset } = paging;
  const n = c.size;
  const docs = c.docs;
  const work: SetWork = { keys: 0 };
  const set = intersectAll(plan.candidates.map((cand) => cand.build(work)), n, work);
  const end = paging.limit === null ? Number.POSITIVE_INFINITY : offset + paging.limit;
  let docsExamined = 0;
  let keys = work.keys;
  const { ordering, exact } = plan;

  if (ordering.kind === 'walk') {
    const positions: number[] = [];
    let seen = 0;
    // Exact: members ARE matches; stop after `end`, fetch only the page. Inexact: test every candidate.
    const take = (position: number): boolean => {
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
    if (ordering.primary) {
      walkOrder(set, index.groupStart, n, ordering.descending, (r) => {
        keys++;
        return take(positionAt(c, r));
      });
    } else {
      walkOrder(interval(0, n), index.groupStart, n, ordering.descending, (i) => {
        keys++;
        const position = index.order[i] as number;
        return setHas(set, rankAt(c, position)) ? take(position) : true;
      });
    }
    if (exact) docsExamined += positions.length;
    const total = exact ? setSize(set) : seen;
    return {
      page: pageOf(compiled, docs, positions, total, true),
      stats: { docsExamined, indexKeysExamined: keys, matched: total, ordering: positions.length > 0 ? 'index-order' : 'none', access: 'index' },
    };
  }

  const acc = createTopK<Room>(sortReaders(compiled.sort), end, compareValues);
  let matched = 0;
  forEachAsc(set, 0, n, (r) => {
    keys++;
    const position = positionAt(c, r);
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
    page: pageOf(compiled, docs, positions, matched, true),
    stats: { docsExamined, indexKeysExamined: keys, matched, ordering: kept.length > offset ? acc.ordering : 'none', access: 'index' },
  };
};
