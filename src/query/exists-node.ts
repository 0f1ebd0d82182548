// Presence of a field: `open` is set while a call is open and unset (never false) when it closes.
import { FieldPath } from './field-path.js';

export interface ExistsNode {
  readonly kind: 'exists';
  readonly path: FieldPath;
  readonly exists: boolean;
}

export const ExistsNode = Object.freeze({
  create: (path: string, exists: boolean): ExistsNode => Object.freeze({ kind: 'exists', path: FieldPath.of(path), exists }),
  is: (node: { readonly kind: string }): node is ExistsNode => node.kind === 'exists',
});
