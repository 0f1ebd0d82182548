// The scan's predicate: a leaf condition is tested on a plain property read first (value/raw-path.ts),
// and only a document that passes pays the check that the read was an own property of plain objects.
// Sound because the safe reader (value/get-path.ts) reads either the plain value or nothing: when the
// condition fails on a missing value (`test(undefined)` is false, checked here once), a failed plain
// test is a failed condition, and a passed one stands once the read is checked. Other conditions
// (`exists: false`, `not`) keep the safe predicate. A throwing read (a getter on a prototype the safe
// reader never visits) falls back to the safe predicate for that document.
import type { FilterNode } from '../query/filter-node.js';
import { compilePath } from '../value/get-path.js';
import { ownPath, rawPath } from '../value/raw-path.js';
import { compileFilter } from './compile-filter.js';
import { leafTest, type Predicate } from './operators.js';

/** One condition, optimistic where it can be; always the same answers as `compileFilter(node)`. */
export const optimisticPredicate = (node: FilterNode): Predicate => {
  // Each part answers exactly as its safe predicate, so any boolean combination of them does too.
  switch (node.kind) {
    case 'and': {
      const parts = node.children.map(optimisticPredicate);
      return (doc) => {
        for (let i = 0; i < parts.length; i++) if (!(parts[i] as Predicate)(doc)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = node.children.map(optimisticPredicate);
      return (doc) => {
        for (let i = 0; i < parts.length; i++) if ((parts[i] as Predicate)(doc)) return true;
        return false;
      };
    }
    case 'not': {
      const child = optimisticPredicate(node.child);
      return (doc) => !child(doc);
    }
    default:
      break;
  }
  const leaf = leafTest(node);
  if (leaf === undefined || leaf.test(undefined)) return compileFilter(node);
  const { path, test } = leaf;
  const raw = rawPath(path);
  const owns = ownPath(path);
  const read = compilePath(path);
  const safe = (doc: unknown): boolean => test(read(doc));
  return (doc) => {
    let value: unknown;
    try {
      value = raw(doc);
    } catch {
      return safe(doc);
    }
    return test(value) && owns(doc);
  };
};
