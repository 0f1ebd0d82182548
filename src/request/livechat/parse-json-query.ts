// rocketchat mode's `query`: upstream parses it (bad JSON is a 400) and then never uses it.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../../errors.js';

export const checkJsonQuery = (raw: string | undefined): E.Either<ApiError, undefined> => {
  if (raw === undefined || raw === '') return E.right(undefined);
  try {
    JSON.parse(raw);
    return E.right(undefined);
  } catch {
    return E.left(ApiErrors.invalidQuery(raw));
  }
};
