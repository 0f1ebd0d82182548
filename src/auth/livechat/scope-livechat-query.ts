// Permission scoping for livechat/rooms, before anything runs: the same permission check as voip
// (view-livechat-rooms: any filter; view-l-room with agents=[self]: own rooms), then, in Enterprise
// Edition, a monitor's unit restriction. Both are AND-ed to the root filter, so no parameter
// (customFields included) can drop them.
import * as E from 'fp-ts/lib/Either.js';
import type { ApiError } from '../../errors.js';
import type { Omnichannel } from '../../model/omnichannel.js';
import { isEnterprise } from '../../model/omnichannel.js';
import type { PermissionTable } from '../../options.js';
import { AndNode } from '../../query/and-node.js';
import type { FilterNode } from '../../query/filter-node.js';
import { InNode } from '../../query/in-node.js';
import type { LivechatQuery } from '../../query/livechat-query.js';
import { OrNode } from '../../query/or-node.js';
import type { MonitorScope, ScopedQuery } from '../../query/rooms-query.js';
import { ServedByNode } from '../../query/served-by-node.js';
import { DEFAULT_PERMISSIONS } from '../permissions.js';
import type { Principal } from '../principal.js';
import { decideScope } from '../scope-query.js';
import { isScopedMonitor, monitorScope } from './monitor-scope.js';

export interface LivechatScopeOptions {
  readonly permissions?: PermissionTable;
  readonly omnichannel?: Omnichannel;
}

/** The monitor restriction as filter nodes: departmentAncestors in S OR departmentId in D. */
export const monitorFilter = (scope: MonitorScope): FilterNode =>
  OrNode.create([InNode.create('departmentAncestors', scope.units), InNode.create('departmentId', scope.departments)]);

/**
 * Narrows a livechat query to what `principal` may see.
 * @example
 * scopeLivechatQuery(query, { _id: 'm1', username: 'mona', roles: ['livechat-monitor'] }, { omnichannel })
 * // Right(ScopedQuery) whose filter ends with the monitor's unit restriction
 */
export const scopeLivechatQuery = (
  query: LivechatQuery,
  principal: Principal,
  options: LivechatScopeOptions = {},
): E.Either<ApiError, ScopedQuery> => {
  const decided = decideScope(query, principal, options.permissions ?? DEFAULT_PERMISSIONS);
  if (E.isLeft(decided)) return decided;
  // customFields errors come after the permission check, as upstream's.
  if (query.deferredError !== undefined) return E.left(query.deferredError);
  const scope = decided.right;
  const { omnichannel } = options;
  const units = query.units !== undefined && query.units.length > 0 ? query.units : undefined;
  const extra: FilterNode[] = [];
  if (scope.kind === 'served-by') extra.push(ServedByNode.create(scope.agentId));
  let monitor: MonitorScope | undefined;
  if (omnichannel !== undefined && isScopedMonitor(principal, omnichannel)) {
    monitor = monitorScope(principal, omnichannel, units);
    extra.push(monitorFilter(monitor));
  } else if (units !== undefined && isEnterprise(omnichannel)) {
    extra.push(InNode.create('departmentAncestors', units));
  }
  const filter = extra.length === 0 ? query.filter : AndNode.create([...query.filter.children, ...extra]);
  const scoped = { ...query, filter, scope, ...(monitor === undefined ? {} : { monitor }) };
  return E.right(Object.freeze(scoped) as unknown as ScopedQuery);
};
