// Index candidates for each condition of a filter: a set of ranks that holds every match of the
// condition (a superset), whether it holds ONLY matches (`exact`), its size and what building it costs.
// A condition with no candidate (an unindexed path, a range over a path holding arrays)
// is left to the residual predicate. The compiled predicate stays the judge of every inexact plan.
import type { IndexedCollection } from '../collection/room-collection.js';
import { dateRangeEntries } from '../collection/order.js';
import {
  complement,
  EMPTY,
  fromSortedRanks,
  interval,
  intersectAll,
  setSize,
  unionAll,
  type RankSet,
  type SetWork,
} from '../collection/rank-set.js';
import type { FilterNode } from '../query/filter-node.js';
import type { Candidate } from './candidate.js';
import { gramCandidate } from './gram-candidate.js';

export type { Candidate } from './candidate.js';

const show = (v: unknown): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

const kindOf = (s: RankSet): string => `${s.kind} ${setSize(s)}`;

const ready = (label: string, set: RankSet): Candidate => ({
  label: `${label} (${kindOf(set)})`,
  size: setSize(set),
  buildCost: 0,
  exact: true,
  build: () => set,
});

const union = (label: string, parts: ReadonlyArray<Candidate>, n: number): Candidate => {
  const size = Math.min(
    n,
    parts.reduce((acc, c) => acc + c.size, 0),
  );
  return {
    label: `${label} (union ≤ ${size})`,
    size,
    buildCost: parts.reduce((acc, c) => acc + c.buildCost, 0) + Math.min(size * 2, parts.length * ((n + 31) >>> 5) + size),
    exact: parts.every((c) => c.exact),
    build: (work) =>
      unionAll(
        parts.map((c) => c.build(work)),
        n,
        work,
      ),
  };
};

/** The candidate for one filter node, or undefined when no index serves it. */
export const candidateFor = (c: IndexedCollection, node: FilterNode): Candidate | undefined => {
  const n = c.size;
  switch (node.kind) {
    case 'eq': {
      const index = c.keys.get(node.path.dotted);
      if (index === undefined) return undefined;
      return ready(`${node.path.dotted} = ${show(node.value)}`, index.posting(node.value));
    }
    case 'in': {
      const index = c.keys.get(node.path.dotted);
      if (index === undefined) return undefined;
      const parts = [...new Set(node.values)].map((v) => ready(`${node.path.dotted} = ${show(v)}`, index.posting(v)));
      return parts.length === 1 ? parts[0] : union(`${node.path.dotted} in ${show(node.values)}`, parts, n);
    }
    case 'or': {
      const parts = node.children.map((child) => candidateFor(c, child));
      if (parts.some((p) => p === undefined)) return undefined;
      return union(`(${parts.map((p) => (p as Candidate).label).join(' OR ')})`, parts as Candidate[], n);
    }
    case 'exists': {
      const index = c.presence.get(node.path.dotted);
      if (index === undefined) return undefined;
      if (node.exists) return ready(`${node.path.dotted} exists`, index.present);
      const size = n - setSize(index.present);
      return {
        label: `${node.path.dotted} is absent (complement ${size})`,
        size,
        buildCost: (n + 31) >>> 5,
        exact: true,
        build: (work) => complement(index.present, n, work),
      };
    }
    case 'range': {
      const index = c.orders.get(node.path.dotted);
      if (index === undefined || index.hasArrays) return undefined;
      const { lo, hi } = dateRangeEntries(index, node.gte, node.lte);
      const label = `${node.path.dotted} in [${node.gte ? show(node.gte) : '-∞'}, ${node.lte ? show(node.lte) : '+∞'}]`;
      if (index === c.primary) return ready(label, interval(lo, hi));
      // A secondary order: its entries are positions, turned into sorted ranks (m log m).
      const m = hi - lo;
      return {
        label: `${label} (${m} entries → ranks)`,
        size: m,
        buildCost: m * (2 + Math.log2(m + 1) / 4),
        exact: true,
        build: (work) => {
          const rankOf = c.primary?.rankOf;
          const ranks = new Int32Array(m);
          for (let i = 0; i < m; i++) {
            const p = index.order[lo + i] as number;
            ranks[i] = rankOf === undefined ? p : (rankOf[p] as number);
          }
          ranks.sort();
          work.keys += m;
          return fromSortedRanks(ranks, n);
        },
      };
    }
    case 'served-by': {
      // Strict equality (no match inside arrays): the posting is exact unless some room holds an array there.
      const index = c.keys.get('servedBy._id');
      if (index === undefined) return undefined;
      const set = index.posting(node.agentId);
      return { ...ready(`servedBy._id is exactly ${show(node.agentId)}`, set), exact: !index.hasArrays };
    }
    case 'none':
      return ready(`nothing (${node.path.dotted})`, EMPTY);
    case 'not': {
      // The complement of an exact child is exact; an inexact child's complement would drop matches.
      const inner = candidateFor(c, node.child);
      if (inner === undefined || !inner.exact) return undefined;
      const size = n;
      return {
        label: `NOT ${inner.label} (complement)`,
        size,
        buildCost: inner.buildCost + ((n + 31) >>> 5),
        exact: true,
        build: (work) => complement(inner.build(work), n, work),
      };
    }
    case 'true': {
      const index = c.flags.get(node.path.dotted);
      return index === undefined ? undefined : ready(`${node.path.dotted} is true`, index.present);
    }
    case 'regex':
      return undefined;
    case 'substring': {
      const index = c.grams.get(node.path.dotted);
      return index === undefined ? undefined : gramCandidate(index, node, n);
    }
    case 'and': {
      const parts = node.children.map((child) => candidateFor(c, child));
      const usable = parts.filter((p): p is Candidate => p !== undefined);
      if (usable.length === 0) return undefined;
      const smallest = Math.min(...usable.map((p) => p.size));
      return {
        label: `(${usable.map((p) => p.label).join(' AND ')})`,
        size: smallest,
        buildCost: usable.reduce((acc, p) => acc + p.buildCost, 0) + smallest * usable.length,
        exact: usable.length === parts.length && usable.every((p) => p.exact),
        build: (work) => intersectBuilt(usable, n, work),
      };
    }
    default: {
      const never: never = node;
      return never;
    }
  }
};

const intersectBuilt = (parts: ReadonlyArray<Candidate>, n: number, work: SetWork): RankSet =>
  intersectAll(
    parts.map((p) => p.build(work)),
    n,
    work,
  );
