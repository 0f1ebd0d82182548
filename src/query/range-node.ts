// An inclusive Date range on `path` (ts, closedAt); either bound may be absent.
import { FieldPath } from './field-path.js';

export interface RangeNode {
  readonly kind: 'range';
  readonly path: FieldPath;
  readonly gte: Date | undefined;
  readonly lte: Date | undefined;
}

export const RangeNode = Object.freeze({
  create: (path: string, gte: Date | undefined, lte: Date | undefined): RangeNode =>
    Object.freeze({ kind: 'range', path: FieldPath.of(path), gte, lte }),
  is: (node: { readonly kind: string }): node is RangeNode => node.kind === 'range',
});
