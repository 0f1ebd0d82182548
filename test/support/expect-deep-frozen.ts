// Asserts that every object reachable from `x` is frozen (store versions must never change).
import { expect } from 'vitest';

export const expectDeepFrozen = (x: unknown, path = ''): void => {
  if (typeof x !== 'object' || x === null) return;
  expect(Object.isFrozen(x), `${path} is frozen`).toBe(true);
  if (x instanceof Date) return;
  for (const [k, v] of Object.entries(x)) expectDeepFrozen(v, `${path}/${k}`);
};
