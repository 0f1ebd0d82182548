// The authorization invariant of livechat/rooms, fuzzed: an agent scoped to its own rooms only ever
// gets rooms it serves; a livechat-monitor (Enterprise) never gets a room outside its units, whatever
// customFields, units, departmentId (or any other parameter) say, in both modes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoomCollection } from '../../../src/collection/room-collection.js';
import type { Omnichannel } from '../../../src/model/omnichannel.js';
import type { Room } from '../../../src/model/room.js';
import { queryLivechatRooms } from '../../../src/query-rooms.js';
import { FUZZ_AUTH_RUNS, fuzzParams } from '../../fuzz/fuzz-config.js';

const IDS = ['u1', 'u2', 'u3', 'd1', 'd2', 'd3', 'd4', 'm1', 'a1', 'a2'];
const arbId = fc.constantFrom(...IDS);
const arbOdd = fc.constantFrom<unknown>(undefined, null, '', 5, true, {}, [], ['u1', 5], { _id: 'd1' });

const arbOmnichannel: fc.Arbitrary<Omnichannel> = fc.record({
  departments: fc.array(
    fc.record({ _id: arbId, name: fc.constantFrom('Sales', 'Support'), ancestors: fc.array(arbId, { maxLength: 2 }) }),
    { maxLength: 5 },
  ),
  units: fc.array(fc.record({ _id: arbId, name: fc.constant('Unit') }), { minLength: 1, maxLength: 3 }),
  unitMonitors: fc.array(fc.record({ monitorId: fc.constantFrom('m1', 'a1', 'x'), unitId: arbId }), { maxLength: 4 }),
  departmentAgents: fc.array(fc.record({ agentId: fc.constantFrom('m1', 'a1', 'a2'), departmentId: arbId }), { maxLength: 4 }),
});

const arbRoom: fc.Arbitrary<Room> = fc
  .record(
    {
      t: fc.constantFrom<unknown>('l', 'l', 'l', 'v', ['l']),
      departmentId: fc.oneof(arbId, arbOdd, fc.array(arbId, { maxLength: 2 })),
      departmentAncestors: fc.oneof(fc.array(arbId, { maxLength: 3 }), arbOdd),
      servedBy: fc.oneof(fc.record({ _id: fc.constantFrom('m1', 'a1', 'a2'), username: fc.constantFrom('mona', 'alice', 'a1') }), arbOdd),
      livechatData: fc.oneof(fc.record({ plan: fc.constantFrom('gold', 'free', '') }), arbOdd),
      open: fc.constantFrom<unknown>(undefined, true),
      onHold: fc.constantFrom<unknown>(undefined, true, false),
      ts: fc.date({ min: new Date(0), max: new Date(1e12), noInvalidDate: true }),
    },
    { requiredKeys: ['t', 'ts'] },
  )
  .map((r): Room => ({ _id: 'r', ...r }));

const arbRooms = fc.array(arbRoom, { maxLength: 20 }).map((rooms) => rooms.map((r, i) => ({ ...r, _id: `r${i}` })));

const PARAMS: Record<string, fc.Arbitrary<unknown>> = {
  customFields: fc.constantFrom('{"plan":"."}', '{"plan":"gold"}', '{"$and":"x"}', '{"a":"("}', '{}', '[]'),
  units: fc.oneof(fc.array(arbId, { maxLength: 3 }), fc.constant('u1')),
  departmentId: fc.oneof(arbId, fc.array(arbId, { maxLength: 3 }), fc.constant('undefined')),
  agents: fc.oneof(fc.array(fc.constantFrom('m1', 'a1', 'a2'), { minLength: 1, maxLength: 2 }), fc.constant('a1')),
  open: fc.constantFrom('true', 'false', 'x'),
  queued: fc.constantFrom('1', 'no'),
  onhold: fc.constantFrom('true', 'no'),
  fields: fc.constantFrom('{"departmentId":0}', '{"fname":1}', '{}'),
  sort: fc.constantFrom('{"departmentId":1}', '{"ts":1}'),
};

/** 0–3 parameters at a time, so that many requests still match rooms. */
const arbParams: fc.Arbitrary<Record<string, unknown>> = fc
  .subarray(Object.keys(PARAMS), { maxLength: 3 })
  .chain((keys) => fc.tuple(...keys.map((k) => (PARAMS[k] as fc.Arbitrary<unknown>).map((v) => [k, v] as const))))
  .map((entries) => Object.fromEntries(entries));

const arbMode = fc.constantFrom('default', 'rocketchat') as fc.Arbitrary<'default' | 'rocketchat'>;

/** Monitor scope restated: S = monitored units ∪ departments served; D = departments whose ancestors meet S. */
const visibleToMonitor = (o: Omnichannel, monitorId: string, room: Room): boolean => {
  const s = new Set<string>([
    ...(o.unitMonitors ?? []).filter((m) => m.monitorId === monitorId).map((m) => m.unitId),
    ...(o.departmentAgents ?? []).filter((a) => a.agentId === monitorId).map((a) => a.departmentId),
  ]);
  const d = new Set((o.departments ?? []).filter((dep) => (dep.ancestors ?? []).some((a) => s.has(a))).map((dep) => dep._id));
  const strings = (v: unknown): string[] => (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === 'string');
  return strings(room['departmentAncestors']).some((u) => s.has(u)) || strings(room['departmentId']).some((id) => d.has(id));
};

describe('livechat authorization invariant', () => {
  it('a monitor never sees a room outside its units (EE), whatever the parameters', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(arbRooms, arbOmnichannel, arbParams, arbMode, fc.boolean(), (rooms, omnichannel, params, mode, indexed) => {
        const monitor = { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] };
        // Keep the fields the check reads: the projection is not what is being tested here.
        const { fields: _fields, ...rest } = params;
        const result = queryLivechatRooms(indexed ? createRoomCollection(rooms) : rooms, rest, monitor, { mode, omnichannel });
        if (result._tag === 'Left') return;
        const byId = new Map(rooms.map((r) => [r._id as string, r]));
        if (result.right.rooms.length > 0) nonEmpty++;
        for (const room of result.right.rooms) {
          expect(visibleToMonitor(omnichannel, 'm1', byId.get(room['_id'] as string) as Room), JSON.stringify(room)).toBe(true);
        }
      }),
      fuzzParams(FUZZ_AUTH_RUNS),
    );
    // Not vacuous: many runs return rooms.
    expect(nonEmpty).toBeGreaterThan(FUZZ_AUTH_RUNS / 50);
  });

  it('an agent (view-l-room only) only ever gets rooms it serves, monitor or not', () => {
    let nonEmpty = 0;
    fc.assert(
      fc.property(
        arbRooms,
        fc.option(arbOmnichannel, { nil: undefined }),
        arbParams,
        arbMode,
        fc.constantFrom(['livechat-agent'], ['livechat-agent', 'livechat-monitor']),
        (rooms, omnichannel, params, mode, roles) => {
          const agent = { _id: 'a1', username: 'alice', roles };
          // With view-livechat-rooms taken away, a monitor is an agent too.
          const permissions = { 'view-l-room': ['livechat-agent'] };
          const result = queryLivechatRooms(rooms, { ...params, agents: ['a1'] }, agent, { mode, omnichannel, permissions });
          if (result._tag === 'Left') return;
          const byId = new Map(rooms.map((r) => [r._id as string, r]));
          if (result.right.rooms.length > 0) nonEmpty++;
          for (const room of result.right.rooms) {
            const stored = byId.get(room['_id'] as string) as Room;
            expect((stored['servedBy'] as { _id?: unknown } | undefined)?._id).toBe('a1');
          }
        },
      ),
      fuzzParams(FUZZ_AUTH_RUNS),
    );
    expect(nonEmpty).toBeGreaterThan(FUZZ_AUTH_RUNS / 50);
  });
});
