// Who may call, and whose budget the call spends. A caller who authenticates spends its own budget on
// that route, counted only after the token checks out; a caller who does not (no headers, unknown user,
// wrong token) spends its client address's smaller budget on that route. A forged token therefore never
// touches the user it names, and once an address has used up its failures its requests are answered 429
// before their token is even checked, so guessing cannot go on at full speed.

import type { Principal } from '../auth/principal.js';
import { ApiErrors, type ApiError } from '../errors.js';
import type { Authenticate } from './authenticate.js';
import { clientAddress, clientBudgetKey } from './client-address.js';
import { createRateLimiter, DEFAULT_MAX_ENTRIES, type RateDecision, type RateLimiter, type RateLimitSettings } from './rate-limiter.js';
import type { RequestHeaders } from './read-header.js';

/** `limit` calls per `windowMs` for each authenticated user on each route, and the settings below. */
export interface RateLimitOptions extends RateLimitSettings {
  /** Failed or missing authentication per client address and route (default DEFAULT_FAILED_AUTH); false: unlimited. */
  readonly failedAuth?: RateLimitSettings | false;
  /** Windows each budget table holds at most (default 10,000); past it the oldest windows are dropped. */
  readonly maxEntries?: number;
  /** Proxies in front of the server whose X-Forwarded-For is trusted (default 0: the socket's address). */
  readonly trustProxy?: number;
}

/** Ten failed authentications per minute, per client address and route. */
export const DEFAULT_FAILED_AUTH: RateLimitSettings = Object.freeze({ limit: 10, windowMs: 60_000 });

/** What the guard reads of a request. */
export interface GuardedRequest {
  readonly headers: RequestHeaders;
  readonly remoteAddress?: string;
}

/** Go ahead as `principal`, or answer `error`; `headers` are the X-RateLimit-* headers of the budget spent. */
export type Admission =
  | { readonly kind: 'admitted'; readonly principal: Principal; readonly headers: Readonly<Record<string, string>> }
  | { readonly kind: 'rejected'; readonly error: ApiError; readonly headers: Readonly<Record<string, string>> };

/** Shared budgets: one guard given to several APIs (a reloaded one, the live routes) keeps one count. */
export interface RateLimitGuard {
  /** Authenticates the request for `route` and counts it against the budget it belongs to. */
  admit(route: string, request: GuardedRequest, authenticate: Authenticate): Admission;
  /** Windows held by the per-user and the per-address tables. */
  readonly size: { readonly users: number; readonly clients: number };
}

const checkSettings = (name: string, s: RateLimitSettings): void => {
  if (!Number.isSafeInteger(s.limit) || s.limit < 1)
    throw new TypeError(`${name}.limit must be a positive integer, got ${String(s.limit)}`);
  if (!Number.isFinite(s.windowMs) || s.windowMs <= 0)
    throw new TypeError(`${name}.windowMs must be a positive number, got ${String(s.windowMs)}`);
};

const rateHeaders = (d: RateDecision): Record<string, string> => ({
  'x-ratelimit-limit': String(d.limit),
  'x-ratelimit-remaining': String(Math.max(0, d.remaining)),
  'x-ratelimit-reset': String(d.resetAt),
});

/**
 * The guard of `options`: throws a TypeError on a setting that is not a positive number (a configuration
 * mistake, caught at startup). `now` is the clock (tests pass a fake one).
 *
 * @example
 * const rateLimit = createRateLimitGuard({ limit: 600, windowMs: 60_000, trustProxy: 1 });
 * const api = createRoomsApi({ rooms, users, rateLimit });
 */
export const createRateLimitGuard = (options: RateLimitOptions, now: () => number = Date.now): RateLimitGuard => {
  checkSettings('rateLimit', options);
  const failedAuth = options.failedAuth ?? DEFAULT_FAILED_AUTH;
  if (failedAuth !== false) checkSettings('rateLimit.failedAuth', failedAuth);
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 1)
    throw new TypeError(`rateLimit.maxEntries must be a positive integer, got ${String(maxEntries)}`);
  const trustProxy = options.trustProxy ?? 0;
  if (!Number.isSafeInteger(trustProxy) || trustProxy < 0)
    throw new TypeError(`rateLimit.trustProxy must be a whole number of proxies, got ${String(trustProxy)}`);

  const users = createRateLimiter(options, now, maxEntries);
  const clients: RateLimiter | undefined = failedAuth === false ? undefined : createRateLimiter(failedAuth, now, maxEntries);
  const tooMany = (d: RateDecision): ApiError => ApiErrors.tooManyRequests(Math.max(1, Math.ceil((d.resetAt - now()) / 1000)));
  // A route never holds a NUL, so the first NUL splits the key back into its pair: two pairs never share a key.
  const keyOf = (route: string, who: string): string => `${route}\u0000${who}`;

  return {
    admit: (route, request, authenticate) => {
      const clientKey = clients && keyOf(route, clientBudgetKey(clientAddress(request.remoteAddress, request.headers, trustProxy)));
      const standing = clientKey === undefined ? undefined : clients?.peek(clientKey);
      if (standing !== undefined && !standing.allowed)
        return { kind: 'rejected', error: tooMany(standing), headers: rateHeaders(standing) };
      const principal = authenticate(request.headers);
      if (principal === undefined) {
        const failed = clientKey === undefined ? undefined : clients?.hit(clientKey);
        return { kind: 'rejected', error: ApiErrors.unauthenticated(), headers: failed ? rateHeaders(failed) : {} };
      }
      const counted = users.hit(keyOf(route, principal._id));
      if (!counted.allowed) return { kind: 'rejected', error: tooMany(counted), headers: rateHeaders(counted) };
      return { kind: 'admitted', principal, headers: rateHeaders(counted) };
    },
    get size() {
      return { users: users.size, clients: clients?.size ?? 0 };
    },
  };
};

/** No budgets: authentication alone decides. */
export const UNLIMITED: RateLimitGuard = {
  admit: (_route, request, authenticate) => {
    const principal = authenticate(request.headers);
    return principal === undefined
      ? { kind: 'rejected', error: ApiErrors.unauthenticated(), headers: {} }
      : { kind: 'admitted', principal, headers: {} };
  },
  size: { users: 0, clients: 0 },
};

/** The guard an API option asks for: settings (a guard of its own), a shared guard, or none. */
export const guardOf = (option: RateLimitOptions | RateLimitGuard | false | undefined, now?: () => number): RateLimitGuard => {
  if (option === undefined || option === false) return UNLIMITED;
  return 'admit' in option ? option : createRateLimitGuard(option, now);
};
