// The common case of `applyPatch`, without immer, fast-json-patch or a whole-room io-ts decode:
// a patch whose operations are all `add` / `replace` / `remove` of `/<id>/<field>` or
// `/<id>/<field>/<key>` (the field a plain object) in rooms that exist. Each touched room gets one
// shallow copy (and each touched object field one), the operations run on those copies, then only the
// touched top-level fields are decoded with the room codec's own field codec (a removed required field:
// not handled here). Anything else, or anything that would fail, returns undefined and the caller
// runs the general path, which then gives the answer or the error: this path never decides an error.
//
// Equivalent to the general path (checked by test/store/fast-path.property.test.ts):
// - immer returns its base when an assignment stores an Object.is-equal value over an existing key, so
//   such an operation changes nothing here either (and a patch of only those makes no version); a
//   ===-equal one (0 over -0 or back) makes a new room but keeps the old value, as immer's set trap does;
// - assignment to an existing key keeps its place, a new key goes last, as immer's copies do;
// - the codec decodes each field independently of the others, and a stored room's other fields are
//   already decoded (decoding them again gives the same values), so decoding only the touched fields
//   gives the room the whole-room decode gives. Rooms or keys named `__proto__` are left to the general
//   path (io-ts rebuilds objects with plain assignment, which treats that key differently).
import type * as t from 'io-ts';
import { VoipRoomCodec } from '../model/room-codec.js';
import type { Room } from '../model/room.js';
import type { RoomChange, PatchResult } from './apply-patch.js';
import { cloneJsonValue } from './clone-json-value.js';
import { deepFreeze } from '../value/deep-freeze.js';
import type { PersistentMap } from './persistent-map.js';

type Fields = Readonly<Record<string, t.Mixed>>;
const REQUIRED: Fields = VoipRoomCodec.types[0].props;
const OPTIONAL: Fields = VoipRoomCodec.types[1].props;

const fieldCodec = (key: string): t.Mixed | undefined =>
  Object.hasOwn(REQUIRED, key) ? REQUIRED[key] : Object.hasOwn(OPTIONAL, key) ? OPTIONAL[key] : undefined;

/** Keys this path leaves to the general one (prototype keys fast-json-patch bans or treats specially, and escapes). */
const plainKey = (key: string): boolean => key !== '' && key !== '__proto__' && key !== 'constructor' && key !== 'prototype' && key !== '-';

type Obj = Record<string, unknown>;

const isPlainRecord = (u: unknown): u is Obj =>
  typeof u === 'object' &&
  u !== null &&
  !Array.isArray(u) &&
  Object.getPrototypeOf(u) === Object.prototype &&
  !Object.hasOwn(u, '__proto__');

/** One room being patched: its stored value, and our own (mutable, unshared) copies once an operation changed it. */
// Arrays, not Sets, and no Map for a patch on one room: the common patch touches one field of one room,
// and at 1M rooms every allocated byte is paid again in scavenges (docs/live.md, store throughput).
interface Work {
  readonly id: string;
  readonly before: Room;
  room: Obj; // === before until an operation changes it, then our copy
  copied: boolean;
  /** Our copies of object fields (made for `/<id>/<field>/<key>` operations): written in place. */
  owned: Obj[] | undefined;
  /** Top-level fields the patch touched: the only ones decoded. */
  readonly touched: string[];
}

/** The patch's result, or undefined: not the common case (or it fails), run the general path. */
export const applyFastPatch = (base: PersistentMap<Room>, ops: unknown, maxOperations: number): PatchResult | undefined => {
  if (!Array.isArray(ops) || ops.length === 0 || ops.length > maxOperations) return undefined;
  // Rooms in the order first touched; looked up by id through `byId` once a second room shows up.
  const work: Work[] = [];
  let byId: Map<string, Work> | undefined;
  for (let i = 0; i < ops.length; i++) {
    const u: unknown = ops[i];
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return undefined;
    const o = u as Obj;
    const op = o['op'];
    const path = o['path'];
    if (typeof path !== 'string' || path.charCodeAt(0) !== 47 /* / */ || path.includes('~')) return undefined;
    if (op !== 'add' && op !== 'replace' && op !== 'remove') return undefined;
    let value: unknown;
    if (op !== 'remove') {
      if (!Object.hasOwn(o, 'value') || o['value'] === undefined) return undefined;
      const raw = o['value'];
      if (raw === null || typeof raw === 'string' || typeof raw === 'boolean') value = raw;
      else {
        const cloned = cloneJsonValue(raw);
        if (cloned._tag === 'Left') return undefined;
        value = cloned.right;
      }
    }
    const steps = path.split('/');
    if (steps.length !== 3 && steps.length !== 4) return undefined;
    const id = steps[1] as string;
    const field = steps[2] as string;
    if (!plainKey(field) || field === '_id') return undefined;
    let w = work.length === 0 ? undefined : (work[0] as Work).id === id ? work[0] : byId?.get(id);
    if (w === undefined) {
      const before = base.get(id);
      if (before === undefined || !isPlainRecord(before)) return undefined;
      w = { id, before, room: before as Obj, copied: false, owned: undefined, touched: [] };
      if (work.length === 1) byId = new Map([[(work[0] as Work).id, work[0] as Work]]);
      work.push(w);
      byId?.set(id, w);
    }
    if (!w.touched.includes(field)) w.touched.push(field);
    if (steps.length === 3) {
      const has = Object.hasOwn(w.room, field);
      if (op === 'remove') {
        if (!has) return undefined;
      } else {
        if (op === 'replace' && !has) return undefined;
        if (has && Object.is(w.room[field], value)) continue; // immer: no change
      }
      if (!w.copied) {
        w.room = { ...w.room };
        w.copied = true;
      }
      if (op === 'remove') delete w.room[field];
      else if (!has || w.room[field] !== value) w.room[field] = value; // immer: 0 over -0 changes the room, not the value
      continue;
    }
    const key = steps[3] as string;
    if (!plainKey(key)) return undefined;
    const parent = Object.hasOwn(w.room, field) ? w.room[field] : undefined;
    if (!isPlainRecord(parent)) return undefined;
    const has = Object.hasOwn(parent, key);
    if (op === 'remove') {
      if (!has) return undefined;
    } else {
      if (op === 'replace' && !has) return undefined;
      if (has && Object.is(parent[key], value)) continue; // immer: no change
    }
    let target = parent;
    if (w.owned === undefined || !w.owned.includes(parent)) {
      target = { ...parent };
      (w.owned ??= []).push(target);
      if (!w.copied) {
        w.room = { ...w.room };
        w.copied = true;
      }
      w.room[field] = target;
    }
    if (op === 'remove') delete target[key];
    else if (!has || target[key] !== value) target[key] = value; // immer: 0 over -0 changes the room, not the value
  }
  let rooms = base;
  const changes: RoomChange[] = [];
  for (const w of work) {
    if (!w.copied) continue; // nothing changed (the general path skips an unchanged room before decoding it)
    const room = w.room;
    // Only call rooms are decoded by the codec; any other room type is the general path's (kept as it came).
    if (room['t'] !== 'v') return undefined;
    for (const field of w.touched) {
      const codec = fieldCodec(field);
      if (codec === undefined) continue;
      if (!Object.hasOwn(room, field)) {
        if (Object.hasOwn(REQUIRED, field)) return undefined;
        continue;
      }
      const raw = room[field];
      const decoded = codec.decode(raw);
      if (decoded._tag === 'Left') return undefined;
      if (decoded.right !== raw) room[field] = decoded.right;
    }
    // Only the touched fields hold unfrozen values (new values, our copies); the rest are stored, frozen ones.
    for (const field of w.touched) if (Object.hasOwn(room, field)) deepFreeze(room[field]);
    const after = Object.freeze(room) as Room;
    rooms = rooms.set(w.id, after);
    changes.push({ id: w.id, before: w.before, after });
  }
  return { rooms, changes };
};
