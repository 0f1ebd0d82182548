// Reference schema stage (docs/semantics-differences.md "Parameters"): ajv `coerceTypes: true` on the
// upstream schema restated as plain checks: unknown keys first, then each key in order; first message wins.

export type Mode = 'default' | 'rocketchat';

/** The key order in which the first failing parameter is reported. */
export const PARAM_ORDER: ReadonlyArray<string> = [
  'agents',
  'open',
  'createdAt',
  'closedAt',
  'tags',
  'queue',
  'visitorId',
  'direction',
  'roomName',
  'count',
  'offset',
  'sort',
  'query',
  'fields',
];

/** What survives the schema stage. count/offset are the coerced numbers (rocketchat: maybe non-finite or fractional). */
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

const ABSENT = Symbol('absent');
type Checked<T> = T | typeof ABSENT | { message: string };

function isMessage(x: unknown): x is { message: string } {
  return typeof x === 'object' && x !== null && !Array.isArray(x) && typeof (x as { message?: unknown }).message === 'string';
}

/** ajv number coercion: finite numbers and booleans kept, `""` absent, a string with `s == +s` becomes `+s`. */
export function coerceNumber(value: unknown): Checked<number> {
  if (value === null || value === '') return ABSENT;
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (typeof value === 'number') return Number.isFinite(value) ? value : { message: 'must be number' };
  if (typeof value === 'string') {
    const n = Number(value);
    // `s == +s` is false exactly when Number(s) is NaN. "Infinity" passes (ajv does not re-check after coercing).
    if (!Number.isNaN(n)) return n;
  }
  return { message: 'must be number' };
}

/** ajv string coercion: numbers and booleans become strings, null is absent, arrays/objects fail. */
function coerceString(value: unknown): Checked<string> {
  if (value === null) return ABSENT;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return { message: 'must be string' };
}

function coerceEnum(value: unknown, allowed: ReadonlyArray<string>): Checked<string> {
  // null is not in the enum, so it is no "absent" here.
  if (value === null) return { message: 'must be equal to one of the allowed values' };
  const s = coerceString(value);
  if (s === ABSENT || isMessage(s)) return s;
  if (!allowed.includes(s)) return { message: 'must be equal to one of the allowed values' };
  return s;
}

function coerceList(value: unknown, mode: Mode): Checked<string[]> {
  if (value === null) return ABSENT;
  if (Array.isArray(value)) {
    const out: string[] = [];
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (element === null) out.push('');
      else if (typeof element === 'string') out.push(element);
      else if (typeof element === 'number' || typeof element === 'boolean') out.push(String(element));
      else return { message: 'must be string' };
    }
    return out;
  }
  const scalar = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
  // Default mode reads a lone scalar as a one-element list (so `agents=` is [""]).
  if (mode === 'default' && scalar) return [String(value)];
  // ajv coerces "", 0 and false to null for a nullable array: absent.
  if (value === '' || value === 0 || value === false) return ABSENT;
  return { message: 'must be array' };
}

/** Default mode: finite, integer, >= 0. Rocketchat mode keeps the coerced number for the paging stage. */
function checkPaging(value: unknown, mode: Mode): Checked<number> {
  const n = coerceNumber(value);
  if (n === ABSENT || isMessage(n) || mode === 'rocketchat') return n;
  if (!Number.isFinite(n)) return { message: 'must be number' };
  if (!Number.isInteger(n)) return { message: 'must be integer' };
  if (n < 0) return { message: 'must be >= 0' };
  return n + 0; // -0 becomes 0
}

function checkKey(key: string, value: unknown, mode: Mode): Checked<unknown> {
  if (key === 'agents' || key === 'tags') return coerceList(value, mode);
  if (key === 'open') return coerceEnum(value, ['true', 'false']);
  if (key === 'direction') return coerceEnum(value, ['inbound', 'outbound']);
  if (key === 'count' || key === 'offset') return checkPaging(value, mode);
  return coerceString(value);
}

/** Edit distance by its definition (recursion over prefixes, memoised), case-insensitive. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const memo = new Map<string, number>();
  const d = (i: number, j: number): number => {
    if (i === 0) return j;
    if (j === 0) return i;
    const k = `${i},${j}`;
    const known = memo.get(k);
    if (known !== undefined) return known;
    const v = Math.min(d(i - 1, j) + 1, d(i, j - 1) + 1, d(i - 1, j - 1) + (x[i - 1] === y[j - 1] ? 0 : 1));
    memo.set(k, v);
    return v;
  };
  return d(x.length, y.length);
}

/**
 * rocketchat: ajv's words. default: `unknown parameter "<key>"` (cut to 64 characters + `…`), plus
 * ` (did you mean "<p>"?)` for the first allowed parameter at the smallest distance, if that distance is
 * at most 2 and at most half the key's length (keys longer than 64 get no suggestion).
 */
export function unknownKeyMessage(key: string, allowed: ReadonlyArray<string>, mode: Mode): string {
  if (mode === 'rocketchat') return 'must NOT have additional properties';
  const shown = key.length > 64 ? `${key.slice(0, 64)}…` : key;
  let best = '';
  let bestD = Infinity;
  if (key.length <= 64) {
    for (const p of allowed) {
      const d = distance(key, p);
      if (d < bestD) {
        best = p;
        bestD = d;
      }
    }
  }
  const hint = bestD <= 2 && 2 * bestD <= key.length ? ` (did you mean ${JSON.stringify(best)}?)` : '';
  return `unknown parameter ${JSON.stringify(shown)}${hint}`;
}

export function referenceSchema(params: Readonly<Record<string, unknown>>, mode: Mode): SchemaResult {
  const allowed = mode === 'default' ? PARAM_ORDER : PARAM_ORDER.filter((k) => k !== 'fields');
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    if (!allowed.includes(keys[i] as string)) return { ok: false, message: unknownKeyMessage(keys[i] as string, allowed, mode) };
  }
  const values: Record<string, unknown> = {};
  for (let i = 0; i < allowed.length; i++) {
    const key = allowed[i] as string;
    const value = params[key];
    if (value === undefined) continue;
    const checked = checkKey(key, value, mode);
    if (checked === ABSENT) continue;
    if (isMessage(checked)) return { ok: false, message: checked.message };
    if (key !== 'query') values[key] = checked;
  }
  return { ok: true, values: values as SchemaValues };
}
