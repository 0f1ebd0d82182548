// One add / replace / remove INSIDE one room: immer drafts only that room (never the whole document,
// style.md's #1117 warning) and fast-json-patch validates and applies the operation on the draft.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import { Immer } from 'immer';
import type { Room } from '../model/room.js';
import { toPointer } from './json-pointer.js';
import { patchError, type PatchError } from './patch-error.js';
import { parentsAreContainers } from './read-at.js';

// A private instance: the store's freezing never depends on (or changes) the app's global immer config.
const immer = new Immer({ autoFreeze: true });

export interface RoomOp {
  readonly op: 'add' | 'replace' | 'remove';
  /** Steps inside the room (at least one). */
  readonly steps: ReadonlyArray<string>;
  /** A fresh, caller-unreachable value (cloneJsonValue) for add / replace. */
  readonly value?: unknown;
}

/** The new room (a new frozen object; the input room is untouched), or why fast-json-patch refused. */
export const applyRoomOp = (room: Room, op: RoomOp, index: number, pointer: string): E.Either<PatchError, Room> => {
  if (!parentsAreContainers(room, op.steps)) {
    return E.left(patchError('path-unresolvable', index, pointer, 'the path goes through a value that is not an object or an array'));
  }
  const operation =
    op.op === 'remove' ? { op: op.op, path: toPointer(op.steps) } : { op: op.op, path: toPointer(op.steps), value: op.value };
  try {
    return E.right(
      immer.produce(room, (draft) => {
        jsonpatch.applyOperation(draft, operation, true, true, true, index);
      }) as Room,
    );
  } catch (error) {
    // fast-json-patch throws JsonPatchError (name = its code) or a TypeError for __proto__; both become values here.
    const code = error instanceof Error ? error.name : 'Error';
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return E.left(patchError('path-unresolvable', index, pointer, `${message} (${code})`));
  }
};
