// `path` holds `true` (or an array holding it), as MongoDB's `{ onHold: true }`: livechat's on-hold rooms.
import { FieldPath } from './field-path.js';

export interface IsTrueNode {
  readonly kind: 'true';
  readonly path: FieldPath;
}

export const IsTrueNode = Object.freeze({
  create: (path: string): IsTrueNode => Object.freeze({ kind: 'true', path: FieldPath.of(path) }),
  is: (node: { readonly kind: string }): node is IsTrueNode => node.kind === 'true',
});
