// Stored rooms are deep-frozen so no holder of an old snapshot can change it. Stops at objects that
// are already frozen: immer's output and earlier stored values are frozen all the way down, so only
// the parts a patch created are walked.

export const deepFreeze = <T>(value: T): T => {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return value;
  Object.freeze(value);
  if (value instanceof Date) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return value;
};
