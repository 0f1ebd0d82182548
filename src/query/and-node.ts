// Every child holds. The root of every query is an AndNode.
import type { FilterNode } from './filter-node.js';

export interface AndNode {
  readonly kind: 'and';
  readonly children: ReadonlyArray<FilterNode>;
}

export const AndNode = Object.freeze({
  create: (children: ReadonlyArray<FilterNode>): AndNode => Object.freeze({ kind: 'and', children: Object.freeze([...children]) }),
  is: (node: { readonly kind: string }): node is AndNode => node.kind === 'and',
});
