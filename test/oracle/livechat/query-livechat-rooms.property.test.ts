// Oracle properties for livechat/rooms: the engine's queryLivechatRooms answers exactly like the
// reference (test/reference/livechat, written from the spec alone) on generated rooms (odd documents
// included), principals of every role, Community and Enterprise directories, and parameters valid or not,
// in both modes; over an array and over an indexed collection. Each property reports how many cases it
// compared, and how many were pages with rooms, errors, and so on.
// Replay with ORACLE_SEED (and ORACLE_PATH); lengthen with ORACLE_RUNS.

import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import { createRoomCollection } from '../../../src/collection/room-collection.js';
import type { Room } from '../../../src/model/room.js';
import { queryLivechatRooms } from '../../../src/query-rooms.js';
import {
  arbAgentPrincipal,
  arbAnyLivechatParams,
  arbLivechatOptions,
  arbLivechatPrincipal,
  arbLivechatRooms,
  arbMonitorPrincipal,
  arbValidLivechatParams,
  livechatParamsForAgent,
  type LivechatOracleOptions,
  type LivechatParams,
} from '../../arbitraries/livechat/index.js';
import { referenceLivechatRooms } from '../../reference/livechat/reference-livechat-rooms.js';
import { oracleConfig } from '../../support/oracle-config.js';
import { expectSameAnswer, fromEngine, fromReference, type Answer } from '../same-answer.js';

type Mode = 'default' | 'rocketchat';

interface Case {
  readonly rooms: Room[];
  readonly principal: Principal;
  readonly params: LivechatParams;
  readonly options: LivechatOracleOptions;
  readonly indexed: boolean;
}

const arbCase = (mode: Mode, params: (p: Principal) => fc.Arbitrary<LivechatParams>): fc.Arbitrary<Case> =>
  fc
    .tuple(
      arbLivechatRooms(14),
      fc.oneof({ arbitrary: arbSeesAll, weight: 2 }, arbLivechatPrincipal, arbMonitorPrincipal, arbAgentPrincipal),
      arbLivechatOptions(mode),
      fc.boolean(),
    )
    .chain(([rooms, principal, options, indexed]) => params(principal).map((p) => ({ rooms, principal, params: p, options, indexed })));

const FILTERS = [
  'createdAt',
  'customFields',
  'closedAt',
  'agents',
  'roomName',
  'departmentId',
  'open',
  'onhold',
  'queued',
  'tags',
  'units',
];

/** Many filters at once (or an offset) rarely match a dozen rooms: two cases in three keep at most one filter and no offset. */
const thin = (principal: Principal, params: fc.Arbitrary<LivechatParams>): fc.Arbitrary<LivechatParams> =>
  fc.tuple(params, fc.option(fc.nat(), { nil: undefined, freq: 2 })).map(([p, keep]) => {
    if (keep === undefined) return p;
    // An agent's own-rooms request keeps its `agents`: without it, it is a 403.
    const own = JSON.stringify(p['agents']) === JSON.stringify([principal._id]) || p['agents'] === principal._id;
    const present = FILTERS.filter((k) => Object.hasOwn(p, k) && !(k === 'agents' && own));
    const kept = present[keep % Math.max(1, present.length)];
    return Object.fromEntries(
      Object.entries(p).filter(([k]) => k !== 'offset' && (!FILTERS.includes(k) || k === kept || (k === 'agents' && own))),
    );
  });

const validOrAgent = (mode: Mode) => (p: Principal) => thin(p, fc.oneof(arbValidLivechatParams(mode), livechatParamsForAgent(p, mode)));

/** Callers who see every room (admin, livechat-manager) often, so that many pages hold rooms. */
const arbSeesAll: fc.Arbitrary<Principal> = fc.constantFrom(
  { _id: 'admin-1', username: 'admin', roles: ['admin'] },
  { _id: 'mgr-1', username: 'manny', roles: ['livechat-manager'] },
);

/** Case counts per property, printed after the run (the closing note quotes them). */
const tallies = new Map<string, { cases: number; withRooms: number; empty: number; errors: Map<number, number> }>();
const tally = (name: string, answer: Answer): void => {
  const t = tallies.get(name) ?? { cases: 0, withRooms: 0, empty: 0, errors: new Map<number, number>() };
  t.cases++;
  if (answer.ok) {
    if (answer.rooms.length > 0) t.withRooms++;
    else t.empty++;
  } else t.errors.set(answer.status, (t.errors.get(answer.status) ?? 0) + 1);
  tallies.set(name, t);
};
afterAll(() => {
  for (const [name, t] of tallies) {
    const errors = [...t.errors]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ');
    console.log(
      `[livechat oracle] ${name}: ${t.cases} cases compared — ${t.withRooms} pages with rooms, ${t.empty} empty pages, errors {${errors}}`,
    );
  }
});

const runBoth =
  (name: string) =>
  (c: Case): void => {
    const source = c.indexed ? createRoomCollection(c.rooms) : c.rooms;
    const engine = fromEngine(queryLivechatRooms(source, c.params, c.principal, c.options));
    const reference = fromReference(referenceLivechatRooms(c.rooms, c.params, c.principal, c.options));
    expectSameAnswer(engine, reference);
    tally(name, engine);
  };

describe('queryLivechatRooms ≡ reference', () => {
  for (const mode of ['default', 'rocketchat'] as const) {
    it(`${mode}: valid params × rooms (odd ones included) × principals × directories`, () => {
      fc.assert(fc.property(arbCase(mode, validOrAgent(mode)), runBoth(`${mode} valid`)), oracleConfig(1500));
      expect(tallies.get(`${mode} valid`)?.withRooms ?? 0).toBeGreaterThan(150);
    });
    it(`${mode}: arbitrary params: the same error (status and body) or the same page`, () => {
      fc.assert(
        fc.property(
          arbCase(mode, () => arbAnyLivechatParams(mode)),
          runBoth(`${mode} any`),
        ),
        oracleConfig(1500),
      );
    });
  }
});
