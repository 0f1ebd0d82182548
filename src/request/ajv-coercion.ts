// The leaf codecs of the request schema, coercing exactly as upstream's ajv (`coerceTypes: true`,
// `nullable: true`) does, and failing with ajv's own messages so error bodies match upstream's.
import * as t from 'io-ts';

/** `null` means "absent" for nullable keys; the codecs turn it into undefined. */
type Absent = undefined;

const fromScalar = (u: unknown): string | undefined =>
  typeof u === 'string' ? u : typeof u === 'number' || typeof u === 'boolean' ? String(u) : undefined;

/** type: string, nullable, at most `maxLength` characters (our limit; upstream has none). */
export const StringParam = (maxLength: number) =>
  new t.Type<string | Absent, unknown, unknown>(
    'string',
    (u): u is string => typeof u === 'string',
    (u, c) => {
      if (u === null || u === undefined) return t.success(undefined);
      const s = fromScalar(u);
      if (s === undefined) return t.failure(u, c, 'must be string');
      return s.length > maxLength ? t.failure(u, c, `must NOT have more than ${maxLength} characters`) : t.success(s);
    },
    (a) => a,
  );

/** type: string, enum (null is not in the enum, so it fails like any other value). */
export const EnumParam = <V extends string>(values: ReadonlyArray<V>) =>
  new t.Type<V | Absent, unknown, unknown>(
    values.join(' | '),
    (u): u is V => typeof u === 'string' && (values as ReadonlyArray<string>).includes(u),
    (u, c) => {
      if (u === undefined) return t.success(undefined);
      if (u !== null && typeof u === 'object') return t.failure(u, c, 'must be string');
      const s = fromScalar(u);
      return s !== undefined && (values as ReadonlyArray<string>).includes(s)
        ? t.success(s as V)
        : t.failure(u, c, 'must be equal to one of the allowed values');
    },
    (a) => a,
  );

/** type: number, nullable. `""` → absent; `s == +s` → +s (may be Infinity, as ajv lets it through). */
export const NumberParam = new t.Type<number | Absent, unknown, unknown>(
  'number',
  (u): u is number => typeof u === 'number',
  (u, c) => {
    if (u === null || u === undefined || u === '') return t.success(undefined);
    if (typeof u === 'number') return Number.isFinite(u) ? t.success(u) : t.failure(u, c, 'must be number');
    if (typeof u === 'boolean') return t.success(u ? 1 : 0);
    // eslint-disable-next-line eqeqeq -- ajv's coercion test is exactly this loose comparison
    if (typeof u === 'string' && u == (+u as unknown as string)) return t.success(+u);
    return t.failure(u, c, 'must be number');
  },
  (a) => a,
);

/** type: array of strings, nullable; `lone` (default mode) reads a scalar as a one-element list. */
export const StringListParam = (lone: boolean, maxItems: number, maxLength: number) =>
  new t.Type<ReadonlyArray<string> | Absent, unknown, unknown>(
    'string[]',
    (u): u is ReadonlyArray<string> => Array.isArray(u) && u.every((x) => typeof x === 'string'),
    (u, c) => {
      if (u === null || u === undefined) return t.success(undefined);
      // ajv (`nullable`) coerces "", 0 and false to null before it would complain "must be array".
      if (!lone && (u === '' || u === 0 || u === false)) return t.success(undefined);
      if (!Array.isArray(u)) {
        const s = lone ? fromScalar(u) : undefined;
        return s === undefined ? t.failure(u, c, 'must be array') : t.success([s]);
      }
      if (u.length > maxItems) return t.failure(u, c, `must NOT have more than ${maxItems} items`);
      const out: string[] = [];
      for (const item of u as ReadonlyArray<unknown>) {
        const s = item === null ? '' : fromScalar(item);
        if (s === undefined) return t.failure(item, c, 'must be string');
        if (s.length > maxLength) return t.failure(item, c, `must NOT have more than ${maxLength} characters`);
        out.push(s);
      }
      return t.success(out);
    },
    (a) => a,
  );
