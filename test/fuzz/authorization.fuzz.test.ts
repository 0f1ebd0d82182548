// The invariant: a caller without view-livechat-rooms never receives a room it did not serve —
// whatever it asks (other agents' ids or usernames, duplicates, case variants) and however its roles change.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryRooms, type Mode, type Principal, type Room } from '../../src/index.js';
import { FUZZ_AUTH_RUNS, fuzzParams } from './fuzz-config.js';

const AGENTS = [
  { _id: 'A1', username: 'alice' },
  { _id: 'B2', username: 'bob' },
  { _id: 'alice', username: 'A1' }, // an id equal to another agent's username: the classic confusion
];
const ROLES = ['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent', 'user', 'bot', 'Livechat-Agent', ''];

const served = fc.oneof(
  fc.constantFrom(...AGENTS).map((a) => ({ _id: a._id, username: a.username })),
  fc.record({ _id: fc.constantFrom('A1', 'a1', 'B2', 'alice'), username: fc.constantFrom('alice', 'A1', 'bob', 'ALICE') }),
  fc.constantFrom(undefined, null, 'A1', ['A1'], { _id: ['A1'] }),
);
const roomArb = fc.record(
  { t: fc.constantFrom('v', 'v', 'l'), servedBy: served, ts: fc.date(), open: fc.constantFrom(true, undefined) },
  { requiredKeys: ['t', 'ts'] },
);
const rooms = fc.array(roomArb, { maxLength: 12 }).map((rs) => rs.map((r, i): Room => ({ _id: `r${i}`, ...r })));

const agentsParam = fc.array(fc.constantFrom('A1', 'a1', 'alice', 'ALICE', 'B2', 'bob', 'A1 ', ''), { maxLength: 3 });
const principalArb = fc.record({
  _id: fc.constantFrom('A1', 'B2', 'alice', 'a1'),
  username: fc.constantFrom('alice', 'bob', 'A1'),
  roles: fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 3 }),
});

const mayViewAll = (p: Principal): boolean => p.roles.some((r) => ['admin', 'livechat-manager', 'livechat-monitor'].includes(r));

const leaks = (result: E.Either<unknown, { rooms: ReadonlyArray<Room> }>, p: Principal): boolean =>
  E.isRight(result) &&
  !mayViewAll(p) &&
  result.right.rooms.some((room) => {
    const by = room['servedBy'];
    return !(typeof by === 'object' && by !== null && !Array.isArray(by) && (by as Record<string, unknown>)['_id'] === p._id);
  });

describe('authorization invariant', () => {
  it('no caller without view-livechat-rooms sees a room served by someone else', () =>
    fc.assert(
      fc.property(
        rooms,
        principalArb,
        agentsParam,
        fc.constantFrom<Mode>('default', 'rocketchat'),
        fc.constantFrom('agents[]', 'agents'),
        fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 2 }),
        (rs, p, agents, mode, key, newRoles) => {
          const search = agents.map((a) => `${key}=${encodeURIComponent(a)}`).join('&');
          expect(leaks(queryRooms(rs, search, p, { mode }), p)).toBe(false);
          expect(leaks(queryRooms(rs, { agents }, p, { mode }), p)).toBe(false);
          // Roles edited between requests: the next answer follows the new roles.
          const edited = { ...p, roles: newRoles };
          expect(leaks(queryRooms(rs, { agents }, edited, { mode }), edited)).toBe(false);
        },
      ),
      fuzzParams(FUZZ_AUTH_RUNS),
    ));
});
