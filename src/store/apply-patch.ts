// An RFC 6902 patch over the document `{ "<roomId>": room }`, computed against one version and
// committed all at once or not at all.
//
// How it works: operations run in order over a small overlay (room id → new room, or null when
// removed) in front of the base map, so each sees the effect of the previous ones and the base is
// never touched. Whole rooms (`/<id>`) are set or deleted in the overlay; operations inside a room go
// through applyRoomOp (immer + fast-json-patch); move / copy are a read plus add (and remove).
// Then each touched room is validated once with io-ts (dates decoded), deep-frozen, and only then
// written into a new persistent map. Any failure returns Left and the overlay is dropped.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import type { Room } from '../model/room.js';
import type { RoomChange } from '../model/room-change.js';
import { admitRoom } from '../model/validate-room.js';
import { toJsonValue } from '../value/to-json-value.js';
import { applyRoomOp } from './apply-room-op.js';
import { cloneJsonValue } from './clone-json-value.js';
import { deepFreeze } from '../value/deep-freeze.js';
import { parsePointer, toPointer } from './json-pointer.js';
import { decodeOperation, type PatchOperation } from './operation-codec.js';
import { patchError, type PatchError } from './patch-error.js';
import type { PersistentMap } from './persistent-map.js';
import { readAt } from './read-at.js';

export type { RoomChange } from '../model/room-change.js';

export interface PatchResult {
  readonly rooms: PersistentMap<Room>;
  /** Rooms whose stored value changed, in the order they were first touched. */
  readonly changes: ReadonlyArray<RoomChange>;
}

export interface ApplyLimits {
  /** Operations per patch (default 10,000): bounds the work one call can ask for. */
  readonly maxOperations?: number;
}

export const DEFAULT_MAX_OPERATIONS = 10_000;

type Step = E.Either<PatchError, void>;
const OK: Step = E.right(undefined);

const isPlainObject = (u: unknown): boolean => typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Date);

/** Splits "/id/rest..." into the room id and the steps inside it. */
const target = (pointer: string, index: number): E.Either<PatchError, { id: string; steps: ReadonlyArray<string> }> => {
  const parsed = parsePointer(pointer);
  if (E.isLeft(parsed)) return E.left(patchError('invalid-pointer', index, pointer, parsed.left));
  const [id, ...steps] = parsed.right;
  if (id === undefined)
    return E.left(
      patchError(
        'unsupported-path',
        index,
        pointer,
        'the document root cannot be patched: address a room, "/<roomId>" or "/<roomId>/<field>"',
      ),
    );
  return E.right({ id, steps });
};

export const applyPatch = (base: PersistentMap<Room>, ops: unknown, limits: ApplyLimits = {}): E.Either<PatchError, PatchResult> => {
  if (!Array.isArray(ops)) return E.left(patchError('not-an-array', null, null, 'a JSON Patch is an array of operations'));
  const max = limits.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  if (ops.length > max) return E.left(patchError('too-many-operations', null, null, `${ops.length} operations, at most ${max} per patch`));
  const overlay = new Map<string, Room | null>();
  const lastTouch = new Map<string, number>();
  const read = (id: string): Room | undefined => {
    const v = overlay.get(id);
    return v === undefined ? base.get(id) : (v ?? undefined);
  };
  const write = (id: string, room: Room | null, index: number): void => {
    overlay.set(id, room);
    lastTouch.set(id, index);
  };

  /** add / replace / remove at (id, steps) with an already-cloned value. */
  const put = (
    op: 'add' | 'replace' | 'remove',
    id: string,
    steps: ReadonlyArray<string>,
    value: unknown,
    index: number,
    pointer: string,
  ): Step => {
    const current = read(id);
    if (steps.length === 0) {
      if (op !== 'add' && current === undefined) return E.left(patchError('unknown-room', index, pointer, `no room "${id}" to ${op}`));
      if (op === 'remove') {
        write(id, null, index);
        return OK;
      }
      if (!isPlainObject(value)) return E.left(patchError('invalid-room', index, pointer, 'a room is a JSON object'));
      write(id, value as Room, index);
      return OK;
    }
    if (current === undefined) return E.left(patchError('unknown-room', index, pointer, `no room "${id}"`));
    const next = applyRoomOp(current, op === 'remove' ? { op, steps } : { op, steps, value }, index, pointer);
    if (E.isLeft(next)) return next;
    write(id, next.right, index);
    return OK;
  };

  const run = (op: PatchOperation, index: number): Step => {
    const to = target(op.path, index);
    if (E.isLeft(to)) return to;
    const { id, steps } = to.right;
    switch (op.op) {
      case 'test': {
        const value = cloneJsonValue(op.value);
        if (E.isLeft(value)) return E.left(patchError('invalid-value', index, op.path, value.left));
        const found = readAt(read(id), steps);
        // Compared as JSON (Dates as ISO strings), which is what a client sees and sends.
        if (!found.found || !jsonpatch._areEquals(toJsonValue(found.value), toJsonValue(value.right))) {
          return E.left(patchError('test-failed', index, op.path, found.found ? 'the value differs' : 'no value at this path'));
        }
        return OK;
      }
      case 'add':
      case 'replace': {
        const value = cloneJsonValue(op.value);
        if (E.isLeft(value)) return E.left(patchError('invalid-value', index, op.path, value.left));
        return put(op.op, id, steps, value.right, index, op.path);
      }
      case 'remove':
        return put('remove', id, steps, undefined, index, op.path);
      case 'move':
      case 'copy': {
        const from = target(op.from, index);
        if (E.isLeft(from)) return from;
        const source = readAt(read(from.right.id), from.right.steps);
        if (!source.found) return E.left(patchError('path-unresolvable', index, op.from, `nothing at "from" to ${op.op}`));
        if (op.op === 'move' && op.path !== op.from && op.path.startsWith(`${op.from}/`)) {
          return E.left(patchError('invalid-operation', index, op.path, '"from" cannot be a proper prefix of "path" in a move'));
        }
        if (op.op === 'move' && op.path === op.from) return OK;
        // Stored values are frozen: a move can share the value; a copy gets its own.
        const value = op.op === 'copy' ? cloneJsonValue(source.value) : E.right(source.value);
        if (E.isLeft(value)) return E.left(patchError('invalid-value', index, op.from, value.left));
        if (op.op === 'move') {
          const removed = put('remove', from.right.id, from.right.steps, undefined, index, op.from);
          if (E.isLeft(removed)) return removed;
        }
        return put('add', id, steps, value.right, index, op.path);
      }
      default: {
        const never: never = op;
        return never;
      }
    }
  };

  for (let i = 0; i < ops.length; i++) {
    const op = decodeOperation(ops[i], i);
    if (E.isLeft(op)) return op;
    const done = run(op.right, i);
    if (E.isLeft(done)) return done;
  }
  return commit(base, overlay, lastTouch);
};

/** Validates every touched room, then writes the overlay into a new persistent map. */
const commit = (
  base: PersistentMap<Room>,
  overlay: ReadonlyMap<string, Room | null>,
  lastTouch: ReadonlyMap<string, number>,
): E.Either<PatchError, PatchResult> => {
  let rooms = base;
  const changes: RoomChange[] = [];
  for (const [id, room] of overlay) {
    const before = base.get(id);
    const index = lastTouch.get(id) ?? null;
    if (room === null) {
      if (before === undefined) continue;
      rooms = rooms.delete(id);
      changes.push({ id, before, after: undefined });
      continue;
    }
    if (room === before) continue;
    // The one room policy (model/validate-room.ts): any room type; a call room must be a valid one.
    const decoded = admitRoom(room);
    if (E.isLeft(decoded)) {
      const first = decoded.left[0] ?? '/: not a call room';
      const cut = first.indexOf(': ');
      const where = cut < 0 ? '' : first.slice(0, cut);
      const what = room['t'] === 'v' ? 'not a call room' : 'not a room';
      return E.left(
        patchError('invalid-room', index, toPointer([id]) + (where === '/' ? '' : where), `${what}: ${decoded.left.join('; ')}`),
      );
    }
    if (decoded.right['_id'] !== id) {
      return E.left(
        patchError('id-mismatch', index, toPointer([id, '_id']), `the room at "${id}" has _id ${JSON.stringify(decoded.right['_id'])}`),
      );
    }
    const after = deepFreeze(decoded.right as Room);
    if (after === before) continue;
    rooms = rooms.set(id, after);
    changes.push({ id, before, after });
  }
  return E.right({ rooms, changes });
};
