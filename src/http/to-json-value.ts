// Rooms hold Dates; HTTP bodies are JSON values. This converts exactly as JSON.stringify would
// (Date → ISO string via toJSON, undefined/functions dropped from objects and null in arrays,
// non-finite numbers → null), so the `body` a handler returns is what goes on the wire.

/** A JSON value. */
export type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json };

const isSkipped = (x: unknown): boolean => x === undefined || typeof x === 'function' || typeof x === 'symbol';

/** `JSON.parse(JSON.stringify(x))` in one pass. Throws like JSON.stringify on bigint and cycles. */
export const toJsonValue = (x: unknown): Json => {
  if (x === null || typeof x === 'string' || typeof x === 'boolean') return x;
  if (typeof x === 'number') return Number.isFinite(x) ? x : null;
  if (typeof x === 'bigint') throw new TypeError('Do not know how to serialize a BigInt');
  if (typeof x !== 'object') return null;
  const withToJson = x as { toJSON?: unknown };
  if (typeof withToJson.toJSON === 'function') return toJsonValue((withToJson.toJSON as () => unknown).call(x));
  if (Array.isArray(x)) return x.map((item: unknown) => (isSkipped(item) ? null : toJsonValue(item)));
  const out: Record<string, Json> = {};
  for (const key of Object.keys(x)) {
    const value = (x as Record<string, unknown>)[key];
    if (!isSkipped(value)) out[key] = toJsonValue(value);
  }
  return out;
};
