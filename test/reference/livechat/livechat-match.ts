// Reference livechat filter: one naive MongoDB-semantics predicate per condition of upstream's query
// (spec §2, §3, §5 "Query"); a room matches when it is `t: 'l'` and passes every condition given.

import { escapeRegExp } from '../reference-match.js';
import { isPlainObject, readPath } from '../reference-path.js';
import { referenceCustomFieldsMatch, type CustomFieldMatcher } from './livechat-custom-fields.js';
import type { DateFilter } from './livechat-dates.js';
import type { MonitorScope } from './livechat-scope.js';

export interface LivechatFilter {
  /** `$in` on servedBy._id (and on servedBy.username in rocketchat mode); an empty list matches nothing. */
  agents?: { ids: string[]; byUsername: boolean };
  /** Agent-scoped caller: servedBy._id must be exactly this string. */
  scopeAgentId?: string;
  /** EE monitor scope (never dropped, whatever customFields says). */
  monitor?: MonitorScope;
  /** EE unscoped caller with `units`: departmentAncestors `$in`. */
  ancestorsIn?: string[];
  roomName?: { exact: boolean; text: string };
  departmentIds?: string[];
  /** `exists`/`absent`: $exists; `true`: equals true. */
  open?: 'exists' | 'absent' | 'true';
  servedBy?: 'exists' | 'absent';
  /** `notTrue`: $ne true; `true`: equals true. */
  onHold?: 'notTrue' | 'true';
  createdAt?: DateFilter;
  closedAt?: DateFilter;
  tags?: string[];
  customFields?: CustomFieldMatcher[];
}

/** MongoDB equality / `$in` against strings: a wanted string, or an array holding one. */
function equalsAny(room: unknown, path: string, wanted: ReadonlyArray<string>): boolean {
  const read = readPath(room, path);
  if (!read.found) return false;
  if (typeof read.value === 'string') return wanted.includes(read.value);
  if (Array.isArray(read.value)) {
    for (let i = 0; i < read.value.length; i++) {
      const element: unknown = read.value[i];
      if (typeof element === 'string' && wanted.includes(element)) return true;
    }
  }
  return false;
}

/** MongoDB `{path: true}`: the value true, or an array holding true. */
function equalsTrue(room: unknown, path: string): boolean {
  const value = readPath(room, path).value;
  return value === true || (Array.isArray(value) && value.includes(true));
}

function exists(room: unknown, path: string): boolean {
  return readPath(room, path).found;
}

function isValidDate(value: unknown): value is Date {
  return value instanceof Date && !Number.isNaN(value.getTime());
}

/** One side of a range: the value (or some array element) is a valid Date passing `test`. */
function someDate(value: unknown, test: (time: number) => boolean): boolean {
  if (isValidDate(value)) return test(value.getTime());
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (isValidDate(element) && test(element.getTime())) return true;
    }
  }
  return false;
}

function matchesDate(room: unknown, path: string, filter: DateFilter): boolean {
  if (filter.kind === 'none') return false;
  const value = readPath(room, path).value;
  const { start, end } = filter;
  if (start !== undefined && !someDate(value, (t) => t >= start)) return false;
  if (end !== undefined && !someDate(value, (t) => t <= end)) return false;
  return true;
}

function matchesRoomName(room: unknown, roomName: { exact: boolean; text: string }): boolean {
  if (roomName.exact) return equalsAny(room, 'fname', [roomName.text]);
  const regex = new RegExp(escapeRegExp(roomName.text), 'i'); // escaped: linear on V8
  const value = readPath(room, 'fname').value;
  if (typeof value === 'string') return regex.test(value);
  if (Array.isArray(value)) return value.some((v: unknown) => typeof v === 'string' && regex.test(v));
  return false;
}

export function referenceLivechatMatches(room: unknown, f: LivechatFilter): boolean {
  if (!isPlainObject(room)) return false;
  if (!equalsAny(room, 't', ['l'])) return false;
  if (f.scopeAgentId !== undefined && readPath(room, 'servedBy._id').value !== f.scopeAgentId) return false;
  if (f.monitor !== undefined) {
    const byAncestor = equalsAny(room, 'departmentAncestors', f.monitor.ancestors);
    if (!byAncestor && !equalsAny(room, 'departmentId', f.monitor.departmentIds)) return false;
  }
  if (f.ancestorsIn !== undefined && !equalsAny(room, 'departmentAncestors', f.ancestorsIn)) return false;
  if (f.agents !== undefined) {
    const byId = equalsAny(room, 'servedBy._id', f.agents.ids);
    if (!byId && !(f.agents.byUsername && equalsAny(room, 'servedBy.username', f.agents.ids))) return false;
  }
  if (f.roomName !== undefined && !matchesRoomName(room, f.roomName)) return false;
  if (f.departmentIds !== undefined && !equalsAny(room, 'departmentId', f.departmentIds)) return false;
  if (f.open === 'exists' && !exists(room, 'open')) return false;
  if (f.open === 'absent' && exists(room, 'open')) return false;
  if (f.open === 'true' && !equalsTrue(room, 'open')) return false;
  if (f.servedBy === 'exists' && !exists(room, 'servedBy')) return false;
  if (f.servedBy === 'absent' && exists(room, 'servedBy')) return false;
  if (f.onHold === 'notTrue' && equalsTrue(room, 'onHold')) return false;
  if (f.onHold === 'true' && !equalsTrue(room, 'onHold')) return false;
  if (f.createdAt !== undefined && !matchesDate(room, 'ts', f.createdAt)) return false;
  if (f.closedAt !== undefined && !matchesDate(room, 'closedAt', f.closedAt)) return false;
  if (f.tags !== undefined && !equalsAny(room, 'tags', f.tags)) return false;
  if (f.customFields !== undefined && !referenceCustomFieldsMatch(room, f.customFields)) return false;
  return true;
}
