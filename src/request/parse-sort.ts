// `sort={"queue":1,"ts":-1}` → SortSpec; keys keep the order they were given in.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import { SortSpec } from '../query/sort-spec.js';
import { isFieldPath, parseJsonObject } from './parse-json-object.js';

export const parseSort = (raw: string | undefined): E.Either<ApiError, SortSpec> => {
  if (raw === undefined) return E.right(SortSpec.default());
  const parsed = parseJsonObject(raw);
  if (E.isLeft(parsed)) return E.left(ApiErrors.invalidSort(raw));
  const entries = Object.entries(parsed.right);
  if (entries.length === 0) return E.right(SortSpec.default());
  const keys = [];
  for (const [key, direction] of entries) {
    if (!isFieldPath(key) || (direction !== 1 && direction !== -1)) return E.left(ApiErrors.invalidSort(raw));
    keys.push(SortSpec.key(key, direction));
  }
  return E.right(Object.freeze(keys));
};
