// Dates as they arrive from JSON, Rocket.Chat exports (EJSON v2) or code: all become `Date`.
import * as t from 'io-ts';

export const toDate = (u: unknown): Date | undefined => {
  if (u instanceof Date) return Number.isNaN(u.getTime()) ? undefined : u;
  if (typeof u === 'string') {
    const ms = Date.parse(u);
    return Number.isNaN(ms) ? undefined : new Date(ms);
  }
  if (typeof u === 'object' && u !== null && Object.hasOwn(u, '$date')) {
    const inner = (u as { $date: unknown }).$date;
    if (typeof inner === 'number') return Number.isFinite(inner) ? new Date(inner) : undefined;
    if (typeof inner === 'object' && inner !== null && Object.hasOwn(inner, '$numberLong')) {
      const long = Number((inner as { $numberLong: unknown }).$numberLong);
      return Number.isFinite(long) ? new Date(long) : undefined;
    }
    return toDate(inner);
  }
  return undefined;
};

/** A valid `Date`, decoded from a Date, an ISO-8601 string or EJSON `{"$date": ...}`; encodes to ISO. */
export const DateFromAny = new t.Type<Date, string, unknown>(
  'Date',
  (u): u is Date => u instanceof Date && !Number.isNaN(u.getTime()),
  (u, c) => {
    const d = toDate(u);
    return d === undefined ? t.failure(u, c, 'expected a date (Date, ISO-8601 string or {"$date": ...})') : t.success(d);
  },
  (d) => d.toISOString(),
);
