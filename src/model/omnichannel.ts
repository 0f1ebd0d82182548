// Departments, units and who monitors or serves them: the Enterprise data livechat/rooms scopes by,
// shaped like Rocket.Chat's collections (rocketchat_livechat_department with and without type 'u',
// rocketchat_livechat_unit_monitors, rocketchat_livechat_department_agents). io-ts codec = single source.
import * as t from 'io-ts';

const Department = t.intersection([
  t.type({ _id: t.string, name: t.string }),
  /** Unit ids the department belongs to. */
  t.partial({ ancestors: t.readonlyArray(t.string) }),
]);

export const OmnichannelCodec = t.partial(
  {
    departments: t.readonlyArray(Department),
    units: t.readonlyArray(t.type({ _id: t.string, name: t.string })),
    unitMonitors: t.readonlyArray(t.type({ monitorId: t.string, unitId: t.string })),
    departmentAgents: t.readonlyArray(t.type({ agentId: t.string, departmentId: t.string })),
  },
  'Omnichannel',
);

/**
 * Enterprise Edition behaviour (monitor scope, the `units` parameter) applies iff `units` is non-empty;
 * without units the endpoint behaves as Community Edition does.
 */
export type Omnichannel = t.TypeOf<typeof OmnichannelCodec>;

export type Department = t.TypeOf<typeof Department>;

/** Enterprise Edition: at least one unit exists. */
export const isEnterprise = (o: Omnichannel | undefined): boolean => (o?.units?.length ?? 0) > 0;
