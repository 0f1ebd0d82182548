// A raw query string (`agents[]=a&agents[]=b&count=10`) → the parameter object, split the way
// Rocket.Chat's server does it (qs: brackets, repeated keys, indices, percent-decoding).
import * as E from 'fp-ts/lib/Either.js';
import qs from 'qs';
import type { ApiError } from '../errors.js';
import type { QueryOptions } from '../options.js';
import type { RoomsQuery } from '../query/rooms-query.js';
import { parseRoomsParams } from './parse-rooms-params.js';

/** Splits a query string (with or without the leading `?`) into the parameter object. */
export const splitQueryString = (search: string): Readonly<Record<string, unknown>> =>
  qs.parse(search.startsWith('?') ? search.slice(1) : search, { allowPrototypes: false, depth: 5 });

/**
 * Parses and validates a raw query string.
 * @example
 * parseRoomsQueryString('agents[]=agent1&open=true&count=10') // Right(RoomsQuery)
 */
export const parseRoomsQueryString = (search: string, options: QueryOptions = {}): E.Either<ApiError, RoomsQuery> =>
  parseRoomsParams(splitQueryString(search), options);
