// Outside values in: a deep copy of JSON data (plain objects, arrays, strings, finite numbers,
// booleans, null) plus Dates, or a Left naming the offending place. Copying means a caller mutating
// its own object later can never reach into a stored room.
import * as E from 'fp-ts/lib/Either.js';

const isPlainObject = (u: object): boolean => {
  const proto = Object.getPrototypeOf(u);
  return proto === Object.prototype || proto === null;
};

const MAX_DEPTH = 64;

const copy = (u: unknown, where: string, depth: number, seen: Set<object>): E.Either<string, unknown> => {
  if (u === null || typeof u === 'string' || typeof u === 'boolean') return E.right(u);
  if (typeof u === 'number') return Number.isFinite(u) ? E.right(u) : E.left(`${where || '/'}: ${u} is not a JSON number`);
  if (typeof u !== 'object') return E.left(`${where || '/'}: a ${typeof u} is not JSON data`);
  if (u instanceof Date)
    return Number.isNaN(u.getTime()) ? E.left(`${where || '/'}: invalid Date`) : E.right(Object.freeze(new Date(u.getTime())));
  if (depth > MAX_DEPTH) return E.left(`${where || '/'}: nested deeper than ${MAX_DEPTH} levels`);
  if (seen.has(u)) return E.left(`${where || '/'}: a cycle`);
  seen.add(u);
  try {
    if (Array.isArray(u)) {
      const out: unknown[] = [];
      for (let i = 0; i < u.length; i++) {
        const item = copy(u[i], `${where}/${i}`, depth + 1, seen);
        if (E.isLeft(item)) return item;
        out.push(item.right);
      }
      return E.right(out);
    }
    if (!isPlainObject(u)) return E.left(`${where || '/'}: a class instance is not JSON data`);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(u)) {
      const item = copy((u as Record<string, unknown>)[key], `${where}/${key}`, depth + 1, seen);
      if (E.isLeft(item)) return item;
      // defineProperty: an own "__proto__" key stays a key, never becomes the prototype
      Object.defineProperty(out, key, { value: item.right, enumerable: true, writable: true, configurable: true });
    }
    return E.right(out);
  } finally {
    seen.delete(u);
  }
};

/** A deep copy of `u` if it is JSON data (Dates allowed), else Left with the path and what is wrong. */
export const cloneJsonValue = (u: unknown): E.Either<string, unknown> => copy(u, '', 0, new Set());
