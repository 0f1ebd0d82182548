// A raw query string (`agents[]=a&agents[]=b&count=10`) → the parameter object, split the way
// Rocket.Chat's server does it (qs: brackets, repeated keys, indices, percent-decoding), within limits.
import * as E from 'fp-ts/lib/Either.js';
import qs from 'qs';
import { ApiErrors, type ApiError } from '../errors.js';
import { resolveLimits, type QueryOptions, type RequestLimits } from '../options.js';
import type { RoomsQuery } from '../query/rooms-query.js';
import { parseRoomsParams } from './parse-rooms-params.js';

/**
 * Splits a query string (with or without the leading `?`) into the parameter object.
 * More parameters than `maxParameters` is an error, never a silent truncation.
 */
export const splitQueryString = (
  search: string,
  limits: Partial<RequestLimits> = {},
): E.Either<ApiError, Readonly<Record<string, unknown>>> => {
  const { maxParameters, maxListLength } = resolveLimits(limits);
  try {
    return E.right(
      qs.parse(search.startsWith('?') ? search.slice(1) : search, {
        allowPrototypes: false,
        depth: 5,
        parameterLimit: maxParameters,
        // Lists longer than this stay arrays here and fail the schema's length check with a clear message.
        arrayLimit: maxListLength + 1,
        throwOnLimitExceeded: true,
      }),
    );
  } catch {
    // qs throws RangeError for the limits above; nothing else is expected from it.
    return E.left(ApiErrors.invalidParams(`must NOT have more than ${maxParameters} parameters (or ${maxListLength} list items)`));
  }
};

/**
 * Parses and validates a raw query string.
 * @example
 * parseRoomsQueryString('agents[]=agent1&open=true&count=10') // Right(RoomsQuery)
 */
export const parseRoomsQueryString = (search: string, options: QueryOptions = {}): E.Either<ApiError, RoomsQuery> =>
  E.chain((params: Readonly<Record<string, unknown>>) => parseRoomsParams(params, options))(splitQueryString(search, options.limits));
