// The bounded window table: bounded stored keys, never more than maxEntries windows whatever keys
// arrive (1,000,000 distinct ones here), the oldest windows dropped first.
import { describe, expect, it } from 'vitest';
import { createRateLimiter, storedKey } from '../../src/http/rate-limiter.js';

describe('createRateLimiter', () => {
  it('stores every key in at most 65 characters, however long the key', () => {
    expect(storedKey('a')).toBe('=a');
    expect(storedKey('x'.repeat(64))).toHaveLength(65);
    expect(storedKey('x'.repeat(65))).toHaveLength(45);
    expect(storedKey('x'.repeat(1_000_000))).toHaveLength(45);
    expect(storedKey('x'.repeat(1_000_000))).not.toBe(storedKey('x'.repeat(1_000_001)));
  });

  it('finds a long key again through its digest', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 60_000 }, () => 0, 1_000);
    const padding = 'p'.repeat(1_000);
    for (let i = 0; i < 1_000; i++) limiter.hit(`${padding}${i}`);
    expect(limiter.size).toBe(1_000);
    expect(limiter.hit(`${padding}999`).allowed).toBe(false); // the long key found again through its digest
  });

  it('holds at most maxEntries windows through 1,000,000 distinct keys, all within one window', () => {
    const limiter = createRateLimiter({ limit: 5, windowMs: 60_000 }, () => 0, 10_000);
    let largest = 0;
    for (let i = 0; i < 1_000_000; i++) {
      limiter.hit(`203.0.${i}`);
      if (limiter.size > largest) largest = limiter.size;
    }
    expect(largest).toBe(10_000);
    expect(limiter.size).toBe(10_000);
  });

  it('evicts the oldest windows first: the newest keys keep their counts', () => {
    const limiter = createRateLimiter({ limit: 2, windowMs: 60_000 }, () => 0, 3);
    for (const key of ['a', 'b', 'c']) limiter.hit(key);
    limiter.hit('d'); // evicts a, the oldest
    expect(limiter.size).toBe(3);
    expect(limiter.peek('a').remaining).toBe(2);
    expect(limiter.peek('b').remaining).toBe(1);
    expect(limiter.peek('d').remaining).toBe(1);
  });

  it('drops expired windows before live ones, and a renewed window counts as the newest', () => {
    let clock = 0;
    const limiter = createRateLimiter({ limit: 2, windowMs: 100 }, () => clock, 3);
    limiter.hit('a');
    limiter.hit('b');
    clock = 50;
    limiter.hit('c');
    clock = 120; // a and b have expired, c has not
    limiter.hit('a'); // a starts a new window and becomes the newest
    limiter.hit('d');
    expect(limiter.size).toBe(3); // b dropped (expired), c, a, d held
    expect(limiter.peek('c').remaining).toBe(1);
    limiter.hit('e'); // full: c is now the oldest window
    expect(limiter.peek('c').remaining).toBe(2);
    expect(limiter.peek('a').remaining).toBe(1);
  });

  it('peek does not count, and reports the reset of a live window', () => {
    const limiter = createRateLimiter({ limit: 1, windowMs: 1_000 }, () => 500);
    expect(limiter.peek('k')).toEqual({ allowed: true, limit: 1, remaining: 1, resetAt: 1_500 });
    expect(limiter.hit('k')).toEqual({ allowed: true, limit: 1, remaining: 0, resetAt: 1_500 });
    expect(limiter.peek('k')).toEqual({ allowed: false, limit: 1, remaining: 0, resetAt: 1_500 });
    expect(limiter.hit('k').allowed).toBe(false);
    expect(limiter.size).toBe(1);
  });
});
