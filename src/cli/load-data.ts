// The rooms and users a command runs over: generated from the seed, or read from files (a rooms file
// and/or a mongoexport of Rocket.Chat's users; without one, the demo users of the seed).

import * as E from 'fp-ts/lib/Either.js';
import { generateRooms, generateUsers } from '../fixtures/index.js';
import type { ApiUser } from '../http/index.js';
import type { Room } from '../index.js';
import type { DataSource } from './commands.js';
import { readRoomsFile, readUsersFile } from './read-rooms-file.js';

/** A user a command can act as: demo users carry a plain `token`, loaded users their stored hashes. */
export interface CliUser {
  readonly _id: string;
  readonly username: string;
  readonly roles: ReadonlyArray<string>;
  readonly token?: string;
  readonly hashedTokens?: ReadonlyArray<string>;
}

export interface Data {
  readonly rooms: ReadonlyArray<Room>;
  readonly users: ReadonlyArray<CliUser>;
  /** true when the users came from `--users <file>`. */
  readonly usersLoaded: boolean;
}

export const loadData = async (source: DataSource): Promise<E.Either<string, Data>> => {
  const users: E.Either<string, ReadonlyArray<CliUser>> =
    source.users === undefined ? E.right(generateUsers({ seed: source.seed })) : await readUsersFile(source.users);
  if (E.isLeft(users)) return users;
  const rooms =
    source.rooms.kind === 'file'
      ? await readRoomsFile(source.rooms.path)
      : E.right(generateRooms({ count: source.rooms.count, seed: source.seed }));
  return E.map((rs: ReadonlyArray<Room>): Data => ({ rooms: rs, users: users.right, usersLoaded: source.users !== undefined }))(rooms);
};

/** What the HTTP adapter authenticates: a demo user's plain token, or every stored login-token hash. */
export const toApiUser = (user: CliUser): ApiUser => ({
  _id: user._id,
  username: user.username,
  roles: user.roles,
  ...(user.token === undefined ? {} : { token: user.token }),
  ...(user.hashedTokens === undefined ? {} : { hashedTokens: user.hashedTokens }),
});

/** The user named by `--as`: its `_id` or its username. */
export const findUser = (users: ReadonlyArray<CliUser>, who: string): E.Either<string, CliUser> => {
  const user = users.find((u) => u._id === who || u.username === who);
  const names = users.slice(0, 8).map((u) => u.username).join(', ') + (users.length > 8 ? ', …' : '');
  return user === undefined ? E.left(`--as: no user '${who}'; the users are ${names}`) : E.right(user);
};
