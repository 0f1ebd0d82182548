// The common case of validateRoom + frozenCopy in one pass: a room that is certainly valid (every
// field of VoipRoomCodec present with its exact type, no `__proto__` key anywhere) is copied, its
// dates decoded and everything frozen, as `frozenCopy(validateRoom(x).right)` would give it (same
// values, same key order). Anything else answers undefined, and the caller takes the io-ts path, which
// decides and explains; so this may only be stricter than the codec, never looser.
// Hot path of every ingest (createRoomStore, loadRooms): one walk per room; keys by for-in (no key
// arrays; an inherited enumerable key sends the room to io-ts), field kinds by a switch (bench/ingest).
import { frozenCopy } from '../value/freeze-copy.js';
import { toDate } from './date-codec.js';
import type { Room } from './room.js';

type Record_ = Readonly<Record<string, unknown>>;

const isPlain = (u: unknown): u is Record_ =>
  typeof u === 'object' && u !== null && !Array.isArray(u) && Object.getPrototypeOf(u) === Object.prototype;

/** An own `__proto__` key somewhere in or below `u` (io-ts would turn it into a prototype). */
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

/** Marks a value the fast path does not take. */
const NO = Symbol('no');

/** A field the codec does not know: kept as a frozen copy (or as is: `copy` false), unless a `__proto__` key hides in it. */
const unknownField = (value: unknown, depth: number, copy: boolean): unknown => {
  if (typeof value !== 'object' || value === null) return value;
  return hasProtoKey(value, depth) ? NO : copy ? frozenCopy(value) : value;
};

/** A fresh frozen Date from a Date, an ISO string or EJSON `{"$date"}` (at `depth`, for the `__proto__` walk). */
const frozenDate = (u: unknown, depth: number, copy: boolean): unknown => {
  if (u instanceof Date) {
    const ms = u.getTime();
    return ms !== ms ? NO : copy ? Object.freeze(new Date(ms)) : u;
  }
  if (hasProtoKey(u, depth)) return NO;
  const d = toDate(u);
  return d === undefined ? NO : copy ? Object.freeze(new Date(d.getTime())) : u;
};

/** Kinds of the nested objects: the visitor `v`, `servedBy` (with its `ts`), `closedBy`. */
const enum Nested {
  Visitor,
  ServedBy,
  User,
}

/** The kind of a nested object's field: a string the codec requires or allows, a date, or unknown. */
const nestedKind = (kind: Nested, key: string): 'required' | 'string' | 'date' | 'other' => {
  if (key === '_id' || key === 'username') return 'required';
  if (kind === Nested.Visitor) {
    if (key === 'token' || key === 'status') return 'required';
    if (key === 'name') return 'string';
    if (key === 'lastMessageTs') return 'date';
  } else if (kind === Nested.ServedBy && key === 'ts') return 'date';
  return 'other';
};

/** A nested object: required strings, optional string / date fields, the rest copied. */
const nested = (u: unknown, kind: Nested, copy: boolean): unknown => {
  if (!isPlain(u)) return NO;
  let required = 0;
  const out: Record<string, unknown> | undefined = copy ? {} : undefined;
  for (const key in u) {
    if (!Object.prototype.hasOwnProperty.call(u, key)) return NO;
    const value = u[key];
    switch (nestedKind(kind, key)) {
      case 'required':
        if (typeof value !== 'string') return NO;
        required++;
        if (out !== undefined) out[key] = value;
        break;
      case 'string':
        if (typeof value !== 'string') return NO;
        if (out !== undefined) out[key] = value;
        break;
      case 'date': {
        const d = frozenDate(value, 2, copy);
        if (d === NO) return NO;
        if (out !== undefined) out[key] = d;
        break;
      }
      default: {
        if (key === '__proto__') return NO;
        const kept = unknownField(value, 2, copy);
        if (kept === NO) return NO;
        if (out !== undefined) out[key] = kept;
      }
    }
  }
  if (required !== (kind === Nested.Visitor ? 4 : 2)) return NO;
  return out !== undefined ? Object.freeze(out) : u;
};

/** A frozen copy of an array of strings (a hole reads as undefined: not a string). */
const stringArray = (value: unknown, copy: boolean): unknown => {
  if (!Array.isArray(value)) return NO;
  if (!copy) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return NO;
    return value;
  }
  const out = new Array<string>(value.length);
  for (let i = 0; i < value.length; i++) {
    const x: unknown = value[i];
    if (typeof x !== 'string') return NO;
    out[i] = x;
  }
  return Object.freeze(out);
};

const str = (value: unknown): unknown => (typeof value === 'string' ? value : NO);

/** The codec's fields: the decoded value (NO if out of shape); `undefined` for a field it does not know. */
const decodeField = (key: string, value: unknown, copy: boolean): unknown => {
  switch (key) {
    case '_id':
    case 'name':
    case 'queue':
    case 'closer':
    case 'callUniqueId':
    case 'departmentId':
    case 'fname':
      return str(value);
    case 'ts':
    case 'callStarted':
    case 'closedAt':
    case '_updatedAt':
    case 'lm':
    case 'callEndedAt':
      return frozenDate(value, 1, copy);
    case 'callDuration':
    case 'callWaitingTime':
    case 'callTotalHoldTime':
      return typeof value === 'number' ? value : NO;
    case 't':
      return value === 'v' ? value : NO;
    case 'direction':
      return value === 'inbound' || value === 'outbound' ? value : NO;
    case 'open':
      return value === true ? value : NO;
    case 'tags':
      return stringArray(value, copy);
    case 'v':
      return nested(value, Nested.Visitor, copy);
    case 'servedBy':
      return nested(value, Nested.ServedBy, copy);
    case 'closedBy':
      return nested(value, Nested.User, copy);
    case '__proto__':
      return NO;
    default:
      return undefined;
  }
};

/** How many of the codec's required fields (`_id t name ts v direction queue callStarted`) a key is: 1 or 0. */
const isRequired = (key: string): number =>
  key === '_id' ||
  key === 't' ||
  key === 'name' ||
  key === 'ts' ||
  key === 'v' ||
  key === 'direction' ||
  key === 'queue' ||
  key === 'callStarted'
    ? 1
    : 0;

/** One walk over `x`: the decoded copy (`copy`), or `x` itself once checked; undefined when in doubt. */
const walk = (x: unknown, copy: boolean): Room | undefined => {
  if (!isPlain(x) || Object.getOwnPropertySymbols(x).length > 0) return undefined;
  // Spread keeps V8's fast properties on wide objects (as frozenCopy does); fields are replaced in place.
  const out: Record<string, unknown> = copy ? { ...x } : x;
  let required = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key)) return undefined;
    const value = out[key];
    const decoded = decodeField(key, value, copy);
    if (decoded === NO) return undefined;
    if (decoded === undefined) {
      // A field the codec does not know (`undefined` itself is the only value that lands here as is).
      if (typeof value === 'object' && value !== null) {
        const kept = unknownField(value, 1, copy);
        if (kept === NO) return undefined;
        if (copy) out[key] = kept;
      }
      continue;
    }
    required += isRequired(key);
    if (copy) out[key] = decoded;
  }
  if (required !== 8) return undefined;
  return (copy ? Object.freeze(out) : x) as Room;
};

/** The frozen, decoded copy of a certainly valid room, or undefined (then validate the slow way). */
export const decodeRoomFast = (x: unknown): Room | undefined => walk(x, true);

/**
 * true: `x` is certainly a valid call room (what validateRoom would take), checked without copying or
 * changing anything; false: in doubt, ask validateRoom (the loaders' fast verdict).
 */
export const isCertainlyValidRoom = (x: unknown): boolean => walk(x, false) !== undefined;
