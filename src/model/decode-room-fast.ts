// The common case of validateRoom + frozenCopy in one pass: a room that is certainly valid (every
// field of VoipRoomCodec present with its exact type, no `__proto__` key anywhere) is copied, its
// dates decoded and everything frozen, as `frozenCopy(validateRoom(x).right)` would give it (same
// values, same key order). Anything else answers undefined, and the caller takes the io-ts path, which
// decides and explains; so this may only be stricter than the codec, never looser.
// Hot path of every ingest (createRoomStore, loadRooms): one walk per room; keys by for-in (no key
// arrays; an inherited enumerable key sends the room to io-ts), field kinds by a switch, each value read
// once and the copy made at the end by one literal per key sequence (value/literal-shapes.ts; bench/ingest).
import { frozenCopy } from '../value/freeze-copy.js';
import { LiteralShapes, type ShapeNode } from '../value/literal-shapes.js';
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

/**
 * The frozen Dates made for the room being copied, by time: a room repeats a time (`_updatedAt` is
 * `closedAt` or `lm` when set together), and one frozen Date serves each repeat. A Date costs more to
 * make and to carry through the young generation than any other part of a copy (bench/ingest).
 */
const madeMs: number[] = [0, 0, 0, 0, 0, 0, 0, 0];
const madeDates: Date[] = [];
let made = 0;

const frozenDateAt = (ms: number): Date => {
  for (let i = 0; i < made; i++) if (madeMs[i] === ms) return madeDates[i] as Date;
  const d = Object.freeze(new Date(ms));
  if (made < madeMs.length) {
    madeMs[made] = ms;
    madeDates[made++] = d;
  }
  return d;
};

/** A frozen Date (fresh, or made for this room already) from a Date, an ISO string or EJSON `{"$date"}` (at `depth`, for the `__proto__` walk). */
const frozenDate = (u: unknown, depth: number, copy: boolean): unknown => {
  if (u instanceof Date) {
    const ms = u.getTime();
    return ms !== ms ? NO : copy ? frozenDateAt(ms) : u;
  }
  if (hasProtoKey(u, depth)) return NO;
  const d = toDate(u);
  return d === undefined ? NO : copy ? frozenDateAt(d.getTime()) : u;
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

/** The nested object being copied: its keys and kept values, in order (one nested object at a time). */
const nestedKeys: string[] = [];
const nestedValues: unknown[] = [];
const NESTED_SHAPES = new LiteralShapes();

/** A nested object: required strings, optional string / date fields, the rest copied. */
const nested = (u: unknown, kind: Nested, copy: boolean): unknown => {
  if (!isPlain(u)) return NO;
  let required = 0;
  let count = 0;
  let shape: ShapeNode | undefined = NESTED_SHAPES.root;
  for (const key in u) {
    if (!Object.prototype.hasOwnProperty.call(u, key)) return NO;
    const value = u[key];
    let kept: unknown = value;
    switch (nestedKind(kind, key)) {
      case 'required':
        if (typeof value !== 'string') return NO;
        required++;
        break;
      case 'string':
        if (typeof value !== 'string') return NO;
        break;
      case 'date':
        kept = frozenDate(value, 2, copy);
        if (kept === NO) return NO;
        break;
      default:
        if (key === '__proto__') return NO;
        kept = unknownField(value, 2, copy);
        if (kept === NO) return NO;
    }
    if (copy) {
      nestedKeys[count] = key;
      nestedValues[count++] = kept;
      shape = NESTED_SHAPES.next(shape, key);
    }
  }
  if (required !== (kind === Nested.Visitor ? 4 : 2)) return NO;
  return copy ? Object.freeze(gathered(NESTED_SHAPES, shape, nestedKeys, nestedValues, count)) : u;
};

/** One frozen empty array serves every empty list (nothing can change it). */
const EMPTY: ReadonlyArray<string> = Object.freeze([]);

/** A frozen copy of an array of strings (a hole reads as undefined: not a string). */
const stringArray = (value: unknown, copy: boolean): unknown => {
  if (!Array.isArray(value)) return NO;
  if (!copy) {
    for (let i = 0; i < value.length; i++) if (typeof value[i] !== 'string') return NO;
    return value;
  }
  // Each element read once; array literals for the common lengths (V8 pretenures what they make once it
  // sees it survive).
  const n = value.length;
  if (n === 0) return EMPTY;
  const a: unknown = value[0];
  if (typeof a !== 'string') return NO;
  if (n === 1) return Object.freeze([a]);
  const b: unknown = value[1];
  if (typeof b !== 'string') return NO;
  if (n === 2) return Object.freeze([a, b]);
  const out = new Array<string>(n);
  out[0] = a;
  out[1] = b;
  for (let i = 2; i < n; i++) {
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

/** The room being copied: its keys and kept values, in order. */
const roomKeys: string[] = [];
const roomValues: unknown[] = [];
const ROOM_SHAPES = new LiteralShapes();

/** A fresh object of the `count` keys and values gathered, by the shape's literal when it has one. */
const gathered = (
  shapes: LiteralShapes,
  shape: ShapeNode | undefined,
  keys: string[],
  values: unknown[],
  count: number,
): Record<string, unknown> => {
  const make = shapes.maker(shape);
  let out: Record<string, unknown>;
  if (make !== undefined) out = make(values);
  else {
    // No literal (a Content-Security-Policy, an odd key, too many shapes): as frozenCopy copies.
    out = {};
    for (let i = 0; i < count; i++) {
      const key = keys[i] as string;
      if (key === '__proto__') Object.defineProperty(out, key, { value: values[i], enumerable: true, writable: true, configurable: true });
      else out[key] = values[i];
    }
  }
  values.fill(undefined, 0, count);
  return out;
};

/** The decoded, frozen copy of `x`: each value read once, checked, kept; undefined when in doubt. */
const copyWalk = (x: Record_): Room | undefined => {
  made = 0;
  let required = 0;
  let count = 0;
  let shape: ShapeNode | undefined = ROOM_SHAPES.root;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key)) return undefined;
    const value = x[key];
    let kept = decodeField(key, value, true);
    if (kept === NO) return undefined;
    if (kept === undefined) {
      // A field the codec does not know (`undefined` itself is the only value that lands here as is).
      kept = value;
      if (typeof value === 'object' && value !== null) {
        kept = unknownField(value, 1, true);
        if (kept === NO) return undefined;
      }
    } else required += isRequired(key);
    roomKeys[count] = key;
    roomValues[count++] = kept;
    shape = ROOM_SHAPES.next(shape, key);
  }
  if (required !== 8) {
    roomValues.fill(undefined, 0, count);
    return undefined;
  }
  // Symbol keys are not for-in keys: the copy leaves them out, as the codec's copy does.
  return Object.freeze(gathered(ROOM_SHAPES, shape, roomKeys, roomValues, count)) as Room;
};

/** `x` itself when certainly valid (nothing copied or changed), undefined when in doubt. */
const check = (x: unknown): Room | undefined => {
  if (!isPlain(x)) return undefined;
  let required = 0;
  for (const key in x) {
    if (!Object.prototype.hasOwnProperty.call(x, key)) return undefined;
    const value = x[key];
    const decoded = decodeField(key, value, false);
    if (decoded === NO) return undefined;
    if (decoded === undefined) {
      if (typeof value === 'object' && value !== null && unknownField(value, 1, false) === NO) return undefined;
      continue;
    }
    required += isRequired(key);
  }
  return required === 8 ? (x as Room) : undefined;
};

/** The frozen, decoded copy of a certainly valid room, or undefined (then validate the slow way). */
export const decodeRoomFast = (x: unknown): Room | undefined => (isPlain(x) ? copyWalk(x) : undefined);

/**
 * true: `x` is certainly a valid call room (what validateRoom would take), checked without copying or
 * changing anything; false: in doubt, ask validateRoom (the loaders' fast verdict).
 */
export const isCertainlyValidRoom = (x: unknown): boolean => check(x) !== undefined;
