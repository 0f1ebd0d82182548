// Enterprise Edition's room restriction for livechat monitors (upstream's applyRoomRestrictions, 6.13):
// S = the units the caller monitors ∪ the departments it serves as an agent; D = the departments whose
// ancestors meet S; a room is visible iff its departmentAncestors meet S or its departmentId is in D
// (rooms without a department are hidden).
import type { Principal } from '../principal.js';
import { isEnterprise, type Omnichannel } from '../../model/omnichannel.js';
import type { MonitorScope } from '../../query/rooms-query.js';

/** The caller is restricted iff it is a livechat-monitor and neither admin nor livechat-manager. */
export const isScopedMonitor = (principal: Principal, omnichannel: Omnichannel | undefined): boolean =>
  isEnterprise(omnichannel) &&
  principal.roles.includes('livechat-monitor') &&
  !principal.roles.includes('admin') &&
  !principal.roles.includes('livechat-manager');

/**
 * The monitor's scope; `units` (the `units[]=` parameter) narrows S to S ∩ units.
 * @example
 * monitorScope(monitor, { units: [{ _id: 'u1', name: 'North' }], unitMonitors: [{ monitorId: monitor._id, unitId: 'u1' }],
 *   departments: [{ _id: 'd1', name: 'Sales', ancestors: ['u1'] }] }, undefined) // { units: ['u1'], departments: ['d1'] }
 */
export const monitorScope = (principal: Principal, omnichannel: Omnichannel, units: ReadonlyArray<string> | undefined): MonitorScope => {
  const own = new Set<string>();
  for (const m of omnichannel.unitMonitors ?? []) if (m.monitorId === principal._id) own.add(m.unitId);
  for (const a of omnichannel.departmentAgents ?? []) if (a.agentId === principal._id) own.add(a.departmentId);
  const wanted = units === undefined ? undefined : new Set(units);
  const scopeUnits = [...own].filter((u) => wanted === undefined || wanted.has(u));
  const set = new Set(scopeUnits);
  const departments = (omnichannel.departments ?? []).filter((d) => (d.ancestors ?? []).some((a) => set.has(a))).map((d) => d._id);
  return Object.freeze({ units: Object.freeze(scopeUnits), departments: Object.freeze([...new Set(departments)]) });
};
