// Matches nothing, on purpose: livechat's rocketchat mode reproduces upstream's `ts: {}` (a date
// range with no usable bound compares the field to an empty document: no room matches).
import { FieldPath } from './field-path.js';

export interface NoneNode {
  readonly kind: 'none';
  /** The parameter's field, for explain and the MongoDB form. */
  readonly path: FieldPath;
}

export const NoneNode = Object.freeze({
  create: (path: string): NoneNode => Object.freeze({ kind: 'none', path: FieldPath.of(path) }),
  is: (node: { readonly kind: string }): node is NoneNode => node.kind === 'none',
});
