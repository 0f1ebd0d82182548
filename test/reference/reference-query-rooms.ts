// Reference implementation of GET /api/v1/voip/rooms, naive and written from the spec and
// docs/semantics-differences.md only: validate in each mode's check order, scope, filter, sort, page, project.

import type { Principal } from '../../src/auth/principal.js';
import type { Room } from '../../src/model/room.js';
import { referenceCompare } from './reference-compare.js';
import {
  referenceParseDateRange,
  referenceParseFields,
  referenceParseSort,
  type DateRange,
  type FieldsSpec,
  type SortSpec,
} from './reference-json-params.js';
import { referenceMatches, type ReferenceFilter } from './reference-match.js';
import { valueAt } from './reference-path.js';
import { referenceProject } from './reference-project.js';
import { referenceSchema, type Mode, type SchemaValues } from './reference-schema.js';

export { referenceCompare } from './reference-compare.js';

export interface ReferenceOptions {
  mode: Mode;
  paging?: Partial<{ defaultCount: number; maxCount: number; allowInfiniteCount: boolean }>;
  permissions?: Record<string, readonly string[]>;
}

export type ReferencePage = { rooms: Room[]; count: number; offset: number; total: number };
export type ReferenceResult = { ok: true; page: ReferencePage } | { ok: false; status: number; body: unknown };

export const REFERENCE_DEFAULT_PERMISSIONS: Record<string, readonly string[]> = {
  'view-livechat-rooms': ['admin', 'livechat-manager', 'livechat-monitor'],
  'view-l-room': ['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent'],
};

type Failure = { ok: false; status: number; body: unknown };

const invalidParams = (message: string): Failure => ({
  ok: false,
  status: 400,
  body: { success: false, error: `${message} [invalid-params]`, errorType: 'invalid-params' },
});
const invalidSort = (raw: string): Failure => ({
  ok: false,
  status: 400,
  body: { success: false, error: `Invalid sort parameter provided: "${raw}" [error-invalid-sort]`, errorType: 'error-invalid-sort' },
});
const invalidFields = (raw: string): Failure => ({
  ok: false,
  status: 400,
  body: { success: false, error: `Invalid fields parameter provided: "${raw}" [error-invalid-fields]`, errorType: 'error-invalid-fields' },
});
const invalidDate = (path: string): Failure => ({
  ok: false,
  status: 400,
  body: { success: false, error: `The "${path}" query parameter must be a valid date.` },
});
const invalidDateJson = (param: string): Failure => ({
  ok: false,
  status: 400,
  body: { success: false, error: `The "${param}" query parameter must be a valid JSON object.` },
});
const unauthorized: Failure = { ok: false, status: 403, body: { success: false, error: 'unauthorized' } };
const missingPermission: Failure = {
  ok: false,
  status: 403,
  body: { success: false, error: 'User does not have the permissions required for this action [error-unauthorized]' },
};

function hasPermission(principal: Principal, permission: string, table: Record<string, readonly string[]>): boolean {
  const roles = Object.hasOwn(table, permission) ? (table[permission] ?? []) : [];
  for (let i = 0; i < principal.roles.length; i++) {
    if (roles.includes(principal.roles[i] as string)) return true;
  }
  return false;
}

/** 403 check: the scope agent id when the caller is an agent, `null` when unrestricted, or the failure. */
function authorize(values: SchemaValues, principal: Principal, options: ReferenceOptions): string | null | Failure {
  const table = options.permissions ?? REFERENCE_DEFAULT_PERMISSIONS;
  if (hasPermission(principal, 'view-livechat-rooms', table)) return null;
  const canViewOwn = hasPermission(principal, 'view-l-room', table);
  const agents = values.agents ?? [];
  if (canViewOwn && agents.length === 1 && agents[0] === principal._id) return principal._id;
  if (options.mode === 'default' && !canViewOwn) return missingPermission;
  return unauthorized;
}

/** createdAt then closedAt, each: JSON object, then start, then end. */
function parseDates(values: SchemaValues): { createdAt?: DateRange; closedAt?: DateRange } | Failure {
  const out: { createdAt?: DateRange; closedAt?: DateRange } = {};
  const names: Array<'createdAt' | 'closedAt'> = ['createdAt', 'closedAt'];
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const raw = values[name];
    if (raw === undefined) continue;
    const parsed = referenceParseDateRange(raw);
    if (!parsed.ok && parsed.kind === 'json') return invalidDateJson(name);
    if (!parsed.ok && parsed.kind === 'date') return invalidDate(`${name}.${parsed.bound}`);
    if (parsed.ok) out[name] = parsed.range;
  }
  return out;
}

function isFailure(x: unknown): x is Failure {
  return typeof x === 'object' && x !== null && (x as { ok?: unknown }).ok === false;
}

function buildFilter(
  values: SchemaValues,
  mode: Mode,
  scope: string | null,
  dates: { createdAt?: DateRange; closedAt?: DateRange },
): ReferenceFilter {
  const filter: ReferenceFilter = {};
  // An empty list is no filter in default mode, upstream's `$in: []` (nothing) in rocketchat mode.
  if (values.agents !== undefined && (values.agents.length > 0 || mode === 'rocketchat')) filter.agents = values.agents;
  if (scope !== null) filter.scopeAgentId = scope;
  if (values.open !== undefined) filter.openPresent = values.open === 'true';
  else if (mode === 'rocketchat') filter.openPresent = false; // upstream passes open === 'true'
  if (dates.createdAt !== undefined) filter.createdAt = dates.createdAt;
  if (dates.closedAt !== undefined) filter.closedAt = dates.closedAt;
  if (values.tags !== undefined && (values.tags.length > 0 || mode === 'rocketchat')) filter.tags = values.tags;
  if (values.queue !== undefined && values.queue !== '') filter.queue = values.queue;
  if (values.visitorId !== undefined && values.visitorId !== '' && values.visitorId !== 'undefined') {
    filter.visitorId = values.visitorId;
  }
  if (values.direction !== undefined) filter.direction = values.direction;
  if (values.roomName !== undefined && values.roomName !== '') filter.roomName = values.roomName;
  return filter;
}

/** Sort keys in order, then `_id` ascending unless `_id` is already a key. */
function compareRooms(a: Room, b: Room, sort: SortSpec): number {
  let hasId = false;
  for (let i = 0; i < sort.length; i++) {
    const key = sort[i]!;
    if (key.path === '_id') hasId = true;
    const c = referenceCompare(valueAt(a, key.path), valueAt(b, key.path));
    if (c !== 0) return c * key.direction;
  }
  if (hasId) return 0;
  return referenceCompare(valueAt(a, '_id'), valueAt(b, '_id'));
}

function sortRooms(rooms: Room[], sort: SortSpec): Room[] {
  // Insertion sort: obviously stable, and n is small in tests.
  const out: Room[] = [];
  for (let i = 0; i < rooms.length; i++) {
    const room = rooms[i]!;
    let at = out.length;
    while (at > 0 && compareRooms(out[at - 1]!, room, sort) > 0) at--;
    out.splice(at, 0, room);
  }
  return out;
}

/** Upstream's `parseInt(String(n))` on the coerced number; NaN for non-finite numbers. */
function parseIntLike(n: number): number {
  return parseInt(String(n), 10) + 0; // + 0 turns -0 into 0
}

/** rocketchat mode: truncated offset, non-finite means 0 (negative is refused by the caller). */
function resolveOffset(values: SchemaValues, mode: Mode): number {
  if (values.offset === undefined) return 0;
  if (mode === 'default') return values.offset;
  const n = parseIntLike(values.offset);
  return Number.isNaN(n) ? 0 : n;
}

/** How many rooms a page holds: Infinity for "all". */
function pageSize(values: SchemaValues, options: ReferenceOptions): number {
  const defaultCount = options.paging?.defaultCount ?? 50;
  const maxCount = options.paging?.maxCount ?? 100;
  const allowInfinite = options.paging?.allowInfiniteCount ?? options.mode === 'rocketchat';
  let count: number = values.count ?? defaultCount;
  if (values.count !== undefined && options.mode === 'rocketchat') {
    const n = parseIntLike(values.count);
    // Non-finite: the default; negative: MongoDB limit(-n) returns n documents.
    count = Number.isNaN(n) ? defaultCount : Math.abs(n);
  }
  if (count === 0) count = allowInfinite ? Infinity : defaultCount;
  if (count !== Infinity && count > maxCount) count = maxCount;
  return count;
}

export function referenceQueryRooms(
  rooms: ReadonlyArray<Room>,
  params: Readonly<Record<string, unknown>>,
  principal: Principal,
  options: ReferenceOptions,
): ReferenceResult {
  const mode = options.mode;
  const schema = referenceSchema(params, mode);
  if (!schema.ok) return invalidParams(schema.message);
  const values = schema.values;

  let sort: SortSpec = [];
  if (values.sort !== undefined) {
    const parsed = referenceParseSort(values.sort);
    if (parsed === undefined) return invalidSort(values.sort);
    sort = parsed;
  }
  if (sort.length === 0) sort = [{ path: 'ts', direction: -1 }];

  let fields: FieldsSpec = [];
  if (mode === 'default' && values.fields !== undefined) {
    const parsed = referenceParseFields(values.fields);
    if (parsed === undefined) return invalidFields(values.fields);
    fields = parsed;
  }

  // rocketchat mode: a negative offset is a clean 400, after the sort check and before the 403.
  const offset = resolveOffset(values, mode);
  if (offset < 0) return invalidParams('must be >= 0');

  // Default mode: dates before the 403; rocketchat mode: 403 first, like upstream.
  let dates: ReturnType<typeof parseDates>;
  let scope: ReturnType<typeof authorize>;
  if (mode === 'default') {
    dates = parseDates(values);
    if (isFailure(dates)) return dates;
    scope = authorize(values, principal, options);
    if (isFailure(scope)) return scope;
  } else {
    scope = authorize(values, principal, options);
    if (isFailure(scope)) return scope;
    dates = parseDates(values);
    if (isFailure(dates)) return dates;
  }

  const filter = buildFilter(values, mode, scope, dates);
  const matched: Room[] = [];
  for (let i = 0; i < rooms.length; i++) {
    if (referenceMatches(rooms[i], filter)) matched.push(rooms[i]!);
  }
  const sorted = sortRooms(matched, sort);
  const size = pageSize(values, options);
  const page: Room[] = [];
  for (let i = offset; i < sorted.length && page.length < size; i++) {
    page.push(referenceProject(sorted[i] as Record<string, unknown>, fields));
  }
  return { ok: true, page: { rooms: page, count: page.length, offset, total: matched.length } };
}
