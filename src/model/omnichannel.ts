// Departments, units and who monitors or serves them: the Enterprise data livechat/rooms scopes by,
// shaped like Rocket.Chat's collections (rocketchat_livechat_department with and without type 'u',
// rocketchat_livechat_unit_monitors, rocketchat_livechat_department_agents): the io-ts codec that decodes
// outside data into options.ts's Omnichannel.
import * as t from 'io-ts';
import type { Department, Omnichannel } from '../options.js';

const DepartmentCodec = t.intersection([
  t.type({ _id: t.string, name: t.string }),
  /** Unit ids the department belongs to. */
  t.partial({ ancestors: t.readonlyArray(t.string) }),
]);

const codec = t.partial(
  {
    departments: t.readonlyArray(DepartmentCodec),
    units: t.readonlyArray(t.type({ _id: t.string, name: t.string })),
    unitMonitors: t.readonlyArray(t.type({ monitorId: t.string, unitId: t.string })),
    departmentAgents: t.readonlyArray(t.type({ agentId: t.string, departmentId: t.string })),
  },
  'Omnichannel',
);

/** Decodes departments, units, unit monitors and department agents (unknown fields dropped by the readers). */
export const OmnichannelCodec: t.Decoder<unknown, Omnichannel> = codec;

export type { Department, Omnichannel };

/** Enterprise Edition: at least one unit exists. */
export const isEnterprise = (o: Omnichannel | undefined): boolean => (o?.units?.length ?? 0) > 0;
