// offset/count → Paging, as upstream's getPaginationItems does with the server's paging settings.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import type { Mode, PagingSettings } from '../options.js';
import type { Paging } from '../query/rooms-query.js';

// rocketchat mode: parseInt-like truncation; a negative limit is MongoDB's limit(-n), i.e. n.
const upstreamNumber = (n: number | undefined): number | undefined =>
  n === undefined || !Number.isFinite(n) ? undefined : Math.trunc(n) === 0 ? 0 : Math.trunc(n);

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
