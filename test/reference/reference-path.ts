// Reference path reading and deep copy: paths go through own properties of plain objects only
// (docs/semantics-differences.md "Matching"); a path through anything else is missing.

/** A plain object: made by a literal or Object.create(null); never an array or a Date. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** The value at a dotted path, or `found: false` when some step is missing. */
export function readPath(doc: unknown, path: string): { found: boolean; value: unknown } {
  const segments = path.split('.');
  let current: unknown = doc;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    if (!isPlainObject(current)) return { found: false, value: undefined };
    if (!Object.hasOwn(current, segment)) return { found: false, value: undefined };
    current = current[segment];
  }
  return { found: true, value: current };
}

/** The value at a dotted path, `undefined` when missing (sorting treats both alike). */
export function valueAt(doc: unknown, path: string): unknown {
  return readPath(doc, path).value;
}

/** Deep copy of plain data: plain objects, arrays and Dates are copied, everything else is shared. */
export function deepCopy(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (let i = 0; i < value.length; i++) out.push(deepCopy(value[i]));
    return out;
  }
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      out[key] = deepCopy(value[key]);
    }
    return out;
  }
  return value;
}
