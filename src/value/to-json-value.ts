// Rooms hold Dates; HTTP bodies are JSON values. This converts exactly as JSON.stringify would
// (Date → ISO string via toJSON, undefined/functions dropped from objects and null in arrays,
// non-finite numbers → null), so the `body` a handler returns is what goes on the wire.

/** A JSON value. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json };

const isSkipped = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';

const fromNumber = (n: number): Json => (Number.isFinite(n) ? n + 0 : null); // n + 0 turns -0 into 0, as JSON does

/** `JSON.parse(JSON.stringify(x))` in one pass. Throws like JSON.stringify on bigint and cycles. */
export const toJsonValue = (x: unknown): Json => {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return fromNumber(x);
  if (typeof x === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (typeof x !== 'object') return null;
  const withToJson = x as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return toJsonValue((withToJson.toJSON as () => unknown).call(x));
  if (x instanceof Number) return fromNumber(Number(x));
  if (x instanceof String) return String(x);
  if (x instanceof Boolean) return x.valueOf();
  if (Array.isArray(x)) {
    const out: Json[] = new Array<Json>(x.length);
    for (let i = 0; i < x.length; i++) {
      const item: unknown = x[i];
      out[i] = isSkipped(item) ? null : toJsonValue(item);
    }
    return out;
  }
  const out: Record<string, Json> = {};
  for (const key of Object.keys(x)) {
    const value = (x as Record<string, unknown>)[key];
    if (isSkipped(value)) continue;
    // an own "__proto__" key must stay a key, as JSON.parse keeps it, not become the prototype
    const json = toJsonValue(value);
    if (key === '__proto__') Object.defineProperty(out, key, { value: json, enumerable: true, writable: true, configurable: true });
    else out[key] = json;
  }
  return out;
};

/** An earlier version of the object and its JSON: fields holding the very same value reuse their JSON. */
export interface PriorJson {
  readonly from: Readonly<Record<string, unknown>>;
  readonly json: Json;
}

/**
 * `toJsonValue` of a plain object without its top-level keys in `skip` (no intermediate copy). With
 * `prior` (a frozen earlier version: rooms share unchanged fields), an unchanged field's JSON is shared,
 * not made again: a live page converts only what a patch changed (less garbage per change).
 */
export const toJsonObjectWithout = (x: Readonly<Record<string, unknown>>, skip: ReadonlySet<string>, prior?: PriorJson): Json => {
  const out: Record<string, Json> = {};
  const priorJson = prior?.json as Readonly<Record<string, Json>> | undefined;
  for (const key of Object.keys(x)) {
    if (skip.has(key)) continue;
    const value = x[key];
    if (isSkipped(value)) continue;
    const reused = priorJson !== undefined && prior?.from[key] === value && Object.hasOwn(priorJson, key);
    const json = reused ? (priorJson[key] as Json) : toJsonValue(value);
    if (key === '__proto__') Object.defineProperty(out, key, { value: json, enumerable: true, writable: true, configurable: true });
    else out[key] = json;
  }
  return out;
};
