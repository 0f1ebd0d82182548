// `path` holds one of `values` (or an array holding one): agents, tags.
import { FieldPath } from './field-path.js';

export interface InNode {
  readonly kind: 'in';
  readonly path: FieldPath;
  readonly values: ReadonlyArray<string>;
}

export const InNode = Object.freeze({
  create: (path: string, values: ReadonlyArray<string>): InNode =>
    Object.freeze({ kind: 'in', path: FieldPath.of(path), values: Object.freeze([...values]) }),
  is: (node: { readonly kind: string }): node is InNode => node.kind === 'in',
});
