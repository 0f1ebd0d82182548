// Rocket.Chat's default permission table for this endpoint, and the role → permission check.
import type { PermissionTable } from '../options.js';
import type { Principal } from './principal.js';

export const VIEW_ALL_ROOMS = 'view-livechat-rooms';
export const VIEW_OWN_ROOMS = 'view-l-room';

/** Permission → roles, as shipped by Rocket.Chat (overridable, like its permissions admin page). */
export const DEFAULT_PERMISSIONS: PermissionTable = Object.freeze({
  [VIEW_ALL_ROOMS]: Object.freeze(['admin', 'livechat-manager', 'livechat-monitor']),
  [VIEW_OWN_ROOMS]: Object.freeze(['admin', 'livechat-manager', 'livechat-monitor', 'livechat-agent']),
});

export const hasPermission = (table: PermissionTable, principal: Principal, permission: string): boolean => {
  const roles = Object.hasOwn(table, permission) ? table[permission] : undefined;
  return roles !== undefined && principal.roles.some((role) => roles.includes(role));
};
