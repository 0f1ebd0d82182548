// livechat/rooms through the planner: for generated livechat rooms (odd values, repeats) × parameters ×
// principals × index configurations, every plan the planner considers answers exactly like the scan
// (the new nodes: strict `t`, onHold ≠ true, queued = servedBy absent, departments, the monitor scope).
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scopeLivechatQuery } from '../../src/auth/livechat/scope-livechat-query.js';
import { createRoomCollection, type CollectionIndexes } from '../../src/collection/room-collection.js';
import { compileQuery } from '../../src/compile/compile-query.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import type { Room } from '../../src/model/room.js';
import type { Mode } from '../../src/options.js';
import { planQuery } from '../../src/plan/plan.js';
import { parseLivechatParams } from '../../src/request/livechat/parse-livechat-params.js';
import { arbLivechatParams, arbLivechatRooms, LIVECHAT_PRINCIPALS, omnichannel } from '../support/livechat-arbitraries.js';
import { oracleConfig } from '../support/oracle-config.js';

const INDEX_CONFIGS: ReadonlyArray<CollectionIndexes | undefined> = [
  undefined,
  { keys: ['t', 'departmentId', 'departmentAncestors', 'servedBy._id'], presence: ['servedBy', 'open', 'onHold'], orders: ['ts'] },
  { keys: ['departmentId'], presence: ['servedBy'], orders: ['closedAt', 'ts'] },
  { keys: ['t'], presence: ['servedBy'], flags: ['onHold', 'open'], substrings: ['fname'], orders: ['ts'] },
];

const arbRepeated = arbLivechatRooms.chain((rooms) =>
  fc
    .array(fc.nat({ max: Math.max(0, rooms.length - 1) }), { maxLength: rooms.length > 0 ? 3 : 0 })
    .map((again) => [...rooms, ...again.map((i) => rooms[i] as Room)]),
);

describe('livechat plans ≡ scan', () => {
  it.each(['default', 'rocketchat'] as const)('%s mode: every alternative plan gives the scan’s page and total', (mode: Mode) => {
    let indexed = 0;
    fc.assert(
      fc.property(
        arbRepeated,
        fc.constantFrom(...LIVECHAT_PRINCIPALS),
        arbLivechatParams(mode),
        fc.nat({ max: INDEX_CONFIGS.length - 1 }),
        (rooms, principal, params, k) => {
          const options = { mode, omnichannel };
          const scoped = E.chain((q: Parameters<typeof scopeLivechatQuery>[0]) => scopeLivechatQuery(q, principal, options))(
            parseLivechatParams(principal._id === 'a1' ? { ...params, agents: ['a1'] } : params, options),
          );
          if (E.isLeft(scoped)) return;
          const compiled = compileQuery(scoped.right);
          const scan = runQueryWithStats(compiled, rooms).page;
          const collection = createRoomCollection(rooms, { indexes: INDEX_CONFIGS[k] });
          for (const plan of planQuery(compiled, collection).alternatives) {
            if (plan.kind === 'index') indexed++;
            expect(runQueryWithStats(compiled, collection, { plan }).page).toStrictEqual(scan);
          }
        },
      ),
      oracleConfig(600),
    );
    expect(indexed).toBeGreaterThan(100);
  });
});
