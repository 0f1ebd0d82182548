// The child does not hold: `onHold ≠ true` is NOT(onHold is true), as MongoDB's `$ne: true`
// (which also excludes an array holding true).
import type { FilterNode } from './filter-node.js';

export interface NotNode {
  readonly kind: 'not';
  readonly child: FilterNode;
}

export const NotNode = Object.freeze({
  create: (child: FilterNode): NotNode => Object.freeze({ kind: 'not', child }),
  is: (node: { readonly kind: string }): node is NotNode => node.kind === 'not',
});
