// MongoDB Extended JSON v2 (relaxed and canonical) ⇄ the JS values the engine holds.
//
// Decoded: {"$date": iso | ms | {"$numberLong"}} → Date; {"$numberLong"}, {"$numberInt"},
// {"$numberDouble"} → number (a $numberLong outside ±2^53 is an error, not a silent rounding);
// {"$oid"} → its 24-hex string (Rocket.Chat ids are strings). Other wrappers ($binary, $timestamp,
// $numberDecimal, $regularExpression, ...) are kept as they are: the engine never matches on them and
// encoding writes them back unchanged. Encoded (relaxed, what mongoexport writes by default):
// Date → {"$date": iso} (years 1970–9999) or {"$date": {"$numberLong"}}; non-finite and -0 numbers →
// {"$numberDouble"}; bigint → {"$numberLong"}.
import * as E from 'fp-ts/lib/Either.js';

type Path = ReadonlyArray<string>;

const at = (path: Path): string => `/${path.join('/')}`;

const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' &&
  x !== null &&
  !Array.isArray(x) &&
  (Object.getPrototypeOf(x) === Object.prototype || Object.getPrototypeOf(x) === null);

const INTEGER = /^-?(0|[1-9][0-9]*)$/;
const DOUBLE = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;
const OID = /^[0-9a-fA-F]{24}$/;
const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

class EjsonError extends Error {}

const fail = (path: Path, message: string): never => {
  throw new EjsonError(`${at(path)}: ${message}`);
};

const longOf = (raw: unknown, path: Path): number => {
  if (typeof raw !== 'string' || !INTEGER.test(raw)) return fail(path, `expected {"$numberLong": "<integer>"}, got ${JSON.stringify(raw)}`);
  const n = Number(raw);
  if (!Number.isSafeInteger(n)) return fail(path, `$numberLong ${raw} is outside ±2^53 and would lose precision`);
  return n;
};

const doubleOf = (raw: unknown, path: Path): number => {
  if (raw === 'Infinity') return Number.POSITIVE_INFINITY;
  if (raw === '-Infinity') return Number.NEGATIVE_INFINITY;
  if (raw === 'NaN') return Number.NaN;
  if (typeof raw !== 'string' || !DOUBLE.test(raw)) return fail(path, `expected {"$numberDouble": "<number>"}, got ${JSON.stringify(raw)}`);
  return Number(raw);
};

const dateOf = (raw: unknown, path: Path): Date => {
  let ms = Number.NaN;
  if (typeof raw === 'string') ms = Date.parse(raw);
  else if (typeof raw === 'number')
    ms = raw; // legacy relaxed form
  else if (isPlainObject(raw) && Object.keys(raw).length === 1 && Object.hasOwn(raw, '$numberLong'))
    ms = longOf(raw['$numberLong'], [...path, '$numberLong']);
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? fail(path, `expected {"$date": ISO-8601 | {"$numberLong": ms}}, got ${JSON.stringify(raw)}`) : date;
};

const decodeWrapper = (key: string, raw: unknown, path: Path): { readonly value: unknown } | undefined => {
  switch (key) {
    case '$date':
      return { value: dateOf(raw, path) };
    case '$numberLong':
      return { value: longOf(raw, path) };
    case '$numberInt': {
      const n = typeof raw === 'string' && INTEGER.test(raw) ? Number(raw) : Number.NaN;
      return n >= INT32_MIN && n <= INT32_MAX ? { value: n } : fail(path, `expected {"$numberInt": "<int32>"}, got ${JSON.stringify(raw)}`);
    }
    case '$numberDouble':
      return { value: doubleOf(raw, path) };
    case '$oid':
      return typeof raw === 'string' && OID.test(raw)
        ? { value: raw }
        : fail(path, `expected {"$oid": "<24 hex digits>"}, got ${JSON.stringify(raw)}`);
    default:
      return undefined;
  }
};

/**
 * Decodes `value`. `owned`: the value was just parsed and nobody else holds it, so wrappers are replaced in
 * place (no copy of the document); otherwise objects and arrays are copied. `path` is one shared stack of
 * keys (pushed and popped, read only when an error is thrown), so no array is made per field.
 */
const decode = (value: unknown, path: string[], owned: boolean): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const out = owned ? value : new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      out[i] = decode(value[i], path, owned);
      path.pop();
    }
    return out;
  }
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0]!.charCodeAt(0) === 0x24 /* $ */) {
    const decoded = decodeWrapper(keys[0]!, value[keys[0]!], path);
    if (decoded !== undefined) return decoded.value;
    return value; // another Extended JSON type: kept verbatim
  }
  if (owned) {
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const v = value[k];
      if (typeof v !== 'object' || v === null) continue;
      path.push(k);
      // An own "__proto__" data property is written as such (assignment finds the own property first).
      value[k] = decode(v, path, owned);
      path.pop();
    }
    return value;
  }
  const out: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    path.push(k);
    const v = decode(value[k], path, owned);
    path.pop();
    // defineProperty: an own "__proto__" key stays a plain key, never becomes the prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
    else out[k] = v;
  }
  return out;
};

const decodeOrLeft = (value: unknown, owned: boolean): E.Either<string, unknown> => {
  try {
    return E.right(decode(value, [], owned));
  } catch (error) {
    if (error instanceof EjsonError) return E.left(error.message);
    throw error;
  }
};

/** Extended JSON v2 (parsed JSON) → JS values; Left names the path of the bad value. `value` is never changed. */
export const fromEjson = (value: unknown): E.Either<string, unknown> => decodeOrLeft(value, false);

/**
 * fromEjson for a value that was just parsed and is held by nobody else (the loaders' JSON.parse output):
 * the wrappers are replaced in place, no copy is made. On a Left the value is left half-decoded. @internal
 */
export const fromEjsonInPlace = (value: unknown): E.Either<string, unknown> => decodeOrLeft(value, true);

const MIN_ISO = Date.UTC(1970, 0, 1);
const MAX_ISO = Date.UTC(10000, 0, 1);

const encodeNumber = (n: number): unknown => {
  if (Number.isNaN(n)) return { $numberDouble: 'NaN' };
  if (n === Number.POSITIVE_INFINITY) return { $numberDouble: 'Infinity' };
  if (n === Number.NEGATIVE_INFINITY) return { $numberDouble: '-Infinity' };
  if (Object.is(n, -0)) return { $numberDouble: '-0.0' };
  return n;
};

const encode = (value: unknown, path: Path): unknown => {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return encodeNumber(value);
  if (typeof value === 'bigint') return { $numberLong: value.toString() };
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) return fail(path, 'an invalid Date cannot be written (BSON dates are milliseconds)');
    return ms >= MIN_ISO && ms < MAX_ISO ? { $date: value.toISOString() } : { $date: { $numberLong: String(ms) } };
  }
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: [...value.flags].sort().join('') } };
  if (Array.isArray(value)) return value.map((item, i) => (item === undefined ? null : encode(item, [...path, String(i)])));
  if (isPlainObject(value)) {
    const entries: Array<[string, unknown]> = [];
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue; // like JSON.stringify
      entries.push([k, encode(v, [...path, k])]);
    }
    return Object.fromEntries(entries);
  }
  return fail(
    path,
    `cannot write a ${typeof value === 'object' ? ((value as object).constructor?.name ?? 'object') : typeof value} as Extended JSON`,
  );
};

/** JS values → Extended JSON v2 relaxed (a JSON value, ready for JSON.stringify); Left names the path. */
export const toEjson = (value: unknown): E.Either<string, unknown> => {
  try {
    return E.right(encode(value, []));
  } catch (error) {
    if (error instanceof EjsonError) return E.left(error.message);
    throw error;
  }
};
