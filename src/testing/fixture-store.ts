// The fixture server's rooms, changeable from a test: insert, update, remove, reset. Every change is
// checked (a call room, a unique _id) and `onChange` gets the new snapshot, so answers follow at once.

import * as E from 'fp-ts/lib/Either.js';
import type { Room } from '../model/room.js';
import { validateRoom } from '../model/validate-room.js';

export interface RoomStore {
  /** The rooms served now, in insertion order (a snapshot). */
  readonly rooms: () => ReadonlyArray<Room>;
  readonly get: (id: string) => Room | undefined;
  /** Adds call rooms (ISO or EJSON dates); all or nothing. */
  readonly insert: (...rooms: ReadonlyArray<unknown>) => E.Either<string, ReadonlyArray<Room>>;
  /** Replaces room `id` by `change(room)`, e.g. closing a call: `({ open, ...r }) => ({ ...r, closedAt: new Date() })`. */
  readonly update: (id: string, change: (room: Room) => unknown) => E.Either<string, Room>;
  /** false when there was no such room. */
  readonly remove: (id: string) => boolean;
  /** Back to the rooms the server started with, or to `rooms`. */
  readonly reset: (rooms?: ReadonlyArray<unknown>) => E.Either<string, ReadonlyArray<Room>>;
}

const validateAll = (xs: ReadonlyArray<unknown>, taken: ReadonlySet<string>): E.Either<string, ReadonlyArray<Room>> => {
  const out: Room[] = [];
  const ids = new Set(taken);
  for (const [i, x] of xs.entries()) {
    const room = validateRoom(x);
    if (E.isLeft(room)) return E.left(`room ${i} is not a call room: ${room.left.slice(0, 3).join('; ')}`);
    if (ids.has(room.right._id)) return E.left(`room ${i}: duplicate _id ${JSON.stringify(room.right._id)}`);
    ids.add(room.right._id);
    out.push(room.right);
  }
  return E.right(out);
};

export const createRoomStore = (initial: ReadonlyArray<Room>, onChange: (rooms: ReadonlyArray<Room>) => void): RoomStore => {
  let rooms: ReadonlyArray<Room> = Object.freeze([...initial]);
  const set = (next: ReadonlyArray<Room>): ReadonlyArray<Room> => {
    rooms = Object.freeze([...next]);
    onChange(rooms);
    return rooms;
  };
  const idOf = (room: Room): unknown => room['_id'];
  return {
    rooms: () => rooms,
    get: (id) => rooms.find((r) => idOf(r) === id),
    insert: (...xs) =>
      E.map((added: ReadonlyArray<Room>) => (set([...rooms, ...added]), added))(validateAll(xs, new Set(rooms.map((r) => String(idOf(r)))))),
    update: (id, change) => {
      const at = rooms.findIndex((r) => idOf(r) === id);
      const current = rooms[at];
      if (current === undefined) return E.left(`no room with _id ${JSON.stringify(id)}`);
      const next = validateRoom(change(current));
      if (E.isLeft(next)) return E.left(`the updated room is not a call room: ${next.left.slice(0, 3).join('; ')}`);
      if (next.right._id !== id) return E.left(`an update must keep _id ${JSON.stringify(id)}`);
      set(rooms.map((r, i) => (i === at ? next.right : r)));
      return E.right(next.right);
    },
    remove: (id) => {
      const next = rooms.filter((r) => idOf(r) !== id);
      if (next.length === rooms.length) return false;
      set(next);
      return true;
    },
    reset: (xs) => (xs === undefined ? E.right(set(initial)) : E.map(set)(validateAll(xs, new Set()))),
  };
};
