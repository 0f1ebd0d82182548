// offset/count → Paging, as upstream's getPaginationItems does with the server's paging settings.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import type { Mode, PagingSettings } from '../options.js';
import type { Paging } from '../query/rooms-query.js';

// rocketchat mode: upstream calls parseInt on the (ajv-coerced) number, so 1e21 → 1 and 1e-7 → 1;
// a negative limit is MongoDB's limit(-n), i.e. n.
const upstreamNumber = (n: number | undefined): number | undefined => {
  if (n === undefined) return undefined;
  const parsed = Number.parseInt(String(n), 10);
  return Number.isNaN(parsed) ? undefined : parsed === 0 ? 0 : parsed;
};

export const resolvePagingParams = (
  mode: Mode,
  settings: PagingSettings,
  offsetParam: number | undefined,
  countParam: number | undefined,
): E.Either<ApiError, Paging> => {
  const offset = mode === 'rocketchat' ? (upstreamNumber(offsetParam) ?? 0) : (offsetParam ?? 0);
  if (offset < 0) return E.left(ApiErrors.invalidParams('must be >= 0'));
  const requested = mode === 'rocketchat' ? upstreamNumber(countParam) : countParam;
  let count = requested === undefined ? settings.defaultCount : Math.abs(requested);
  if (count > settings.maxCount) count = settings.maxCount;
  if (count === 0) return E.right({ offset, limit: settings.allowInfiniteCount ? null : settings.defaultCount });
  return E.right({ offset, limit: count });
};
