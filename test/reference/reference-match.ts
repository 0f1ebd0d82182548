// Reference filter: one naive predicate per request parameter, MongoDB semantics as pinned down in
// docs/semantics-differences.md "Matching". A room matches when every given filter matches.

import { isPlainObject, readPath } from './reference-path.js';

/** The filters of a validated request; undefined means "no filter on this". */
export interface ReferenceFilter {
  /** An empty list matches nothing here (rocketchat's `$in: []`); default mode leaves it out instead. */
  agents?: string[];
  /** Required servedBy._id for an agent-scoped caller (strict string equality). */
  scopeAgentId?: string;
  /** true: field `open` must be present; false: it must be absent. */
  openPresent?: boolean;
  createdAt?: { start?: number; end?: number };
  closedAt?: { start?: number; end?: number };
  /** Like agents: an empty list matches nothing. */
  tags?: string[];
  queue?: string;
  visitorId?: string;
  direction?: string;
  roomName?: string;
}

/** Equality/$in on strings: a string equal to a wanted one, or an array holding such a string. */
function matchesAnyString(doc: unknown, path: string, wanted: ReadonlyArray<string>): boolean {
  const read = readPath(doc, path);
  if (!read.found) return false;
  const value = read.value;
  if (typeof value === 'string') return wanted.includes(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'string' && wanted.includes(element)) return true;
    }
  }
  return false;
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

function matchesRange(doc: unknown, path: string, range: { start?: number; end?: number }): boolean {
  const read = readPath(doc, path);
  const start = range.start;
  const end = range.end;
  // $gte and $lte are checked separately (an array may satisfy each with a different element).
  if (start !== undefined && !someDate(read.value, (t) => t >= start)) return false;
  if (end !== undefined && !someDate(read.value, (t) => t <= end)) return false;
  return true;
}

/** Regex-escape every metacharacter so the room name is searched literally. */
export function escapeRegExp(text: string): string {
  let out = '';
  const special = '\\^$.*+?()[]{}|/-';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    out += special.includes(ch) ? '\\' + ch : ch;
  }
  return out;
}

function matchesName(doc: unknown, roomName: string): boolean {
  const regex = new RegExp(escapeRegExp(roomName), 'i');
  const read = readPath(doc, 'name');
  const value = read.value;
  if (typeof value === 'string') return regex.test(value);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const element: unknown = value[i];
      if (typeof element === 'string' && regex.test(element)) return true;
    }
  }
  return false;
}

/** True when the room passes the type check and every given filter. */
export function referenceMatches(room: unknown, filter: ReferenceFilter): boolean {
  if (!isPlainObject(room)) return false;
  // MongoDB equality: 'v', or an array holding 'v'.
  const t = room['t'];
  if (t !== 'v' && !(Array.isArray(t) && t.includes('v'))) return false;
  if (filter.agents !== undefined) {
    const byId = matchesAnyString(room, 'servedBy._id', filter.agents);
    const byUsername = matchesAnyString(room, 'servedBy.username', filter.agents);
    if (!byId && !byUsername) return false;
  }
  if (filter.scopeAgentId !== undefined) {
    // Strict equality: the invariant says the caller only ever sees rooms it served.
    if (readPath(room, 'servedBy._id').value !== filter.scopeAgentId) return false;
  }
  if (filter.openPresent !== undefined) {
    if (Object.hasOwn(room, 'open') !== filter.openPresent) return false;
  }
  if (filter.createdAt !== undefined && !matchesRange(room, 'ts', filter.createdAt)) return false;
  if (filter.closedAt !== undefined && !matchesRange(room, 'closedAt', filter.closedAt)) return false;
  if (filter.tags !== undefined) {
    if (!matchesAnyString(room, 'tags', filter.tags)) return false;
  }
  if (filter.queue !== undefined && !matchesAnyString(room, 'queue', [filter.queue])) return false;
  if (filter.visitorId !== undefined && !matchesAnyString(room, 'v._id', [filter.visitorId])) return false;
  if (filter.direction !== undefined && !matchesAnyString(room, 'direction', [filter.direction])) return false;
  if (filter.roomName !== undefined && !matchesName(room, filter.roomName)) return false;
  return true;
}
