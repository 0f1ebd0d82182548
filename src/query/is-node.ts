// `path` holds exactly the string `value`, not an array holding it: livechat's `t === 'l'` (only
// livechat rooms ever match, however odd a document's `t` is).
import { FieldPath } from './field-path.js';

export interface IsNode {
  readonly kind: 'is';
  readonly path: FieldPath;
  readonly value: string;
}

export const IsNode = Object.freeze({
  create: (path: string, value: string): IsNode => Object.freeze({ kind: 'is', path: FieldPath.of(path), value }),
  is: (node: { readonly kind: string }): node is IsNode => node.kind === 'is',
});
