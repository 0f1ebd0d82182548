// Outside operations in: io-ts checks the RFC 6902 shape (op, path, and value / from where required),
// so every later step handles typed operations only.
import * as E from 'fp-ts/lib/Either.js';
import * as t from 'io-ts';
import { patchError, type PatchError } from './patch-error.js';

const Header = t.type({ op: t.keyof({ add: null, remove: null, replace: null, move: null, copy: null, test: null }), path: t.string });

/** A typed RFC 6902 operation (`value` is still outside data: cloneJsonValue checks it). */
export type PatchOperation =
  | { readonly op: 'add' | 'replace' | 'test'; readonly path: string; readonly value: unknown }
  | { readonly op: 'remove'; readonly path: string }
  | { readonly op: 'move' | 'copy'; readonly path: string; readonly from: string };

const isRecord = (u: unknown): u is Record<string, unknown> => typeof u === 'object' && u !== null && !Array.isArray(u);

export const decodeOperation = (u: unknown, index: number): E.Either<PatchError, PatchOperation> => {
  if (!isRecord(u)) return E.left(patchError('invalid-operation', index, null, 'an operation is an object { op, path, ... }'));
  const header = Header.decode(u);
  const path = typeof u['path'] === 'string' ? u['path'] : null;
  if (E.isLeft(header)) {
    const reason = typeof u['path'] !== 'string' ? '"path" must be a string' : '"op" must be one of add, remove, replace, move, copy, test';
    return E.left(patchError('invalid-operation', index, path, reason));
  }
  const { op } = header.right;
  switch (op) {
    case 'add':
    case 'replace':
    case 'test':
      // `value: undefined` is "absent" in JSON: RFC 6902 requires the member.
      if (!Object.hasOwn(u, 'value') || u['value'] === undefined)
        return E.left(patchError('invalid-operation', index, path, `"${op}" needs a "value"`));
      return E.right({ op, path: header.right.path, value: u['value'] });
    case 'move':
    case 'copy':
      if (typeof u['from'] !== 'string') return E.left(patchError('invalid-operation', index, path, `"${op}" needs a string "from"`));
      return E.right({ op, path: header.right.path, from: u['from'] });
    case 'remove':
      return E.right({ op, path: header.right.path });
    default: {
      const never: never = op;
      return never;
    }
  }
};
