// A fixed-window call counter per key whose memory is bounded whatever keys arrive: a key is stored in at
// most 65 characters (a longer one as its SHA-256), and the table holds at most `maxEntries` windows,
// evicting the oldest windows first (expired ones are always the oldest).

import { createHash } from 'node:crypto';

/** A fixed window: `limit` calls per `windowMs` milliseconds. */
export interface RateLimitSettings {
  /** Calls allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

/** Where a key's window stands after (or, from `peek`, before) a call. */
export interface RateDecision {
  readonly allowed: boolean;
  readonly limit: number;
  readonly remaining: number;
  /** Epoch ms at which the window resets. */
  readonly resetAt: number;
}

export interface RateLimiter {
  /** Counts one call of `key`; `allowed` is false once the window's calls are used up. */
  hit(key: string): RateDecision;
  /** The window of `key` as it stands, without counting a call (`allowed`: one more call would be). */
  peek(key: string): RateDecision;
  /** Windows held now; never more than `maxEntries`. */
  readonly size: number;
}

export const DEFAULT_MAX_ENTRIES = 10_000;

const MAX_PLAIN_KEY = 64;

/**
 * The bounded form a key is stored under: itself up to 64 characters, else its SHA-256 (hashing only
 * the long ones keeps a request's cost down; the prefix keeps the two forms from ever meeting).
 */
export const storedKey = (key: string): string =>
  key.length <= MAX_PLAIN_KEY ? `=${key}` : `#${createHash('sha256').update(key, 'utf8').digest('base64')}`;

interface Window {
  readonly start: number;
  used: number;
}

export const createRateLimiter = (settings: RateLimitSettings, now: () => number, maxEntries = DEFAULT_MAX_ENTRIES): RateLimiter => {
  const { limit, windowMs } = settings;
  const windows = new Map<string, Window>();
  // Windows in the order they started (a renewed window is pushed again; its old entry goes stale), so
  // the oldest, and all expired ones, are at the front. Map iteration is not used for this: deleted
  // entries linger in V8's table until it is rehashed, and walking past them each time is quadratic.
  const order: Array<{ readonly key: string; readonly window: Window }> = [];
  let head = 0;
  const expired = (w: Window, t: number): boolean => t - w.start >= windowMs;
  const makeRoom = (t: number): void => {
    while (head < order.length) {
      const { key, window } = order[head]!;
      const live = windows.get(key) === window;
      // a clock that steps back could keep stale entries behind a live front: cap the queue too
      if (live && windows.size < maxEntries && !expired(window, t) && order.length - head < 2 * maxEntries) break;
      if (live) windows.delete(key);
      head += 1;
    }
    if (head > 1024 && head * 2 > order.length) {
      order.splice(0, head);
      head = 0;
    }
  };
  const decision = (w: Window | undefined, t: number): RateDecision => {
    const used = w === undefined || expired(w, t) ? 0 : w.used;
    const resetAt = w === undefined || expired(w, t) ? t + windowMs : w.start + windowMs;
    return { allowed: used < limit, limit, remaining: Math.max(0, limit - used), resetAt };
  };
  return {
    hit: (key) => {
      const t = now();
      const k = storedKey(key);
      let w = windows.get(k);
      if (w === undefined || expired(w, t)) {
        windows.delete(k);
        makeRoom(t);
        w = { start: t, used: 0 };
        windows.set(k, w);
        order.push({ key: k, window: w });
      }
      const allowed = w.used < limit;
      if (allowed) w.used += 1;
      return { allowed, limit, remaining: limit - w.used, resetAt: w.start + windowMs };
    },
    peek: (key) => {
      const t = now();
      return decision(windows.get(storedKey(key)), t);
    },
    get size() {
      return windows.size;
    },
  };
};
