// Reference schema stage (docs/semantics-differences.md "Parameters"): unknown keys, then each key in
// the fixed order; returns the first validator message, or the typed values the later stages read.

export type Mode = 'default' | 'rocketchat';

/** The key order in which the first failing parameter is reported. */
export const PARAM_ORDER: ReadonlyArray<string> = [
  'agents', 'open', 'createdAt', 'closedAt', 'tags', 'queue', 'visitorId',
  'direction', 'roomName', 'count', 'offset', 'sort', 'query', 'fields',
];

/** What survives the schema stage; count/offset are already numbers (truncated etc. per mode). */
export interface SchemaValues {
  agents?: string[];
  tags?: string[];
  open?: string;
  createdAt?: string;
  closedAt?: string;
  queue?: string;
  visitorId?: string;
  direction?: string;
  roomName?: string;
  count?: number;
  offset?: number;
  sort?: string;
  fields?: string;
}

export type SchemaResult = { ok: true; values: SchemaValues } | { ok: false; message: string };

/** ajv `coerceTypes: true` number coercion as the doc restates it: non-empty string, finite Number(s). */
export function coerceNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  if (value === '') return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) return undefined;
  return n;
}

function stringList(value: unknown, mode: Mode): string[] | string {
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element !== 'string') return 'must be string';
      out.push(element);
    }
    return out;
  }
  // Default mode reads a lone string as a one-element list; upstream (rocketchat) rejects it.
  if (mode === 'default' && typeof value === 'string') return [value];
  return 'must be array';
}

function enumValue(value: unknown, allowed: ReadonlyArray<string>): string | undefined {
  if (typeof value !== 'string') return 'must be string';
  if (!allowed.includes(value)) return 'must be equal to one of the allowed values';
  return undefined;
}

/** Paging numbers: default mode wants non-negative integers; rocketchat truncates (parseInt). */
function pagingNumber(value: unknown, key: 'count' | 'offset', mode: Mode): number | string {
  const n = coerceNumber(value);
  if (n === undefined) return 'must be number';
  if (mode === 'default') {
    if (!Number.isInteger(n)) return 'must be integer';
    if (n < 0) return 'must be >= 0';
    return n + 0; // turns -0 into 0
  }
  const truncated = Math.trunc(n) + 0;
  if (key === 'offset' && truncated < 0) return 'must be >= 0';
  if (key === 'count' && truncated < 0) return -truncated; // MongoDB limit(-n) returns n documents
  return truncated;
}

export function referenceSchema(params: Readonly<Record<string, unknown>>, mode: Mode): SchemaResult {
  const allowed = mode === 'default' ? PARAM_ORDER : PARAM_ORDER.filter((k) => k !== 'fields');
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    if (!allowed.includes(keys[i] as string)) return { ok: false, message: 'must NOT have additional properties' };
  }
  const values: SchemaValues = {};
  for (let i = 0; i < allowed.length; i++) {
    const key = allowed[i] as string;
    const value = params[key];
    if (value === undefined) continue;
    if (key === 'agents' || key === 'tags') {
      const list = stringList(value, mode);
      if (typeof list === 'string') return { ok: false, message: list };
      values[key] = list;
    } else if (key === 'open') {
      const error = enumValue(value, ['true', 'false']);
      if (error !== undefined) return { ok: false, message: error };
      values.open = value as string;
    } else if (key === 'direction') {
      const error = enumValue(value, ['inbound', 'outbound']);
      if (error !== undefined) return { ok: false, message: error };
      values.direction = value as string;
    } else if (key === 'count' || key === 'offset') {
      const n = pagingNumber(value, key, mode);
      if (typeof n === 'string') return { ok: false, message: n };
      values[key] = n;
    } else {
      if (typeof value !== 'string') return { ok: false, message: 'must be string' };
      if (key !== 'query') (values as Record<string, unknown>)[key] = value;
    }
  }
  return { ok: true, values };
}
