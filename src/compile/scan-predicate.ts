// The predicate a scan runs: the root AND's conditions reordered so that the selective and cheap
// ones reject a document first (an agent, a visitor, a queue before `t = 'v'`, which nearly every
// room holds; the substring test last), each optimistic (optimistic-predicate.ts: a plain read first,
// the own-property checks only for documents that pass). AND of pure conditions: the order never
// changes an answer. Built once by compileQuery (CompiledQuery.scan), never per run.
import type { FilterNode } from '../query/filter-node.js';
import type { Predicate } from './operators.js';
import { optimisticPredicate } from './optimistic-predicate.js';

const rank = (node: FilterNode): number => {
  switch (node.kind) {
    case 'served-by':
    case 'none':
      return 0;
    case 'eq':
      return node.path.dotted === 't' ? 6 : node.path.dotted === 'direction' ? 4 : 1;
    case 'or':
      return 1;
    case 'range':
      // Before an `in`: a Date compared to two numbers costs less than a walk of an array's elements.
      return 2;
    case 'in':
    case 'exists':
    case 'true':
    case 'not':
      return 3;
    case 'and':
      return 5;
    case 'substring':
      return 7;
    case 'regex':
      return 8;
    default: {
      const never: never = node;
      return never;
    }
  }
};

const conjunction = (parts: ReadonlyArray<Predicate>): Predicate => {
  const [a, b, c, d] = parts as [Predicate, Predicate, Predicate, Predicate];
  switch (parts.length) {
    case 0:
      return () => true;
    case 1:
      return a;
    case 2:
      return (doc) => a(doc) && b(doc);
    case 3:
      return (doc) => a(doc) && b(doc) && c(doc);
    case 4:
      return (doc) => a(doc) && b(doc) && c(doc) && d(doc);
    default:
      return (doc) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as Predicate)(doc)) return false;
        return true;
      };
  }
};

/** Nearly every room passes these conditions (only the room type, or none): a scan rejects few rooms on them. */
export const nearlyAllPass = (children: ReadonlyArray<FilterNode>): boolean => children.every((child) => rank(child) === 6);

/** The root AND's conditions in scan order. */
export const scanOrder = (children: ReadonlyArray<FilterNode>): FilterNode[] => [...children].sort((x, y) => rank(x) - rank(y));

/** The root AND's predicate with its conditions in scan order. */
export const scanPredicate = (filter: { readonly children: ReadonlyArray<FilterNode> }): Predicate =>
  conjunction(scanOrder(filter.children).map((child) => optimisticPredicate(child)));
