// Permission scoping: who sees what, and the permission table override.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, it } from 'vitest';
import { parseRoomsQueryString, queryRooms, scopeQuery, type Principal } from '../../src/index.js';
import { alice, manager, sampleRooms } from '../support/fixture-rooms.js';

const scopeOf = (query: string, who: Principal, permissions?: Record<string, string[]>) => {
  const parsed = parseRoomsQueryString(query);
  if (E.isLeft(parsed)) throw new Error('bad query');
  return scopeQuery(parsed.right, who, permissions);
};

describe('scopeQuery', () => {
  it.each(['admin', 'livechat-manager', 'livechat-monitor'])('%s sees all rooms', (role) => {
    const r = scopeOf('', { _id: 'x', username: 'x', roles: [role] });
    expect(E.isRight(r) && r.right.scope).toEqual({ kind: 'all' });
  });
  it('an agent asking for itself is scoped to rooms it served', () => {
    const r = scopeOf('agents[]=agent-alice', alice);
    expect(E.isRight(r) && r.right.scope).toEqual({ kind: 'served-by', agentId: 'agent-alice' });
  });
  it('the permission table can be overridden (e.g. agents allowed to see all rooms)', () => {
    const r = scopeOf('', alice, { 'view-livechat-rooms': ['livechat-agent'], 'view-l-room': [] });
    expect(E.isRight(r) && r.right.scope).toEqual({ kind: 'all' });
    const denied = scopeOf('', manager, { 'view-livechat-rooms': [], 'view-l-room': [] });
    expect(E.isLeft(denied) && denied.left.code).toBe('missing-permission');
  });
  it('the scope is enforced by the filter, not by trusting the agents parameter', () => {
    // A room whose servedBy.username equals alice's id but is served by someone else is not hers.
    const trap = [{ _id: 'trap', t: 'v', ts: new Date(0), servedBy: { _id: 'agent-bob', username: 'agent-alice' } }, ...sampleRooms];
    const r = queryRooms(trap, 'agents[]=agent-alice', alice);
    expect(E.isRight(r) && r.right.rooms.map((x) => x['_id'])).toEqual(['r3', 'r1']);
  });
});
