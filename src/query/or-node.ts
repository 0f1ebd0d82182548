// At least one child holds: agents match servedBy._id OR servedBy.username.
import type { FilterNode } from './filter-node.js';

export interface OrNode {
  readonly kind: 'or';
  readonly children: ReadonlyArray<FilterNode>;
}

export const OrNode = Object.freeze({
  create: (children: ReadonlyArray<FilterNode>): OrNode => Object.freeze({ kind: 'or', children: Object.freeze([...children]) }),
  is: (node: { readonly kind: string }): node is OrNode => node.kind === 'or',
});
