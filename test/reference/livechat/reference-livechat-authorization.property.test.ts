// The authorization invariant, fuzzed on the reference itself: an agent sees only rooms it serves; an Enterprise
// monitor never sees a room outside its units, whatever customFields, units or departmentId say; customFields
// only ever narrows a result. Scope sets are restated here, not taken from the reference's scope module.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../src/auth/principal.js';
import type { Room } from '../../../src/model/room.js';
import {
  arbAgentPrincipal,
  arbAnyLivechatParams,
  arbCustomFieldsJson,
  arbEnterpriseOmnichannel,
  arbLivechatPrincipal,
  arbLivechatRooms,
  arbMonitorPrincipal,
  arbValidLivechatParams,
  livechatParamsForAgent,
  type LivechatParams,
} from '../../arbitraries/livechat/index.js';
import type { Mode } from '../../arbitraries/arb-principal.js';
import { oracleConfig } from '../../support/oracle-config.js';
import type { Omnichannel } from './livechat-scope.js';
import { referenceLivechatRooms } from './reference-livechat-rooms.js';

const MODES: Mode[] = ['default', 'rocketchat'];
const ALL_ROWS = { paging: { allowInfiniteCount: true } };

/** Selected rooms, by reference to the stored documents (fields dropped: a projection never changes the selection). */
function selected(rooms: Room[], params: LivechatParams, principal: Principal, mode: Mode, omnichannel?: Omnichannel): Room[] | undefined {
  const { fields: _fields, ...rest } = params;
  const result = referenceLivechatRooms(rooms, { ...rest, count: '0', offset: '0' }, principal, {
    mode,
    ...ALL_ROWS,
    ...(omnichannel ? { omnichannel } : {}),
  });
  if (!result.ok) return undefined;
  return result.page.rooms.map((r) => rooms.find((s) => s['_id'] === r['_id'])!);
}

/** Strings at a path value: the string itself or the strings of an array (MongoDB `$in` reach). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** In scope: departmentAncestors meets S, or departmentId names a department whose ancestors meet S. */
function inMonitorScope(room: Room, principal: Principal, o: Omnichannel): boolean {
  const s = new Set<string>();
  for (const m of o.unitMonitors ?? []) if (m.monitorId === principal._id) s.add(m.unitId);
  for (const a of o.departmentAgents ?? []) if (a.agentId === principal._id) s.add(a.departmentId);
  const d = new Set((o.departments ?? []).filter((dep) => (dep.ancestors ?? []).some((x) => s.has(x))).map((dep) => dep._id));
  return strings(room['departmentAncestors']).some((x) => s.has(x)) || strings(room['departmentId']).some((x) => d.has(x));
}

const arbParamsForMonitor = (mode: Mode): fc.Arbitrary<LivechatParams> =>
  fc.oneof(arbValidLivechatParams(mode), arbAnyLivechatParams(mode));

describe('livechat reference: authorization invariant', () => {
  it.each(MODES)('an agent sees only rooms it serves (%s)', (mode) => {
    const pair = arbAgentPrincipal.chain((p) =>
      fc.tuple(fc.constant(p), fc.oneof(livechatParamsForAgent(p, mode), arbAnyLivechatParams(mode))),
    );
    fc.assert(
      fc.property(arbLivechatRooms(), pair, fc.option(arbEnterpriseOmnichannel, { nil: undefined }), (rooms, [principal, params], o) => {
        const got = selected(rooms, params, principal, mode, o);
        if (got === undefined) return;
        for (const room of got) expect((room['servedBy'] as Record<string, unknown> | undefined)?.['_id']).toBe(principal._id);
      }),
      oracleConfig(400),
    );
  });

  it.each(MODES)('an Enterprise monitor never sees a room outside its units (%s)', (mode) => {
    fc.assert(
      fc.property(
        arbLivechatRooms(),
        arbMonitorPrincipal,
        arbParamsForMonitor(mode),
        arbEnterpriseOmnichannel,
        (rooms, principal, params, o) => {
          const got = selected(rooms, params, principal, mode, o);
          if (got === undefined) return;
          for (const room of got) expect(inMonitorScope(room, principal, o)).toBe(true);
        },
      ),
      oracleConfig(400),
    );
  });

  it.each(MODES)('customFields only narrows, for every caller (%s)', (mode) => {
    fc.assert(
      fc.property(
        arbLivechatRooms(),
        arbLivechatPrincipal,
        arbValidLivechatParams(mode),
        arbCustomFieldsJson,
        arbEnterpriseOmnichannel,
        (rooms, principal, params, customFields, o) => {
          const { customFields: _cf, ...without } = params;
          const wide = selected(rooms, without, principal, mode, o);
          const narrow = selected(rooms, { ...without, customFields }, principal, mode, o);
          if (wide === undefined || narrow === undefined) return;
          for (const room of narrow) expect(wide).toContain(room);
        },
      ),
      oracleConfig(400),
    );
  });

  it('the fuzz does reach scoped monitors with non-empty results', () => {
    const samples = fc.sample(
      fc.tuple(arbLivechatRooms(), arbMonitorPrincipal, arbValidLivechatParams('default'), arbEnterpriseOmnichannel),
      { numRuns: 400, seed: 3 },
    );
    const nonEmpty = samples.filter(([rooms, p, params, o]) => (selected(rooms, params, p, 'default', o)?.length ?? 0) > 0).length;
    expect(nonEmpty).toBeGreaterThan(10);
  });
});
