// The rooms and users a command runs over: generated from the seed, or read from files (a rooms file
// and/or a mongoexport of Rocket.Chat's users; without one, the demo users of the seed).

import * as E from 'fp-ts/lib/Either.js';
import { agentsOf, generateLivechatRooms, generateOmnichannel, generateRooms, generateUsers } from '../fixtures/index.js';
import type { ApiUser } from '../http/index.js';
import type { Omnichannel, Room } from '../index.js';
import type { DataSource } from './commands.js';
import { readOmnichannelFiles, readRoomsFile, readUsersFile } from './read-rooms-file.js';

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
  /**
   * The omnichannel files given (`--departments`, …); else, with generated rooms, the demo departments, units
   * and monitor (Enterprise livechat scope); none for a rooms file alone.
   */
  readonly omnichannel?: Omnichannel;
}

/**
 * Generated data holds both endpoints' rooms in one collection: `count` call rooms, then `count` livechat
 * rooms over the demo departments, and the demo users plus the livechat monitor.
 */
export const loadData = async (source: DataSource): Promise<E.Either<string, Data>> => {
  const demoUsers = generateUsers({ seed: source.seed });
  const demo = generateOmnichannel({ seed: source.seed, agents: agentsOf(demoUsers) });
  const users: E.Either<string, ReadonlyArray<CliUser>> = source.users === undefined
    ? E.right([...demoUsers, demo.monitor])
    : await readUsersFile(source.users);
  if (E.isLeft(users)) return users;
  const loaded = source.omnichannel === undefined ? E.right(undefined) : await readOmnichannelFiles(source.omnichannel);
  if (E.isLeft(loaded)) return loaded;
  const usersLoaded = source.users !== undefined;
  if (source.rooms.kind === 'file') {
    const omnichannel = loaded.right;
    return E.map((rs: ReadonlyArray<Room>): Data => ({
      rooms: rs,
      users: users.right,
      usersLoaded,
      ...(omnichannel === undefined ? {} : { omnichannel }),
    }))(await readRoomsFile(source.rooms.path));
  }
  const omnichannel = loaded.right ?? demo.omnichannel;
  const { count } = source.rooms;
  const rooms = [
    ...generateRooms({ count, seed: source.seed }),
    ...generateLivechatRooms({ count, seed: source.seed, departments: omnichannel.departments ?? [] }),
  ];
  return E.right({ rooms, users: users.right, usersLoaded, omnichannel });
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
  const names =
    users
      .slice(0, 8)
      .map((u) => u.username)
      .join(', ') + (users.length > 8 ? ', …' : '');
  return user === undefined ? E.left(`--as: no user '${who}'; the users are ${names}`) : E.right(user);
};
