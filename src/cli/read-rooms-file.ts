// Rooms from a file: a mongoexport of rocketchat_room (NDJSON, --jsonArray or --pretty; Extended JSON
// v2) through src/load's `loadRooms`, or what `generate` writes. Call and livechat rooms' ISO date strings
// are read as Dates (the rooms' io-ts codecs, through admitRoom), so date filters and sorts work on JSON
// files too. Omnichannel collections (departments, units, monitors, department agents) through loadOmnichannel.

import * as E from 'fp-ts/lib/Either.js';
import { admitRoom, type Omnichannel, type Room } from '../index.js';
import { decodeRoomFast } from '../model/decode-room-fast.js';
import { loadOmnichannel, loadRooms, loadUsers, type LoadedUser, type OmnichannelExports } from '../load/index.js';
import type { OmnichannelFiles } from './commands.js';

/**
 * A call or livechat room with its dates decoded; any room the codecs do not take, as it is. loadRooms
 * has already checked every call room, so a call room is decoded by the one-pass decoder (no io-ts
 * decode on the way to `serve`); io-ts only for the rooms that decoder leaves (livechat, doubtful ones).
 */
const withDates = (room: Room): Room => {
  const fast = room['t'] === 'v' ? decodeRoomFast(room) : undefined;
  if (fast !== undefined) return fast;
  const decoded = admitRoom(room);
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

const oneLine = (e: { readonly message: string }): string => e.message.replace(/\s*\n\s*/g, ' ');

/** Distinct by `_id`, first kept (a department file and a units file may both hold the units). */
const distinct = <T extends { readonly _id: string }>(xs: ReadonlyArray<T>): ReadonlyArray<T> => {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x._id) && (seen.add(x._id), true));
};

/**
 * Reads the omnichannel files given (`--departments`, `--units`, `--unit-monitors`, `--department-agents`);
 * Left is one line naming the flag, the file and the first bad line. `--departments` and `--units` are both
 * rocketchat_livechat_department exports: `type: 'u'` documents are units, the others departments.
 */
export const readOmnichannelFiles = async (files: OmnichannelFiles): Promise<E.Either<string, Omnichannel>> => {
  // One file per call, so an error names its flag (the message names the file and line).
  const read = async (flag: string, exports: OmnichannelExports) =>
    E.mapLeft((e: { readonly message: string }) => `${flag}: ${oneLine(e)}`)(await loadOmnichannel(exports));
  const none = E.right(undefined);
  const [departments, units, monitors, agents] = await Promise.all([
    files.departments === undefined ? none : read('--departments', { departments: files.departments }),
    files.units === undefined ? none : read('--units', { departments: files.units }),
    files.unitMonitors === undefined ? none : read('--unit-monitors', { unitMonitors: files.unitMonitors }),
    files.departmentAgents === undefined ? none : read('--department-agents', { departmentAgents: files.departmentAgents }),
  ]);
  for (const r of [departments, units, monitors, agents]) if (E.isLeft(r)) return r;
  const right = <T>(r: E.Either<string, T>): T => (r as E.Right<T>).right;
  const d = right(departments);
  const u = right(units);
  return E.right({
    departments: distinct([...(d?.departments ?? []), ...(u?.departments ?? [])]),
    units: distinct([...(d?.units ?? []), ...(u?.units ?? [])]),
    unitMonitors: right(monitors)?.unitMonitors ?? [],
    departmentAgents: right(agents)?.departmentAgents ?? [],
  });
};
