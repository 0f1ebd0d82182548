// Omnichannel directory arbitraries (departments with ancestors, units, unit monitors, department agents),
// plus principals of every livechat role and the options a livechat query runs with.

import fc from 'fast-check';
import type { Principal } from '../../../src/auth/principal.js';
import type { Omnichannel } from '../../reference/livechat/livechat-scope.js';
import type { Mode, OracleOptions } from '../arb-principal.js';
import { LC_AGENT_IDS, LC_DEPARTMENT_IDS, LC_PRINCIPAL_IDS, LC_UNIT_IDS, LC_USERNAMES } from './livechat-pools.js';

const plain = { noNullPrototype: true } as const;

const arbDepartment = (id: string) =>
  fc.record(
    {
      _id: fc.constant(id),
      name: fc.constantFrom('Sales', 'Support', 'Billing', 'sales'),
      // `dep-a` may appear as an ancestor: ids are plain strings, nothing stops a collision.
      ancestors: fc.subarray([...LC_UNIT_IDS, 'dep-a']),
    },
    { requiredKeys: ['_id', 'name'], ...plain },
  );

/** Enterprise (units non-empty) or Community (no units) directories; monitors are drawn from the agent ids. */
export const arbOmnichannel: fc.Arbitrary<Omnichannel> = fc
  .tuple(
    fc.subarray([...LC_DEPARTMENT_IDS]).chain((ids) => fc.tuple(...ids.map(arbDepartment))),
    fc.subarray([...LC_UNIT_IDS]),
    fc.array(
      fc.record(
        { monitorId: fc.constantFrom<string>(...LC_AGENT_IDS, 'dep-a'), unitId: fc.constantFrom<string>(...LC_UNIT_IDS, 'unit-9') },
        plain,
      ),
      { maxLength: 4 },
    ),
    fc.array(
      fc.record({ agentId: fc.constantFrom<string>(...LC_AGENT_IDS), departmentId: fc.constantFrom<string>(...LC_DEPARTMENT_IDS) }, plain),
      { maxLength: 4 },
    ),
  )
  .map(([departments, units, unitMonitors, departmentAgents]) => ({
    departments,
    units: units.map((id) => ({ _id: id, name: id.toUpperCase() })),
    unitMonitors,
    departmentAgents,
  }));

/** Enterprise only: at least one unit, and mon-1 monitors unit-1 (so scoped monitors are common). */
export const arbEnterpriseOmnichannel: fc.Arbitrary<Omnichannel> = arbOmnichannel.map((o) => ({
  ...o,
  units: o.units !== undefined && o.units.length > 0 ? o.units : [{ _id: 'unit-1', name: 'UNIT-1' }],
  unitMonitors: [...(o.unitMonitors ?? []), { monitorId: 'mon-1', unitId: 'unit-1' }],
}));

export const LC_ROLE_SETS: ReadonlyArray<ReadonlyArray<string>> = [
  ['admin'],
  ['livechat-manager'],
  ['livechat-monitor'],
  ['livechat-agent'],
  ['user'],
  [],
  ['livechat-monitor', 'livechat-agent'],
  ['livechat-monitor', 'admin'],
  ['livechat-monitor', 'livechat-manager'],
  ['user', 'livechat-agent'],
  ['bot', 'guest'],
];

export const arbLivechatPrincipal: fc.Arbitrary<Principal> = fc.record(
  {
    _id: fc.constantFrom<string>(...LC_PRINCIPAL_IDS),
    username: fc.constantFrom<string>(...LC_USERNAMES),
    roles: fc.constantFrom(...LC_ROLE_SETS).map((roles) => [...roles]),
  },
  plain,
);

/** A monitor-scoped principal when the directory is Enterprise (monitor role, neither admin nor manager). */
export const arbMonitorPrincipal: fc.Arbitrary<Principal> = fc.record(
  {
    _id: fc.constantFrom<string>(...LC_AGENT_IDS, 'dep-a'),
    username: fc.constantFrom<string>(...LC_USERNAMES),
    roles: fc.constantFrom(['livechat-monitor'], ['livechat-monitor', 'livechat-agent'], ['livechat-monitor', 'user']).map((r) => [...r]),
  },
  plain,
);

/** An agent: `livechat-agent` only (no `view-livechat-rooms` under the default table). */
export const arbAgentPrincipal: fc.Arbitrary<Principal> = fc.record(
  {
    _id: fc.constantFrom<string>(...LC_AGENT_IDS, 'alice'),
    username: fc.constantFrom<string>(...LC_USERNAMES),
    roles: fc.constantFrom(['livechat-agent'], ['livechat-agent', 'user']).map((r) => [...r]),
  },
  plain,
);

export type LivechatOracleOptions = OracleOptions & { omnichannel?: Omnichannel };

const arbPaging = fc.oneof(
  fc
    .tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 6 }), fc.boolean())
    .map(([d, extra, allow]) => ({ defaultCount: d, maxCount: d + extra, allowInfiniteCount: allow })),
  fc.boolean().map((allow) => ({ allowInfiniteCount: allow })),
);

/** Options for `mode`: sometimes paging, sometimes a directory (Enterprise or Community), default permissions. */
export const arbLivechatOptions = (mode: Mode): fc.Arbitrary<LivechatOracleOptions> =>
  fc
    .record(
      {
        paging: fc.option(arbPaging, { nil: undefined }),
        omnichannel: fc.option(fc.oneof(arbOmnichannel, arbEnterpriseOmnichannel), { nil: undefined, freq: 4 }),
      },
      plain,
    )
    .map((o) => {
      const out: LivechatOracleOptions = { mode };
      if (o.paging !== undefined) out.paging = o.paging;
      if (o.omnichannel !== undefined) out.omnichannel = o.omnichannel;
      return out;
    });
