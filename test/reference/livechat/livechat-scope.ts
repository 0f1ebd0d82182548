// Reference permission check (spec §3, voip's rules) and Enterprise scope: the monitor's units and departments,
// narrowed by the `units` parameter, and `units` for unscoped Enterprise callers.

import type { Principal } from '../../../src/auth/principal.js';
import type { Mode } from '../reference-schema.js';
import { MISSING_PERMISSION, UNAUTHORIZED, type LivechatFailure } from './livechat-errors.js';

/** Rocket.Chat's omnichannel collections, as the contract shapes them. */
export interface Omnichannel {
  departments?: ReadonlyArray<{ _id: string; name: string; ancestors?: ReadonlyArray<string> }>;
  units?: ReadonlyArray<{ _id: string; name: string }>;
  unitMonitors?: ReadonlyArray<{ monitorId: string; unitId: string }>;
  departmentAgents?: ReadonlyArray<{ agentId: string; departmentId: string }>;
}

export const LIVECHAT_DEFAULT_PERMISSIONS: Record<string, readonly string[]> = {
  'view-livechat-rooms': ['admin', 'livechat-manager', 'livechat-monitor'],
  'view-l-room': ['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent'],
};

function hasPermission(principal: Principal, permission: string, table: Record<string, readonly string[]>): boolean {
  const roles = Object.hasOwn(table, permission) ? (table[permission] ?? []) : [];
  for (let i = 0; i < principal.roles.length; i++) if (roles.includes(principal.roles[i] as string)) return true;
  return false;
}

/** The 403 check: `null` = any filter allowed; a string = agent-scoped to that id; or the failure. */
export function referenceLivechatAuthorize(
  agents: ReadonlyArray<string> | undefined,
  principal: Principal,
  mode: Mode,
  permissions: Record<string, readonly string[]> = LIVECHAT_DEFAULT_PERMISSIONS,
): string | null | LivechatFailure {
  if (hasPermission(principal, 'view-livechat-rooms', permissions)) return null;
  const canViewOwn = hasPermission(principal, 'view-l-room', permissions);
  if (canViewOwn && agents !== undefined && agents.length === 1 && agents[0] === principal._id) return principal._id;
  if (mode === 'default' && !canViewOwn) return MISSING_PERMISSION;
  return UNAUTHORIZED;
}

/** Enterprise Edition iff at least one unit exists. */
export function isEnterprise(omnichannel: Omnichannel | undefined): boolean {
  return (omnichannel?.units?.length ?? 0) > 0;
}

/** Monitor-scoped: EE, has the livechat-monitor role, neither admin nor livechat-manager (by role, not permission). */
export function isScopedMonitor(principal: Principal, omnichannel: Omnichannel | undefined): boolean {
  if (!isEnterprise(omnichannel)) return false;
  const roles = principal.roles;
  return roles.includes('livechat-monitor') && !roles.includes('admin') && !roles.includes('livechat-manager');
}

/** Visible rooms: `departmentAncestors` meets `ancestors` OR `departmentId` in `departmentIds`. */
export type MonitorScope = { ancestors: string[]; departmentIds: string[] };

/** S = monitored units ∪ departments the caller is an agent of (∩ `units` when given); D = departments whose ancestors meet S. */
export function referenceMonitorScope(
  principal: Principal,
  omnichannel: Omnichannel,
  units: ReadonlyArray<string> | undefined,
): MonitorScope {
  const s: string[] = [];
  const monitors = omnichannel.unitMonitors ?? [];
  for (let i = 0; i < monitors.length; i++) {
    if (monitors[i]!.monitorId === principal._id && !s.includes(monitors[i]!.unitId)) s.push(monitors[i]!.unitId);
  }
  const agents = omnichannel.departmentAgents ?? [];
  for (let i = 0; i < agents.length; i++) {
    if (agents[i]!.agentId === principal._id && !s.includes(agents[i]!.departmentId)) s.push(agents[i]!.departmentId);
  }
  const narrowed = units === undefined ? s : s.filter((id) => units.includes(id));
  const departmentIds: string[] = [];
  const departments = omnichannel.departments ?? [];
  for (let i = 0; i < departments.length; i++) {
    const ancestors = departments[i]!.ancestors ?? [];
    if (ancestors.some((a) => narrowed.includes(a))) departmentIds.push(departments[i]!._id);
  }
  return { ancestors: narrowed, departmentIds };
}
