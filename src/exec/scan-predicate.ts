// The predicate a scan runs: the root AND's conditions reordered so that the selective and cheap
// ones reject a document first (an agent, a visitor, a queue before `t = 'v'`, which nearly every
// room holds; the substring test last). AND of pure conditions: the order never changes an answer.
import type { CompiledQuery } from '../compile/compile-query.js';
import { compileFilter } from '../compile/compile-filter.js';
import type { Predicate } from '../compile/operators.js';
import type { FilterNode } from '../query/filter-node.js';

const rank = (node: FilterNode): number => {
  switch (node.kind) {
    case 'served-by':
    case 'none':
      return 0;
    case 'eq':
      return node.path.dotted === 't' ? 6 : node.path.dotted === 'direction' ? 4 : 1;
    case 'or':
      return 1;
    case 'in':
      return 2;
    case 'exists':
    case 'range':
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

const cache = new WeakMap<CompiledQuery, Predicate>();

const conjunction = (parts: ReadonlyArray<Predicate>): Predicate => {
  const [a, b, c, d] = parts as [Predicate, Predicate, Predicate, Predicate];
  switch (parts.length) {
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

export const scanPredicate = (compiled: CompiledQuery): Predicate => {
  let predicate = cache.get(compiled);
  if (predicate === undefined) {
    const children = compiled.query.filter.children;
    predicate =
      children.length < 2
        ? compiled.predicate
        : conjunction([...children].sort((x, y) => rank(x) - rank(y)).map((child) => compileFilter(child)));
    cache.set(compiled, predicate);
  }
  return predicate;
};
