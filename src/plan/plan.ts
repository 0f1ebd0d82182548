// The planner: given a compiled query and a collection's indexes, list the access paths that can
// answer it, estimate each one's work, and pick the cheapest.
//
// How it works. Each condition of the root AND gets an index candidate when an index serves it
// (plan/candidates.ts). The chosen candidates are intersected into one set of ranks, a superset of
// the matches; when every condition was covered exactly, the set IS the match set, so `total` is its
// size and no document is read except the page's. Then the order:
// - `walk`: the sort is (an ordered index's path, then the `_id` tie-break): walk that order and stop
//   after offset + count matches (exact sets), or walk every candidate (inexact: `total` needs them);
// - `top-k`: any other sort: read each candidate's keys into a bounded heap;
// - `scan`: no index helps enough: a sequential scan (cache-friendly, so it beats random access to
//   most of the collection).
// Why it is safe: every index candidate over-approximates its condition, and an inexact plan runs the
// full compiled predicate on each candidate; orders are the engine's (value, _id, position) order.
//
// Costs are in "one sequential predicate evaluation" units, calibrated on the benchmark (docs/benchmarks.md).
import type { CompiledQuery } from '../compile/compile-query.js';
import type { OrderedIndex } from '../collection/order.js';
import type { KeyIndex } from '../collection/postings.js';
import { indexedBase, type RoomCollection } from '../collection/collection.js';
import type { IndexedCollection } from '../collection/room-collection.js';
import { candidateFor, type Candidate } from './candidates.js';

/** Reading a document at a random place in memory, vs the sequential scan's 1. */
const RANDOM_DOC = 2.5;
/** Reading one index entry (a rank, a bit). */
const INDEX_ENTRY = 0.05;
/** Testing a walked entry against the candidate set through `rankOf` (secondary order walk). */
const PROBE = 0.25;
/** Offering one match to the top-k heap. */
const HEAP_OFFER = 0.15;

export type Ordering =
  | { readonly kind: 'walk'; readonly index: OrderedIndex; readonly descending: boolean; readonly primary: boolean }
  /**
   * Sort (K, primary order, _id) where every room holds a string at K: K's keys in order, each key's
   * posting walked in the primary order (postings are rank-ordered), stopping after offset + count.
   */
  | {
      readonly kind: 'key-walk';
      readonly keys: KeyIndex;
      readonly keyDescending: boolean;
      readonly index: OrderedIndex;
      readonly descending: boolean;
    }
  | { readonly kind: 'top-k' };

export type PlanNode =
  | { readonly kind: 'scan'; readonly estimatedDocs: number; readonly cost: number }
  | {
      readonly kind: 'index';
      readonly candidates: ReadonlyArray<Candidate>;
      /** Every filter condition is covered exactly: no residual predicate. */
      readonly exact: boolean;
      readonly ordering: Ordering;
      readonly estimatedDocs: number;
      readonly cost: number;
    };

export interface QueryPlan {
  readonly chosen: PlanNode;
  /** Every plan considered, cheapest first (the chosen one included). */
  readonly alternatives: ReadonlyArray<PlanNode>;
  /** Conditions with no usable index (left to the predicate). */
  readonly unindexed: number;
}

/** The ordered index whose walk yields the sort order, if the sort is (path, _id asc). */
const walkableOrder = (compiled: CompiledQuery, c: IndexedCollection): { index: OrderedIndex; descending: boolean } | undefined => {
  const spec = compiled.sort.spec;
  if (spec.length !== 2) return undefined;
  const [key, tie] = spec as [(typeof spec)[0], (typeof spec)[0]];
  if (tie.path.dotted !== '_id' || tie.direction !== 1) return undefined;
  const index = c.orders.get(key.path.dotted);
  return index === undefined ? undefined : { index, descending: key.direction === -1 };
};

/** The key index and primary order whose nested walk yields the sort order, if the sort is (K, primary, _id asc). */
const keyWalkOrder = (compiled: CompiledQuery, c: IndexedCollection): Extract<Ordering, { kind: 'key-walk' }> | undefined => {
  const spec = compiled.sort.spec;
  const primary = c.primary;
  if (spec.length !== 3 || primary === undefined) return undefined;
  const [first, second, tie] = spec as [(typeof spec)[0], (typeof spec)[0], (typeof spec)[0]];
  if (tie.path.dotted !== '_id' || tie.direction !== 1 || second.path.dotted !== primary.path.dotted) return undefined;
  const keys = c.keys.get(first.path.dotted);
  // Every room must hold exactly one string at K: other values sort before or after all strings.
  if (keys === undefined || keys.hasArrays || keys.entries !== c.size) return undefined;
  return { kind: 'key-walk', keys, keyDescending: first.direction === -1, index: primary, descending: second.direction === -1 };
};

/** Picks the index candidates worth building: cheap ones always, costly ones when they pay off. */
const chooseCandidates = (usable: ReadonlyArray<Candidate>, n: number): Candidate[] => {
  const free = usable.filter((c) => c.buildCost <= c.size / 8 + ((n + 31) >>> 5));
  const costly = usable.filter((c) => !free.includes(c));
  const chosen = [...free];
  let smallest = Math.min(n, ...chosen.map((c) => c.size));
  for (const c of [...costly].sort((a, b) => a.size - b.size)) {
    // Worth it if building it costs less than checking the current candidates with the predicate.
    if (c.buildCost * INDEX_ENTRY < smallest * RANDOM_DOC) {
      chosen.push(c);
      smallest = Math.min(smallest, c.size);
    }
  }
  return chosen;
};

/**
 * Plans `compiled` over `collection`.
 * @example
 * planQuery(compileQuery(scoped), createRoomCollection(rooms)).chosen.kind // 'index'
 */
export const planQuery = (compiled: CompiledQuery, collection: RoomCollection): QueryPlan =>
  // A derived collection is planned on its base's indexes; exec layers the overlay (exec/exec-overlay.ts).
  planIndexed(compiled, indexedBase(collection));

const planIndexed = (compiled: CompiledQuery, c: IndexedCollection): QueryPlan => {
  const n = c.size;
  const { offset, limit } = compiled.paging;
  const conditions = compiled.query.filter.children;
  const perCondition = conditions.map((node) => candidateFor(c, node));
  const usable = perCondition.filter((x): x is Candidate => x !== undefined);
  const unindexed = perCondition.length - usable.length;
  const scan: PlanNode = { kind: 'scan', estimatedDocs: n, cost: n + Math.min(n, offset + (limit ?? n)) * HEAP_OFFER };
  const plans: PlanNode[] = [scan];
  if (usable.length > 0 && n > 0) {
    const chosen = chooseCandidates(usable, n);
    const exact = unindexed === 0 && chosen.length === usable.length && chosen.every((x) => x.exact);
    const size = Math.min(n, ...chosen.map((x) => x.size));
    const buildCost = (chosen.reduce((acc, x) => acc + x.buildCost, 0) + intersectCostEstimate(chosen, n)) * INDEX_ENTRY;
    const want = Math.min(size, offset + (limit ?? size));
    const walk = walkableOrder(compiled, c);
    if (walk !== undefined) {
      const primary = walk.index === c.primary;
      if (primary) {
        plans.push({
          kind: 'index',
          candidates: chosen,
          exact,
          ordering: { kind: 'walk', ...walk, primary },
          estimatedDocs: exact ? Math.max(0, want - offset) : size,
          cost: buildCost + (exact ? want * INDEX_ENTRY + (want - offset) * RANDOM_DOC : size * RANDOM_DOC),
        });
      } else if (exact) {
        // Walk the secondary order, keeping entries in the set: ~ want * n / size entries.
        const walked = size === 0 ? 0 : Math.min(n, (want * n) / size);
        plans.push({
          kind: 'index',
          candidates: chosen,
          exact,
          ordering: { kind: 'walk', ...walk, primary },
          estimatedDocs: Math.max(0, want - offset),
          cost: buildCost + walked * PROBE + (want - offset) * RANDOM_DOC,
        });
      }
    }
    const keyWalk = exact ? keyWalkOrder(compiled, c) : undefined;
    if (keyWalk !== undefined) {
      // Each key's posting is walked and tested against the set: ~ want * n / size entries, plus one step per key.
      const walked = size === 0 ? 0 : Math.min(n, (want * n) / size) + keyWalk.keys.keyCount;
      plans.push({
        kind: 'index',
        candidates: chosen,
        exact,
        ordering: keyWalk,
        estimatedDocs: Math.max(0, want - offset),
        cost: buildCost + walked * PROBE + (want - offset) * RANDOM_DOC,
      });
    }
    plans.push({
      kind: 'index',
      candidates: chosen,
      exact,
      ordering: { kind: 'top-k' },
      estimatedDocs: size,
      cost: buildCost + size * (RANDOM_DOC + HEAP_OFFER),
    });
  }
  const alternatives = [...plans].sort((a, b) => a.cost - b.cost);
  return { chosen: alternatives[0] as PlanNode, alternatives, unindexed };
};

const intersectCostEstimate = (chosen: ReadonlyArray<Candidate>, n: number): number => {
  if (chosen.length <= 1) return 0;
  const sizes = chosen.map((c) => c.size);
  const smallest = Math.min(...sizes);
  return Math.min(smallest * (chosen.length - 1) * 2, (((n + 31) >>> 5) * chosen.length) / 2 + smallest);
};
