// Case-insensitive literal substring of `path` (roomName): upstream's /escape(roomName)/i.
import { FieldPath } from './field-path.js';

export interface SubstringNode {
  readonly kind: 'substring';
  readonly path: FieldPath;
  readonly needle: string;
}

export const SubstringNode = Object.freeze({
  create: (path: string, needle: string): SubstringNode => Object.freeze({ kind: 'substring', path: FieldPath.of(path), needle }),
  is: (node: { readonly kind: string }): node is SubstringNode => node.kind === 'substring',
});
