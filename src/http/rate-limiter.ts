// A fixed-window rate limiter per key, as Rocket.Chat's API limiter counts calls per user and endpoint.
// State is bounded: expired windows are swept once the table grows past `maxKeys`.

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

export type RateLimiter = (key: string) => RateDecision;

export const createRateLimiter = (settings: RateLimitSettings, now: () => number, maxKeys = 10_000): RateLimiter => {
  const windows = new Map<string, { start: number; used: number }>();
  const sweep = (t: number): void => {
    for (const [key, w] of windows) if (t - w.start >= settings.windowMs) windows.delete(key);
  };
  return (key) => {
    const t = now();
    let w = windows.get(key);
    if (w === undefined || t - w.start >= settings.windowMs) {
      if (windows.size >= maxKeys) sweep(t);
      w = { start: t, used: 0 };
      windows.set(key, w);
    }
    const allowed = w.used < settings.limit;
    if (allowed) w.used += 1;
    return { allowed, limit: settings.limit, remaining: settings.limit - w.used, resetAt: w.start + settings.windowMs };
  };
};
