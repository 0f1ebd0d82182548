// `fields={"name":1,"v.username":1}` → Projection, with MongoDB's rules: no mixing of 0 and 1
// (but `_id: 0`), no path inside another, and the never-returned fields silently dropped.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import { HIDDEN_FIELDS, Projection } from '../query/projection.js';
import { isFieldPath, parseJsonObject } from './parse-json-object.js';

const collides = (keys: ReadonlyArray<string>): boolean => keys.some((a) => keys.some((b) => a !== b && b.startsWith(`${a}.`)));

/** `hidden`: the fields the endpoint never returns (dropped from an inclusion list). */
export const parseFields = (raw: string | undefined, hidden: ReadonlyArray<string> = HIDDEN_FIELDS): E.Either<ApiError, Projection> => {
  const isHidden = (key: string): boolean => hidden.includes(key.split('.')[0] ?? '');
  if (raw === undefined) return E.right(Projection.all(hidden));
  const parsed = parseJsonObject(raw);
  if (E.isLeft(parsed)) return E.left(ApiErrors.invalidFields(raw));
  const entries = Object.entries(parsed.right);
  if (entries.length === 0) return E.right(Projection.all(hidden));
  if (entries.some(([key, flag]) => !isFieldPath(key) || (flag !== 0 && flag !== 1)) || collides(entries.map(([k]) => k))) {
    return E.left(ApiErrors.invalidFields(raw));
  }
  const others = entries.filter(([key]) => key !== '_id');
  const included = others.filter(([, flag]) => flag === 1).map(([key]) => key);
  const excluded = others.filter(([, flag]) => flag === 0).map(([key]) => key);
  if (included.length > 0 && excluded.length > 0) return E.left(ApiErrors.invalidFields(raw));
  const idFlag = parsed.right['_id'];
  if (included.length > 0 || (excluded.length === 0 && idFlag === 1)) {
    return E.right(
      Projection.include(
        included.filter((k) => !isHidden(k)),
        idFlag !== 0,
        hidden,
      ),
    );
  }
  return E.right(Projection.exclude(idFlag === 0 ? ['_id', ...excluded] : excluded, hidden));
};
