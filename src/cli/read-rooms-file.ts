// Rooms from a file: a mongoexport of rocketchat_room (NDJSON, --jsonArray or --pretty; Extended JSON
// v2) through src/load's `loadRooms`, or what `generate` writes. Call rooms' ISO date strings are read
// as Dates (the io-ts room codec), so date filters and sorts work on JSON files too.

import * as E from 'fp-ts/lib/Either.js';
import { validateRoom, type Room } from '../index.js';
import { loadRooms, loadUsers, type LoadedUser } from '../load/index.js';

const withDates = (room: Room): Room => {
  if (room['t'] !== 'v') return room;
  const decoded = validateRoom(room);
  return E.isRight(decoded) ? decoded.right : room;
};

/** Reads and checks every room of `path`; Left is one line naming the file and line. */
export const readRoomsFile = async (path: string): Promise<E.Either<string, ReadonlyArray<Room>>> => {
  const loaded = await loadRooms(path);
  return E.isLeft(loaded) ? E.left(loaded.left.message.replace(/\s*\n\s*/g, ' ')) : E.right(loaded.right.map(withDates));
};

/** Reads a mongoexport of Rocket.Chat's users collection (ids, usernames, roles, login-token hashes). */
export const readUsersFile = async (path: string): Promise<E.Either<string, ReadonlyArray<LoadedUser>>> => {
  const loaded = await loadUsers(path);
  return E.mapLeft((e: { readonly message: string }) => e.message.replace(/\s*\n\s*/g, ' '))(loaded);
};
