// What a MongoDB driver hands back for a stored room: a fresh plain copy per read. BSON has no
// prototypes, and mingo's exclusion projection deletes fields from the very documents it is given, so
// without a copy per call a `find` with `fields` edits the caller's rooms (and every later read of them).
import type { Room } from '../../src/index.js';

const copy = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(copy);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copy(v)]));
};

export const asStored = (rooms: ReadonlyArray<Room>): Room[] => rooms.map((r) => copy(r) as Room);
