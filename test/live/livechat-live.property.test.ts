// Live queries for livechat/rooms: random livechat rooms × random patch sequences (answer, hold, queue,
// close, move department, custom fields, new and deleted rooms, refused ops) × random callers, params and
// directories (Community and Enterprise). After every step, a client copy kept only from the emitted
// patches (one through liveRooms, one through a hub) deep-equals a fresh queryLivechatRooms on the store's
// snapshot — departments attached, monitor scope applied — and, in default mode, the reference. A monitor
// following through the hub never receives a room outside its units.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Principal } from '../../src/auth/principal.js';
import { LIVECHAT_ROOMS } from '../../src/endpoint/endpoints.js';
import { queryLivechatRooms, toJsonValue, type Room } from '../../src/index.js';
import { createLiveHub, followRooms, liveRooms, type LivePage } from '../../src/live/index.js';
import { createRoomStore, type RoomStore } from '../../src/store/index.js';
import {
  arbAgentPrincipal,
  arbEnterpriseOmnichannel,
  arbLivechatOptions,
  arbLivechatPrincipal,
  arbLivechatRoom,
  arbLivechatRooms,
  arbMonitorPrincipal,
  arbValidLivechatParams,
  livechatParamsForAgent,
  livechatPools,
  type LivechatOracleOptions,
  type LivechatParams,
} from '../arbitraries/livechat/index.js';
import type { Omnichannel } from '../reference/livechat/livechat-scope.js';
import { referenceLivechatRooms } from '../reference/livechat/reference-livechat-rooms.js';
import { oracleConfig } from '../support/oracle-config.js';

type Mode = 'default' | 'rocketchat';
const { LC_AGENT_IDS, LC_DEPARTMENT_IDS, LC_FNAMES, LC_INSTANTS, LC_ROOM_IDS, LC_TAGS, LC_UNIT_IDS, LC_USERNAMES } = livechatPools;
const plain = { noNullPrototype: true } as const;
const at = (id: string, ...rest: string[]): string => ['', id.replace(/~/g, '~0').replace(/\//g, '~1'), ...rest].join('/');

/** Livechat changes: what Rocket.Chat does to a chat (take, hold, resume, transfer, close, reopen, tag) and refused ops. */
const arbLivechatOp = (ids: ReadonlyArray<string>): fc.Arbitrary<unknown> =>
  (ids.length === 0 ? fc.constantFrom<string>(...LC_ROOM_IDS) : fc.constantFrom(...ids)).chain((id) =>
    fc.oneof(
      fc.constant({ op: 'remove', path: at(id, 'open') }),
      fc.constant({ op: 'add', path: at(id, 'open'), value: true }),
      fc.boolean().map((value) => ({ op: 'add', path: at(id, 'onHold'), value })),
      fc.constant({ op: 'remove', path: at(id, 'onHold') }),
      fc
        .record({ _id: fc.constantFrom<string>(...LC_AGENT_IDS), username: fc.constantFrom<string>(...LC_USERNAMES) }, plain)
        .map((servedBy) => ({ op: 'add', path: at(id, 'servedBy'), value: servedBy })),
      fc.constant({ op: 'remove', path: at(id, 'servedBy') }),
      fc.constantFrom<string>(...LC_DEPARTMENT_IDS, 'dep-unknown').map((d) => ({ op: 'add', path: at(id, 'departmentId'), value: d })),
      fc.constant({ op: 'remove', path: at(id, 'departmentId') }),
      fc.subarray([...LC_UNIT_IDS]).map((units) => ({ op: 'add', path: at(id, 'departmentAncestors'), value: units })),
      fc.constant({ op: 'remove', path: at(id, 'departmentAncestors') }),
      fc.constantFrom('ACME-42', 'gold', 'x').map((crm) => ({ op: 'add', path: at(id, 'livechatData'), value: { crm } })),
      fc.constantFrom<string>(...LC_FNAMES).map((fname) => ({ op: 'add', path: at(id, 'fname'), value: fname })),
      fc.subarray([...LC_TAGS]).map((tags) => ({ op: 'add', path: at(id, 'tags'), value: tags })),
      fc.constantFrom<string>(...LC_INSTANTS).map((iso) => ({ op: 'add', path: at(id, 'ts'), value: iso })),
      fc.constantFrom<string>(...LC_INSTANTS).map((iso) => ({ op: 'add', path: at(id, 'closedAt'), value: iso })),
      arbLivechatRoom.map((room) => ({ op: 'add', path: at(id), value: JSON.parse(JSON.stringify({ ...room, _id: id })) as unknown })),
      fc.constant({ op: 'remove', path: at(id) }),
      fc.constantFrom<unknown>({ op: 'bogus', path: at(id) }, { op: 'remove', path: at('no-such-room', 'open') }, 'not an op'),
    ),
  );

const arbPatches = (rooms: ReadonlyArray<Room>): fc.Arbitrary<unknown[][]> => {
  const ids = rooms.map((r) => String(r['_id']));
  return fc.array(fc.array(arbLivechatOp(ids), { minLength: 1, maxLength: 3 }), { maxLength: 8 });
};

/** Rooms the store admits (odd documents it refuses are left out), unique ids. */
const storeOf = (rooms: ReadonlyArray<Room>): RoomStore => {
  const admitted = rooms.filter((r) => E.isRight(createRoomStore([r])));
  const created = createRoomStore(admitted);
  if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
  return created.right;
};

const arbCallerParams = (mode: Mode): fc.Arbitrary<{ principal: Principal; params: LivechatParams }> =>
  fc
    .oneof(
      fc.constantFrom<Principal>({ _id: 'admin-1', username: 'admin', roles: ['admin'] }),
      arbLivechatPrincipal,
      arbMonitorPrincipal,
      arbAgentPrincipal,
    )
    .chain((principal) =>
      fc.oneof(arbValidLivechatParams(mode), livechatParamsForAgent(principal, mode)).map((params) => ({ principal, params })),
    );

const tallies = { steps: 0, withRooms: 0, withDepartment: 0, monitorSteps: 0, monitorRooms: 0 };
afterAll(() => console.log(`[livechat live] ${JSON.stringify(tallies)}`));

describe('livechat live queries ≡ a fresh livechat query', () => {
  for (const mode of ['default', 'rocketchat'] as const) {
    it(`${mode}: pages rebuilt from patches (liveRooms and a hub) = queryLivechatRooms(snapshot), departments attached`, () =>
      fc.assert(
        fc.property(
          arbLivechatRooms(12).chain((rooms) => fc.tuple(fc.constant(rooms), arbPatches(rooms))),
          fc.array(arbCallerParams(mode), { minLength: 1, maxLength: 3 }),
          arbLivechatOptions(mode),
          ([rooms, patches], callers, options: LivechatOracleOptions) => {
            const store = storeOf(rooms);
            const hub = createLiveHub(store, { lingerMs: 0 });
            const endpointOptions = { ...options, endpoint: LIVECHAT_ROOMS };
            const followers = callers.flatMap(({ principal, params }) => {
              const direct: { copy?: LivePage } = {};
              const shared: { copy?: LivePage } = {};
              const live = liveRooms(store, params, principal, endpointOptions, (event) => {
                direct.copy =
                  event.kind === 'page' ? event.page : jsonpatch.applyPatch(direct.copy, jsonpatch.deepClone(event.patch)).newDocument;
              });
              const sub = followRooms(hub, params, principal, endpointOptions, (frame) => {
                const data = JSON.parse(frame.data) as unknown;
                shared.copy =
                  frame.kind === 'page' ? (data as LivePage) : jsonpatch.applyPatch(shared.copy, data as jsonpatch.Operation[]).newDocument;
              });
              const fresh = queryLivechatRooms(store.snapshot(), params, principal, options);
              // The same 400/403 as the GET endpoint, decided before anything is followed.
              expect(E.isLeft(live)).toBe(E.isLeft(fresh));
              expect(E.isLeft(sub)).toBe(E.isLeft(fresh));
              if (E.isLeft(live) || E.isLeft(sub)) return [];
              return [{ principal, params, live: live.right, sub: sub.right, direct, shared }];
            });
            const check = (): void => {
              for (const { principal, params, direct, shared } of followers) {
                const fresh = queryLivechatRooms(store.snapshot(), params, principal, options);
                if (E.isLeft(fresh)) throw new Error(`fresh query failed: ${JSON.stringify(fresh.left)}`);
                const expected = toJsonValue(fresh.right);
                expect(direct.copy).toEqual(expected);
                expect(shared.copy).toEqual(expected);
                tallies.steps++;
                if (fresh.right.rooms.length > 0) tallies.withRooms++;
                if (fresh.right.rooms.some((r) => Object.hasOwn(r, 'department'))) tallies.withDepartment++;
                if (mode === 'default') {
                  const ref = referenceLivechatRooms(store.current().rooms() as Room[], params, principal, options);
                  expect(ref.ok).toBe(true);
                  if (ref.ok) expect(direct.copy).toEqual(toJsonValue(ref.page));
                }
              }
            };
            check();
            for (const patch of patches) {
              store.apply(patch);
              check();
            }
            for (const { live, sub } of followers) {
              live.close();
              sub.close();
            }
            hub.close();
          },
        ),
        oracleConfig(200),
      ));
  }
});

/** In scope: departmentAncestors meets S, or departmentId names a department whose ancestors meet S (restated from the contract). */
const inMonitorScope = (room: Room, principal: Principal, o: Omnichannel): boolean => {
  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  const s = new Set<string>();
  for (const m of o.unitMonitors ?? []) if (m.monitorId === principal._id) s.add(m.unitId);
  for (const a of o.departmentAgents ?? []) if (a.agentId === principal._id) s.add(a.departmentId);
  const d = new Set((o.departments ?? []).filter((dep) => (dep.ancestors ?? []).some((x) => s.has(x))).map((dep) => dep._id));
  return strings(room['departmentAncestors']).some((x) => s.has(x)) || strings(room['departmentId']).some((x) => d.has(x));
};

describe('livechat live: the monitor scope holds through the stream', () => {
  it.each(['default', 'rocketchat'] as const)('an Enterprise monitor never receives a room outside its units (%s)', (mode) => {
    const before = tallies.monitorRooms;
    fc.assert(
      fc.property(
        arbLivechatRooms(12).chain((rooms) => fc.tuple(fc.constant(rooms), arbPatches(rooms))),
        arbMonitorPrincipal,
        // No filter half the time (any valid parameters the other half), so that monitor pages hold rooms.
        fc.oneof(fc.constant<LivechatParams>({}), arbValidLivechatParams(mode)),
        arbEnterpriseOmnichannel,
        ([rooms, patches], principal, params, omnichannel) => {
          const { fields: _fields, ...rest } = params; // `_id` must come through to find the stored room
          const store = storeOf(rooms);
          const hub = createLiveHub(store, { lingerMs: 0 });
          let copy: LivePage | undefined;
          const check = (): void => {
            for (const r of copy?.rooms ?? []) {
              const id = (r as { _id: string })._id;
              const stored = store
                .current()
                .rooms()
                .find((s) => s['_id'] === id);
              expect(stored).toBeDefined();
              expect(inMonitorScope(stored as Room, principal, omnichannel)).toBe(true);
              tallies.monitorRooms++;
            }
            tallies.monitorSteps++;
          };
          const sub = followRooms(hub, rest, principal, { mode, omnichannel, endpoint: LIVECHAT_ROOMS }, (frame) => {
            const data = JSON.parse(frame.data) as unknown;
            copy = frame.kind === 'page' ? (data as LivePage) : jsonpatch.applyPatch(copy, data as jsonpatch.Operation[]).newDocument;
            check();
          });
          if (E.isLeft(sub)) return;
          for (const patch of patches) store.apply(patch);
          sub.right.close();
          hub.close();
        },
      ),
      oracleConfig(300),
    );
    expect(tallies.monitorRooms - before).toBeGreaterThan(100); // not vacuous: monitors do receive rooms
  });
});
