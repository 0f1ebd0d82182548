// JSON parameters (sort, fields, createdAt, closedAt) arrive as strings; this is the one place that
// turns them into plain objects. JSON.parse defines `__proto__` as an own key, so nothing is polluted.
import * as E from 'fp-ts/lib/Either.js';

export type JsonObject = Readonly<Record<string, unknown>>;

/** Left(undefined) when `raw` is not JSON or not a JSON object (arrays and null excluded). */
export const parseJsonObject = (raw: string): E.Either<undefined, JsonObject> => {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return E.left(undefined);
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? E.right(value as JsonObject) : E.left(undefined);
};

/** A field path we can address: no empty segment, no operator (`$`) at its start. */
export const isFieldPath = (key: string): boolean => key !== '' && !key.startsWith('$') && !key.split('.').includes('');
