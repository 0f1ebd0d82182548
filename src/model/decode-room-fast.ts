// The common case of validateRoom + frozenCopy in one pass: a room that is certainly valid (every
// field of VoipRoomCodec present with its exact type, no `__proto__` key anywhere) is copied, its
// dates decoded and everything frozen, as `frozenCopy(validateRoom(x).right)` would give it (same
// values, same key order). Anything else answers undefined, and the caller takes the io-ts path, which
// decides and explains; so this may only be stricter than the codec, never looser.
import { frozenCopy } from '../value/freeze-copy.js';
import { toDate } from './date-codec.js';
import type { Room } from './room.js';

type Record_ = Readonly<Record<string, unknown>>;

const isPlain = (u: unknown): u is Record_ =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype;

/** An own `__proto__` key somewhere below `u` (io-ts would turn it into a prototype). */
const hasProtoKey = (u: unknown, depth: number): boolean => {
  if (typeof u !== 'object' || u === null || u instanceof Date) return false;
  if (depth > 64) return true; // let the slow path judge
  if (Array.isArray(u)) {
    for (let i = 0; i < u.length; i++) if (hasProtoKey(u[i], depth + 1)) return true;
    return false;
  }
  if (Object.hasOwn(u, '__proto__')) return true;
  for (const key in u) if (Object.hasOwn(u, key) && hasProtoKey((u as Record_)[key], depth + 1)) return true;
  return false;
};

/** Field kinds of the codec: string, date, number, the literals, and the nested objects. */
type Kind = 'string' | 'date' | 'number' | 'v' | 'user' | 'servedBy' | 'tags' | 't' | 'direction' | 'open';

const REQUIRED_KEYS = ['_id', 't', 'name', 'ts', 'v', 'direction', 'queue', 'callStarted'] as const;
/** Every field the codec knows (required and optional), and its kind. */
const KINDS = new Map<string, Kind>([
  ['_id', 'string'],
  ['t', 't'],
  ['name', 'string'],
  ['ts', 'date'],
  ['v', 'v'],
  ['direction', 'direction'],
  ['queue', 'string'],
  ['callStarted', 'date'],
  ['open', 'open'],
  ['closedAt', 'date'],
  ['closer', 'string'],
  ['closedBy', 'user'],
  ['servedBy', 'servedBy'],
  ['tags', 'tags'],
  ['callUniqueId', 'string'],
  ['callDuration', 'number'],
  ['callWaitingTime', 'number'],
  ['callTotalHoldTime', 'number'],
  ['departmentId', 'string'],
  ['fname', 'string'],
  ['_updatedAt', 'date'],
  ['lm', 'date'],
  ['callEndedAt', 'date'],
]);
const VISITOR_REQUIRED = ['_id', 'username', 'token', 'status'] as const;
const VISITOR_STRINGS = [...VISITOR_REQUIRED, 'name'];
const VISITOR_DATES = ['lastMessageTs'];
const USER_REQUIRED = ['_id', 'username'] as const;
const NO_DATES: ReadonlyArray<string> = [];
const SERVED_BY_DATES = ['ts'];

/** Marks a value the fast path does not take. */
const NO = Symbol('no');

const frozenDate = (u: unknown): Date | typeof NO => {
  const d = toDate(u);
  return d === undefined ? NO : Object.freeze(new Date(d.getTime()));
};

/** A nested object (v, servedBy, closedBy): required strings, optional string / date fields, the rest copied. */
const nested = (u: unknown, required: ReadonlyArray<string>, strings: ReadonlyArray<string>, dates: ReadonlyArray<string>): unknown => {
  if (!isPlain(u)) return NO;
  for (const key of required) if (typeof u[key] !== 'string') return NO;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(u)) {
    const value = u[key];
    if (dates.includes(key)) {
      if (value === undefined) return NO;
      const d = frozenDate(value);
      if (d === NO) return NO;
      out[key] = d;
    } else if (strings.includes(key)) {
      if (typeof value !== 'string') return NO;
      out[key] = value;
    } else out[key] = frozenCopy(value);
  }
  return Object.freeze(out);
};

/** A frozen copy of an array of strings (a hole reads as undefined: not a string). */
const stringArray = (value: ReadonlyArray<unknown>): unknown => {
  const out = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const x = value[i];
    if (typeof x !== 'string') return NO;
    out[i] = x;
  }
  return Object.freeze(out);
};

const decodeField = (kind: Kind, value: unknown): unknown => {
  switch (kind) {
    case 'string':
      return typeof value === 'string' ? value : NO;
    case 'number':
      return typeof value === 'number' ? value : NO;
    case 'date':
      return frozenDate(value);
    case 't':
      return value === 'v' ? value : NO;
    case 'direction':
      return value === 'inbound' || value === 'outbound' ? value : NO;
    case 'open':
      return value === true ? value : NO;
    case 'tags':
      return Array.isArray(value) ? stringArray(value) : NO;
    case 'v':
      return nested(value, VISITOR_REQUIRED, VISITOR_STRINGS, VISITOR_DATES);
    case 'user':
      return nested(value, USER_REQUIRED, USER_REQUIRED, NO_DATES);
    case 'servedBy':
      return nested(value, USER_REQUIRED, USER_REQUIRED, SERVED_BY_DATES);
    default: {
      const never: never = kind;
      return never;
    }
  }
};

/** The frozen, decoded copy of a certainly valid room, or undefined (then validate the slow way). */
export const decodeRoomFast = (x: unknown): Room | undefined => {
  if (!isPlain(x) || Object.getOwnPropertySymbols(x).length > 0 || hasProtoKey(x, 0)) return undefined;
  for (const key of REQUIRED_KEYS) if (!Object.hasOwn(x, key)) return undefined;
  const keys = Object.keys(x);
  // Spread keeps V8's fast properties on wide objects (as frozenCopy does); fields are replaced in place.
  const out: Record<string, unknown> = { ...x };
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    const value = out[key];
    const kind = KINDS.get(key);
    if (kind === undefined) {
      if (typeof value === 'object' && value !== null) out[key] = frozenCopy(value);
      continue;
    }
    const decoded = decodeField(kind, value);
    if (decoded === NO) return undefined;
    out[key] = decoded;
  }
  return Object.freeze(out) as Room;
};
