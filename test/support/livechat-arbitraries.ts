// Small livechat arbitraries for the engine's own properties (MongoDB form, plans): rooms with odd
// values where they matter, the demo EE omnichannel data, principals of every kind, 0–3 parameters.
import fc from 'fast-check';
import type { Omnichannel } from '../../src/model/omnichannel.js';
import type { Room } from '../../src/model/room.js';
import type { Mode } from '../../src/options.js';

export const omnichannel: Omnichannel = {
  departments: [
    { _id: 'd1', name: 'Sales', ancestors: ['u1'] },
    { _id: 'd2', name: 'Support', ancestors: ['u2'] },
    { _id: 'd3', name: 'Onboarding' },
  ],
  units: [
    { _id: 'u1', name: 'North' },
    { _id: 'u2', name: 'South' },
  ],
  unitMonitors: [{ monitorId: 'm1', unitId: 'u1' }],
  departmentAgents: [{ agentId: 'm1', departmentId: 'd3' }],
};

export const LIVECHAT_PRINCIPALS = [
  { _id: 'x', username: 'admin', roles: ['admin'] },
  { _id: 'a1', username: 'alice', roles: ['livechat-agent'] },
  { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] },
];

const odd = fc.constantFrom<unknown>(null, '', 5, true, false, [], ['l'], {});
const arbRoom = fc.record(
  {
    t: fc.constantFrom<unknown>('l', 'l', 'l', 'l', 'v', ['l'], 'L'),
    fname: fc.oneof(fc.constantFrom('Mary Ann', 'mary', 'Bob', 'ANN', '"Mary"', 'a.b'), odd),
    ts: fc.integer({ min: 0, max: 6 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d))),
    open: fc.constantFrom<unknown>(undefined, true, true, [true], false),
    onHold: fc.constantFrom<unknown>(undefined, true, false, [true]),
    servedBy: fc.oneof(fc.record({ _id: fc.constantFrom('a1', 'a2', 'm1'), username: fc.constantFrom('alice', 'a1', 'bob') }), odd),
    departmentId: fc.oneof(
      fc.constantFrom('d1', 'd2', 'd3', 'dx', 'undefined'),
      fc.array(fc.constantFrom('d1', 'd2'), { maxLength: 2 }),
      odd,
    ),
    departmentAncestors: fc.oneof(fc.array(fc.constantFrom('u1', 'u2', 'd3'), { maxLength: 2 }), odd),
    tags: fc.oneof(fc.array(fc.constantFrom('vip', 'sales'), { maxLength: 2 }), fc.constant('vip'), odd),
    closedAt: fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((d) => new Date(Date.UTC(2024, 0, 2 + d))),
      odd,
    ),
    livechatData: fc.oneof(
      fc.record(
        {
          plan: fc.oneof(
            fc.constantFrom('Gold', 'gold plan', 'free', 'ENTERPRISE', 'a1c'),
            fc.array(fc.constantFrom('gold', 'x'), { maxLength: 2 }),
            odd,
          ),
        },
        { requiredKeys: [] },
      ),
      odd,
    ),
  },
  { requiredKeys: ['t', 'ts'] },
);

export const arbLivechatRooms = fc
  .array(arbRoom, { maxLength: 14 })
  .map((rooms) => rooms.map((r, i): Room => ({ _id: `r${String(i).padStart(2, '0')}`, ...r })));

// Patterns read the same by JavaScript (mingo), RE2 and PCRE.
export const LIVECHAT_PARAMS: Record<string, fc.Arbitrary<unknown>> = {
  agents: fc.array(fc.constantFrom('a1', 'alice', 'm1'), { minLength: 1, maxLength: 2 }),
  roomName: fc.constantFrom('mary', 'ANN', '"Mary Ann"', '"mary"', 'a.b', '"'),
  departmentId: fc.oneof(
    fc.constantFrom('d1', 'd2', 'undefined', ''),
    fc.array(fc.constantFrom('d1', 'd3', ''), { minLength: 1, maxLength: 2 }),
  ),
  open: fc.constantFrom('true', 'false', 'x'),
  onhold: fc.constantFrom('true', '1', 'no'),
  queued: fc.constantFrom('t', 'false'),
  createdAt: fc.constantFrom('{"start":"2024-01-03"}', '{"end":"2024-01-04T00:00:00Z"}', '{}', '5', 'null'),
  closedAt: fc.constantFrom('{"start":"2024-01-05"}', '{}'),
  tags: fc.array(fc.constantFrom('vip', 'sales'), { minLength: 1, maxLength: 2 }),
  customFields: fc.constantFrom('{"plan":"^gold"}', '{"plan":"a.c"}', '{"plan":"PLAN$"}', '{"plan":"gold|free"}', '{"plan":"[0-9]"}', '{}'),
  units: fc.array(fc.constantFrom('u1', 'u2'), { minLength: 1, maxLength: 2 }),
  sort: fc.constantFrom('{"fname":1}', '{"ts":1}', '{"departmentId":-1,"ts":1}', '{}'),
  count: fc.constantFrom('2', '5'),
  offset: fc.constantFrom('0', '1', '3'),
};

export const arbLivechatParams = (mode: Mode) =>
  fc
    .subarray(
      Object.keys(LIVECHAT_PARAMS).filter((k) => mode === 'default' || k !== 'units'),
      { maxLength: 3 },
    )
    .chain((keys) => fc.tuple(...keys.map((k) => (LIVECHAT_PARAMS[k] as fc.Arbitrary<unknown>).map((v) => [k, v] as const))))
    .map((entries) => Object.fromEntries(entries) as Record<string, unknown>);
