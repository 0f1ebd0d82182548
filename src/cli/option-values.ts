// Flag values checked one at a time: each turns a raw string into a typed value or one line saying
// what is wrong (never throws). Commander hands us strings; this is where they become data.

import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import { DEFAULT_FAILED_AUTH, type RateLimitOptions } from '../http/index.js';
import type { Mode } from '../index.js';

/** An integer flag in [min, max]; `fallback` when the flag was not given. */
export const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number): E.Either<string, number> => {
  if (raw === undefined) return E.right(fallback);
  const n = /^-?\d+$/.test(raw.replace(/_/g, '')) ? Number(raw.replace(/_/g, '')) : Number.NaN;
  return Number.isSafeInteger(n) && n >= min && n <= max
    ? E.right(n)
    : E.left(`--${name} must be an integer from ${min} to ${max}, got '${raw}'`);
};

/** One of a fixed set of words. */
export const oneOf = <A extends string>(
  name: string,
  raw: string | undefined,
  allowed: ReadonlyArray<A>,
  fallback: A,
): E.Either<string, A> => {
  if (raw === undefined) return E.right(fallback);
  const found = allowed.find((a) => a === raw);
  return found === undefined ? E.left(`--${name} must be ${allowed.map((a) => `'${a}'`).join(' or ')}, got '${raw}'`) : E.right(found);
};

export const MODES: ReadonlyArray<Mode> = ['default', 'rocketchat'];

export const mode = (raw: string | undefined): E.Either<string, Mode> => oneOf('mode', raw, MODES, 'default');

export const nonEmpty = (name: string, raw: string | undefined, fallback: string): E.Either<string, string> =>
  raw === undefined ? E.right(fallback) : raw.trim() === '' ? E.left(`--${name} must not be empty`) : E.right(raw);

/** The rate limits of `serve` (per user and route, and per client address and route for failed authentication), or off. */
export type RateLimit = RateLimitOptions | false;

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { limit: 600, windowMs: 60_000, failedAuth: DEFAULT_FAILED_AUTH, trustProxy: 0 };

const perMinute = (name: string, raw: string): E.Either<string, number> =>
  E.mapLeft(() => `--${name} must be a number of requests per minute (1 to 1000000) or 'off', got '${raw}'`)(
    integer(name, raw, 0, 1, 1_000_000),
  );

/**
 * `--rate-limit N|off` (requests per minute, user and route), `--failed-auth-limit N|off` (failed
 * authentications per minute, client address and route) and `--trust-proxy N` (proxies in front).
 * `--rate-limit off` turns every limit off, so the other two make no sense with it.
 */
export const rateLimit = (raw: string | undefined, failedRaw?: string, trustRaw?: string): E.Either<string, RateLimit> => {
  if (raw === 'off' || raw === '0') {
    if (failedRaw !== undefined)
      return E.left('--failed-auth-limit cannot be combined with --rate-limit off (which turns every limit off)');
    if (trustRaw !== undefined)
      return E.left("--trust-proxy cannot be combined with --rate-limit off (no limit reads the client's address)");
    return E.right(false);
  }
  const { windowMs } = DEFAULT_RATE_LIMIT;
  const limit = raw === undefined ? E.right(DEFAULT_RATE_LIMIT.limit) : perMinute('rate-limit', raw);
  const failedAuth: E.Either<string, RateLimitOptions['failedAuth']> =
    failedRaw === undefined
      ? E.right(DEFAULT_FAILED_AUTH)
      : failedRaw === 'off' || failedRaw === '0'
        ? E.right(false)
        : E.map((n: number) => ({ limit: n, windowMs }))(perMinute('failed-auth-limit', failedRaw));
  const trustProxy = integer('trust-proxy', trustRaw, 0, 0, 10);
  return pipe(
    E.Do,
    E.apS('limit', limit),
    E.apS('failedAuth', failedAuth),
    E.apS('trustProxy', trustProxy),
    E.map((r): RateLimit => ({ ...r, windowMs })),
  );
};

/** Rooms live in memory (~1.4 KB each): beyond this the default heap would not hold them. */
export const MAX_ROOMS = 2_000_000;

/** Generated rooms are streamed to disk, so `generate` may write many more than fit in memory. */
export const MAX_GENERATED_ROOMS = 100_000_000;

/** `--rooms`: a count of generated rooms, or (anything that is not a number) a file of rooms. */
export type RoomsSource = { readonly kind: 'generate'; readonly count: number } | { readonly kind: 'file'; readonly path: string };

export const roomsSource = (raw: string | undefined, fallback: number): E.Either<string, RoomsSource> => {
  if (raw !== undefined && !/^[-+\d_.e]+$/i.test(raw)) {
    return raw.trim() === '' ? E.left('--rooms must not be empty') : E.right({ kind: 'file', path: raw });
  }
  return E.map((count: number): RoomsSource => ({ kind: 'generate', count }))(integer('rooms', raw, fallback, 0, MAX_ROOMS));
};
