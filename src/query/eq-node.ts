// `path` holds exactly `value` (or an array holding it): t, queue, direction, v._id, scope.
import { FieldPath } from './field-path.js';

export interface EqNode {
  readonly kind: 'eq';
  readonly path: FieldPath;
  readonly value: string;
}

export const EqNode = Object.freeze({
  create: (path: string, value: string): EqNode => Object.freeze({ kind: 'eq', path: FieldPath.of(path), value }),
  is: (node: { readonly kind: string }): node is EqNode => node.kind === 'eq',
});
