// Exhaustive visitor over the filter AST: adding a node kind fails to compile until every fold handles it.
import type { FilterNode } from './filter-node.js';

export type FilterFolder<R> = {
  readonly [K in FilterNode['kind']]: (node: Extract<FilterNode, { kind: K }>, recurse: (n: FilterNode) => R) => R;
};

export const foldFilter = <R>(folder: FilterFolder<R>) => {
  const go = (node: FilterNode): R => {
    switch (node.kind) {
      case 'eq':
        return folder.eq(node, go);
      case 'in':
        return folder.in(node, go);
      case 'exists':
        return folder.exists(node, go);
      case 'range':
        return folder.range(node, go);
      case 'substring':
        return folder.substring(node, go);
      case 'served-by':
        return folder['served-by'](node, go);
      case 'true':
        return folder.true(node, go);
      case 'regex':
        return folder.regex(node, go);
      case 'none':
        return folder.none(node, go);
      case 'not':
        return folder.not(node, go);
      case 'and':
        return folder.and(node, go);
      case 'or':
        return folder.or(node, go);
      default: {
        const never: never = node;
        return never;
      }
    }
  };
  return go;
};
