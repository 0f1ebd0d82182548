// Reference schema stage for livechat/rooms: ajv `coerceTypes: true` on the 6.13 schema restated as plain
// checks (unknown keys first, then each key in schema order, first failure wins), plus default mode's additions.

import { coerceNumber, unknownKeyMessage, type Mode } from '../reference-schema.js';

/** 6.13 schema property order; default mode appends `units` (7.4+). */
export const LIVECHAT_PARAM_ORDER: ReadonlyArray<string> = [
  'count',
  'offset',
  'sort',
  'query',
  'fields',
  'createdAt',
  'customFields',
  'closedAt',
  'agents',
  'roomName',
  'departmentId',
  'open',
  'onhold',
  'queued',
  'tags',
];
export const LIVECHAT_DEFAULT_PARAM_ORDER: ReadonlyArray<string> = [...LIVECHAT_PARAM_ORDER, 'units'];

/** What survives the schema stage; `null`, and what ajv coerces to null, are left out. */
export interface LivechatValues {
  count?: number;
  offset?: number;
  sort?: string;
  query?: string;
  fields?: string;
  createdAt?: string;
  customFields?: string;
  closedAt?: string;
  agents?: string[];
  roomName?: string;
  /** A string in rocketchat mode; a string or a list in default mode. */
  departmentId?: string | string[];
  open?: string;
  onhold?: string;
  queued?: string;
  tags?: string[];
  units?: string[];
}

export interface LivechatLimits {
  maxListLength: number;
  maxParamLength: number;
}
export const LIVECHAT_DEFAULT_LIMITS: LivechatLimits = { maxListLength: 500, maxParamLength: 8192 };

export type LivechatSchemaResult = { ok: true; values: LivechatValues } | { ok: false; message: string };

type Checked = { ok: true; value: unknown } | { ok: true; absent: true } | { ok: false; message: string };
const absent: Checked = { ok: true, absent: true };
const fail = (message: string): Checked => ({ ok: false, message });
const keep = (value: unknown): Checked => ({ ok: true, value });

/** ajv string coercion (nullable): null absent, numbers/booleans to strings, arrays/objects fail. */
function checkString(value: unknown): Checked {
  if (value === null) return absent;
  if (typeof value === 'string') return keep(value);
  if (typeof value === 'number' || typeof value === 'boolean') return keep(String(value));
  return fail('must be string');
}

/** anyOf [string|null, boolean|null]: the string branch coerces every scalar, so only arrays/objects fail (all three messages). */
function checkStringOrBoolean(value: unknown): Checked {
  const s = checkString(value);
  if (s.ok) return s;
  return fail('must be string\n must be boolean\n must match a schema in anyOf');
}

/** Items of a string list: numbers/booleans to strings, null to "", arrays/objects fail. */
function listItems(value: ReadonlyArray<unknown>): Checked {
  const out: string[] = [];
  for (let i = 0; i < value.length; i++) {
    const element: unknown = value[i];
    if (element === null) out.push('');
    else if (typeof element === 'string') out.push(element);
    else if (typeof element === 'number' || typeof element === 'boolean') out.push(String(element));
    else return fail('must be string');
  }
  return keep(out);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Nullable string array; default mode also reads a lone scalar as a one-element list. */
function checkList(value: unknown, mode: Mode): Checked {
  if (value === null) return absent;
  if (Array.isArray(value)) return listItems(value);
  if (mode === 'default' && isScalar(value)) return keep([String(value)]);
  // ajv coerces "", 0 and false to null for a nullable array: absent.
  if (value === '' || value === 0 || value === false) return absent;
  return fail('must be array');
}

/** Default mode: one string or a list of strings; anything else is the string branch's message. */
function checkDepartment(value: unknown, mode: Mode): Checked {
  if (mode === 'default' && Array.isArray(value)) return listItems(value);
  return checkString(value);
}

/** Nullable number; default mode then wants a finite integer >= 0 (checked in that order). */
function checkPaging(value: unknown, mode: Mode): Checked {
  const n = coerceNumber(value);
  if (typeof n === 'symbol') return absent;
  if (typeof n === 'object') return fail(n.message);
  if (mode === 'rocketchat') return keep(n);
  if (!Number.isFinite(n)) return fail('must be number');
  if (!Number.isInteger(n)) return fail('must be integer');
  if (n < 0) return fail('must be >= 0');
  return keep(n + 0); // -0 becomes 0
}

function checkKey(key: string, value: unknown, mode: Mode): Checked {
  switch (key) {
    case 'count':
    case 'offset':
      return checkPaging(value, mode);
    case 'agents':
    case 'tags':
    case 'units':
      return checkList(value, mode);
    case 'departmentId':
      return checkDepartment(value, mode);
    case 'open':
    case 'onhold':
    case 'queued':
      return checkStringOrBoolean(value);
    default:
      return checkString(value);
  }
}

/** Our input limits, ajv-style messages: list lengths, then string lengths (`maxParamLength`). */
function overLimit(value: unknown, limits: LivechatLimits): string | undefined {
  if (Array.isArray(value) && value.length > limits.maxListLength) return `must NOT have more than ${limits.maxListLength} items`;
  if (typeof value === 'string' && value.length > limits.maxParamLength)
    return `must NOT have more than ${limits.maxParamLength} characters`;
  return undefined;
}

export function referenceLivechatSchema(
  params: Readonly<Record<string, unknown>>,
  mode: Mode,
  limits: LivechatLimits = LIVECHAT_DEFAULT_LIMITS,
): LivechatSchemaResult {
  const allowed = mode === 'default' ? LIVECHAT_DEFAULT_PARAM_ORDER : LIVECHAT_PARAM_ORDER;
  const keys = Object.keys(params);
  for (let i = 0; i < keys.length; i++) {
    // As voip's default mode at merge time (the contract): the key named, a likely typo suggested.
    if (!allowed.includes(keys[i] as string)) return { ok: false, message: unknownKeyMessage(keys[i] as string, allowed, mode) };
  }
  const values: Record<string, unknown> = {};
  for (let i = 0; i < allowed.length; i++) {
    const key = allowed[i] as string;
    if (!Object.hasOwn(params, key) || params[key] === undefined) continue;
    const checked = checkKey(key, params[key], mode);
    if (!checked.ok) return { ok: false, message: checked.message };
    if ('absent' in checked) continue;
    const tooBig = overLimit(checked.value, limits);
    if (tooBig !== undefined) return { ok: false, message: tooBig };
    values[key] = checked.value;
  }
  return { ok: true, values: values as LivechatValues };
}
