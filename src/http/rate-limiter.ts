// A fixed-window call counter per key whose memory is bounded whatever keys arrive: each key is stored as
// its SHA-256 (44 characters, however long the key), and the table holds at most `maxEntries` windows,
// evicting the oldest windows first (expired ones are always the oldest).

import { createHash } from 'node:crypto';

export interface RateLimitSettings {
  /** Calls allowed per window. */
  readonly limit: number;
  readonly windowMs: number;
}

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

/** The fixed-size form a key is stored under. */
export const storedKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('base64');

interface Window {
  readonly start: number;
  used: number;
}

export const createRateLimiter = (settings: RateLimitSettings, now: () => number, maxEntries = DEFAULT_MAX_ENTRIES): RateLimiter => {
  const { limit, windowMs } = settings;
  // A Map iterates in insertion order and a window is (re)inserted when it starts, so the first entries
  // are the oldest windows: dropping expired ones or making room both take from the front, O(1) each.
  const windows = new Map<string, Window>();
  const expired = (w: Window, t: number): boolean => t - w.start >= windowMs;
  const makeRoom = (t: number): void => {
    for (const [k, w] of windows) {
      if (windows.size < maxEntries && !expired(w, t)) return;
      windows.delete(k);
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
