// What the CLI adds to a bare answer so a new user knows the next step: a hint under an error, and a
// warning when a rooms file and the demo users cannot meet (generated with another seed). Pure: lines only.

import * as E from 'fp-ts/lib/Either.js';
import { parseRoomsQueryString, type ApiError, type Mode, type Room } from '../index.js';
import type { CliUser } from './load-data.js';

/** A line to print after `error` (on stderr), or nothing when the error says it all. */
export const hintFor = (error: ApiError, user: CliUser, params: string, mode: Mode): string | undefined => {
  switch (error.code) {
    case 'unauthorized':
      return user.roles.includes('livechat-agent')
        ? `hint: ${user.username} is an agent: it may only ask for its own rooms, with agents[]=${user._id} (exactly that one id)`
        : undefined;
    case 'missing-permission':
      return `hint: ${user.username} (roles: ${user.roles.join(', ') || 'none'}) has neither view-livechat-rooms nor view-l-room; try --as admin`;
    case 'invalid-params': {
      // rocketchat mode answers upstream's words; say which parameter it means.
      if (mode !== 'rocketchat') return undefined;
      const named = parseRoomsQueryString(params);
      const message = E.isLeft(named) && 'error' in named.left.body ? named.left.body.error : '';
      return message.startsWith('unknown parameter') ? `hint: ${message.replace(/ \[invalid-params\]$/, '')}` : undefined;
    }
    default:
      return undefined;
  }
};

const servedById = (room: Room): unknown => {
  const servedBy = room['servedBy'];
  return typeof servedBy === 'object' && servedBy !== null ? (servedBy as Record<string, unknown>)['_id'] : undefined;
};

/**
 * With demo users over a rooms file: when no room in it is served by any demo agent, the file was
 * generated with another seed (or is not generated data); agents' queries would all be empty.
 */
export const seedWarning = (rooms: ReadonlyArray<Room>, users: ReadonlyArray<CliUser>, seed: number, file: string): string | undefined => {
  const agents = new Set(users.filter((u) => u.roles.includes('livechat-agent')).map((u) => u._id));
  if (rooms.length === 0 || agents.size === 0) return undefined;
  if (rooms.some((room) => agents.has(servedById(room) as string))) return undefined;
  return (
    `warning: no room in ${file} is served by a demo agent of seed ${seed}: ` +
    `if it was generated with \`room-query generate --seed N\`, pass the same --seed N (or pass --users)`
  );
};
