// A caller-supplied, case-insensitive, unanchored regular expression on `path` (livechat customFields:
// `livechatData.<key>`). `source` was accepted by request validation: valid JavaScript, and runnable by
// RE2 in linear time; it is matched on RE2 (never on a backtracking engine).
import { FieldPath } from './field-path.js';

export interface RegexNode {
  readonly kind: 'regex';
  readonly path: FieldPath;
  /** The pattern as the caller wrote it (JavaScript syntax). */
  readonly source: string;
}

export const RegexNode = Object.freeze({
  create: (path: string, source: string): RegexNode => Object.freeze({ kind: 'regex', path: FieldPath.of(path), source }),
  is: (node: { readonly kind: string }): node is RegexNode => node.kind === 'regex',
});
