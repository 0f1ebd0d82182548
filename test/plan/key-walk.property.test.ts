// The nested walk for sorts (K, ts, _id) — K's keys in order, each key's posting by ts — answers like
// the scan, for valid rooms (K always a string) × filters × both directions × offsets; and it is used.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, createRoomCollection, parseRoomsParams, scopeQuery, type Principal, type Room } from '../../src/index.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { planQuery } from '../../src/plan/plan.js';
import { arbRoom, arbValidParams } from '../arbitraries/index.js';
import { oracleConfig } from '../support/oracle-config.js';

const admin: Principal = { _id: 'admin-1', username: 'admin', roles: ['admin'] };

const arbSort = fc
  .tuple(fc.constantFrom('queue', 'direction'), fc.constantFrom(1, -1), fc.constantFrom(1, -1))
  .map(([key, a, b]) => JSON.stringify({ [key]: a, ts: b }));

describe('key walk (sort by a key, then ts)', () => {
  it('answers like the scan in every plan', () => {
    let used = 0;
    fc.assert(
      fc.property(
        fc
          .array(arbRoom, { maxLength: 120 })
          .chain((rooms) =>
            fc
              .array(fc.nat({ max: Math.max(0, rooms.length - 1) }), { maxLength: rooms.length > 0 ? 5 : 0 })
              .map((r) => [...rooms, ...r.map((i) => rooms[i] as Room)]),
          ),
        arbValidParams('default'),
        arbSort,
        fc.constantFrom(undefined, '0', '3', '40'),
        (rooms, params, sort, offset) => {
          const { agents: _agents, ...rest } = params;
          const parsed = parseRoomsParams({ ...rest, sort, ...(offset === undefined ? {} : { offset }) });
          if (E.isLeft(parsed)) return;
          const scoped = scopeQuery(parsed.right, admin);
          if (E.isLeft(scoped)) return;
          const compiled = compileQuery(scoped.right);
          const collection = createRoomCollection(rooms);
          const expected = runQueryWithStats(compiled, rooms).page;
          const plan = planQuery(compiled, collection);
          if (plan.alternatives.some((p) => p.kind === 'index' && p.ordering.kind === 'key-walk')) used++;
          for (const alternative of plan.alternatives)
            expect(runQueryWithStats(compiled, collection, { plan: alternative }).page).toEqual(expected);
        },
      ),
      oracleConfig(300),
    );
    expect(used).toBeGreaterThan(0);
  });
});
