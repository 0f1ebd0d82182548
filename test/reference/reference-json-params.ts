// Reference parsing of the JSON-valued parameters: sort, fields and the createdAt/closedAt ranges
// (docs/semantics-differences.md). Each returns a value or the reason it is a 400.

export type SortSpec = Array<{ path: string; direction: 1 | -1 }>;
export type FieldsSpec = Array<{ path: string; value: 0 | 1 }>;
export type DateRange = { start?: number; end?: number };

function parseJson(raw: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(raw) as unknown };
  } catch {
    return { ok: false };
  }
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Empty keys, `$` operators and empty path segments (`a..b`, `a.`) are refused. */
function badKey(key: string): boolean {
  if (key === '' || key.startsWith('$')) return true;
  const segments = key.split('.');
  for (let i = 0; i < segments.length; i++) if (segments[i] === '') return true;
  return false;
}

/** `undefined` when the sort is invalid; `[]` for `{}` (the caller then uses the default sort). */
export function referenceParseSort(raw: string): SortSpec | undefined {
  const parsed = parseJson(raw);
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const out: SortSpec = [];
  const keys = Object.keys(parsed.value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = parsed.value[key];
    if (badKey(key)) return undefined;
    if (value !== 1 && value !== -1) return undefined;
    out.push({ path: key, direction: value });
  }
  return out;
}

/** `undefined` when the projection is invalid; `[]` for `{}` (all fields). */
export function referenceParseFields(raw: string): FieldsSpec | undefined {
  const parsed = parseJson(raw);
  if (!parsed.ok || !isJsonObject(parsed.value)) return undefined;
  const out: FieldsSpec = [];
  const keys = Object.keys(parsed.value);
  let ones = 0;
  let zerosBesidesId = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = parsed.value[key];
    if (badKey(key)) return undefined;
    if (value !== 0 && value !== 1) return undefined;
    if (value === 1 && key !== '_id') ones++;
    if (value === 0 && key !== '_id') zerosBesidesId++;
    out.push({ path: key, value });
  }
  // Inclusion and exclusion cannot be mixed; `_id` may be 0 or 1 in either kind (MongoDB's exception).
  if (ones > 0 && zerosBesidesId > 0) return undefined;
  // No path may be a (dot-separated) prefix of another: {"v":1,"v._id":1}.
  for (let i = 0; i < keys.length; i++) {
    for (let j = 0; j < keys.length; j++) {
      if (i !== j && (keys[j] as string).startsWith((keys[i] as string) + '.')) return undefined;
    }
  }
  return out;
}

export type DateResult = { ok: true; range: DateRange } | { ok: false; kind: 'json' } | { ok: false; kind: 'date'; bound: 'start' | 'end' };

function parseBound(value: unknown): { ok: true; time?: number } | { ok: false } {
  // Absent, null or "" mean "no bound"; any other non-string is not a date.
  if (value === undefined || value === null || value === '') return { ok: true };
  if (typeof value !== 'string') return { ok: false };
  const time = Date.parse(value);
  if (Number.isNaN(time)) return { ok: false };
  return { ok: true, time };
}

/** createdAt/closedAt: `""`, `null` or a JSON object with optional start/end, start checked before end. */
export function referenceParseDateRange(raw: string): DateResult {
  if (raw === '') return { ok: true, range: {} };
  const parsed = parseJson(raw);
  if (parsed.ok && parsed.value === null) return { ok: true, range: {} };
  if (!parsed.ok || !isJsonObject(parsed.value)) return { ok: false, kind: 'json' };
  const obj = parsed.value;
  const start = parseBound(Object.hasOwn(obj, 'start') ? obj['start'] : undefined);
  if (!start.ok) return { ok: false, kind: 'date', bound: 'start' };
  const end = parseBound(Object.hasOwn(obj, 'end') ? obj['end'] : undefined);
  if (!end.ok) return { ok: false, kind: 'date', bound: 'end' };
  const range: DateRange = {};
  if (start.time !== undefined) range.start = start.time;
  if (end.time !== undefined) range.end = end.time;
  return { ok: true, range };
}
