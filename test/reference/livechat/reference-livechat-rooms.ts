// Reference implementation of GET /api/v1/livechat/rooms, naive and written from the livechat spec and the
// shared contract only: checks in spec §4's order (both modes), scope, filter, sort, page, project, departments.

import type { Principal } from '../../../src/auth/principal.js';
import type { Room } from '../../../src/model/room.js';
import { referenceProject } from '../reference-project.js';
import type { ReferenceOptions, ReferencePage, ReferenceResult } from '../reference-query-rooms.js';
import type { Mode } from '../reference-schema.js';
import { referenceCompileCustomFields, referenceParseCustomFields } from './livechat-custom-fields.js';
import { referenceLivechatDate } from './livechat-dates.js';
import { referenceAttachDepartment } from './livechat-departments.js';
import { invalidParams, isFailure } from './livechat-errors.js';
import { referenceLivechatJsonQuery } from './livechat-json-query.js';
import { referenceLivechatMatches, type LivechatFilter } from './livechat-match.js';
import { referenceOffset, referencePageSize, referenceSortRooms } from './livechat-page.js';
import { LIVECHAT_DEFAULT_LIMITS, referenceLivechatSchema, type LivechatLimits, type LivechatValues } from './livechat-schema.js';
import { isEnterprise, isScopedMonitor, referenceLivechatAuthorize, referenceMonitorScope, type Omnichannel } from './livechat-scope.js';

export type { Omnichannel } from './livechat-scope.js';
export type { ReferencePage, ReferenceResult } from '../reference-query-rooms.js';

export interface LivechatReferenceOptions extends ReferenceOptions {
  /** As voip's `limits`; `maxParameters` only bounds query strings, which the reference never splits. */
  limits?: Partial<LivechatLimits & { maxParameters: number }>;
  omnichannel?: Omnichannel;
}

/** Fields removed from every returned livechat room: none (upstream returns whole documents; voip's list does not apply). */
export const LIVECHAT_NEVER_RETURNED: ReadonlyArray<string> = [];

const TRUTHY = ['t', 'true', '1'];

/** Default mode: one id or a list; "" and "undefined" mean nothing; an empty result is no filter. */
function departmentList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  const kept = list.filter((id) => id !== '' && id !== 'undefined');
  return kept.length === 0 ? undefined : kept;
}

function buildFilter(
  values: LivechatValues,
  mode: Mode,
  principal: Principal,
  scopeAgentId: string | null,
  omnichannel: Omnichannel | undefined,
): LivechatFilter {
  const f: LivechatFilter = {};
  // An empty list is upstream's `$in: []` in rocketchat mode, no filter in default mode (as voip).
  if (values.agents !== undefined && (values.agents.length > 0 || mode === 'rocketchat')) {
    f.agents = { ids: values.agents, byUsername: mode === 'rocketchat' };
  }
  if (scopeAgentId !== null) f.scopeAgentId = scopeAgentId;
  const units = values.units !== undefined && values.units.length > 0 ? values.units : undefined;
  if (omnichannel !== undefined && isScopedMonitor(principal, omnichannel))
    f.monitor = referenceMonitorScope(principal, omnichannel, units);
  else if (isEnterprise(omnichannel) && units !== undefined) f.ancestorsIn = units;
  if (values.roomName !== undefined && values.roomName !== '') {
    const r = values.roomName;
    const quoted = mode === 'default' && r.length >= 2 && r.startsWith('"') && r.endsWith('"');
    f.roomName = quoted ? { exact: true, text: r.slice(1, -1) } : { exact: false, text: r };
  }
  const departments = departmentList(values.departmentId);
  if (departments !== undefined) f.departmentIds = departments;
  if (values.open === 'true') {
    f.open = 'exists';
    f.servedBy = 'exists';
    f.onHold = 'notTrue';
  }
  if (values.open === 'false') {
    f.open = 'absent';
    f.onHold = 'notTrue';
  }
  if (values.onhold !== undefined && TRUTHY.includes(values.onhold)) f.onHold = 'true';
  if (values.queued !== undefined && TRUTHY.includes(values.queued)) {
    f.servedBy = 'absent';
    f.open = 'true';
    f.onHold = 'notTrue';
  }
  if (values.tags !== undefined && (values.tags.length > 0 || mode === 'rocketchat')) f.tags = values.tags;
  return f;
}

export function referenceLivechatRooms(
  rooms: ReadonlyArray<Room>,
  params: Readonly<Record<string, unknown>>,
  principal: Principal,
  options: LivechatReferenceOptions,
): ReferenceResult {
  const mode = options.mode;
  const schema = referenceLivechatSchema(params, mode, {
    maxListLength: options.limits?.maxListLength ?? LIVECHAT_DEFAULT_LIMITS.maxListLength,
    maxParamLength: options.limits?.maxParamLength ?? LIVECHAT_DEFAULT_LIMITS.maxParamLength,
  });
  if (!schema.ok) return invalidParams(schema.message);
  const values = schema.values;

  const json = referenceLivechatJsonQuery(values, mode);
  if (isFailure(json)) return json;

  // rocketchat mode: a negative offset (after parseInt) is our clean 400, after parseJsonQuery, as voip.
  const offset = referenceOffset(values.offset, mode);
  if (offset < 0) return invalidParams('must be >= 0');

  const createdAt = referenceLivechatDate('createdAt', values.createdAt, mode);
  if (isFailure(createdAt)) return createdAt;
  const closedAt = referenceLivechatDate('closedAt', values.closedAt, mode);
  if (isFailure(closedAt)) return closedAt;

  const scope = referenceLivechatAuthorize(values.agents, principal, mode, options.permissions);
  if (isFailure(scope)) return scope;

  const entries = referenceParseCustomFields(values.customFields);
  if (isFailure(entries)) return entries;
  const matchers = entries === undefined ? undefined : referenceCompileCustomFields(entries);
  if (isFailure(matchers)) return matchers;

  const filter = buildFilter(values, mode, principal, scope, options.omnichannel);
  if (createdAt !== undefined) filter.createdAt = createdAt;
  if (closedAt !== undefined) filter.closedAt = closedAt;
  if (matchers !== undefined) filter.customFields = matchers;

  const matched: Room[] = [];
  for (let i = 0; i < rooms.length; i++) if (referenceLivechatMatches(rooms[i], filter)) matched.push(rooms[i]!);
  const sorted = referenceSortRooms(matched, json.sort);
  const size = referencePageSize(values.count, mode, options.paging);
  const page: Room[] = [];
  for (let i = offset; i < sorted.length && page.length < size; i++) {
    const projected = referenceProject(sorted[i] as Record<string, unknown>, json.fields, LIVECHAT_NEVER_RETURNED);
    page.push(referenceAttachDepartment(projected, options.omnichannel));
  }
  const result: ReferencePage = { rooms: page, count: page.length, offset, total: matched.length };
  return { ok: true, page: result };
}
