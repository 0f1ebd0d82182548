// Permission scoping, before anything runs: admins see all; an agent asking for exactly its own rooms
// sees rooms it served (enforced by a filter node, not by trusting the request); anyone else gets 403.
import * as E from 'fp-ts/lib/Either.js';
import { ApiErrors, type ApiError } from '../errors.js';
import type { PermissionTable } from '../options.js';
import { AndNode } from '../query/and-node.js';
import { ServedByNode } from '../query/served-by-node.js';
import type { RoomsQuery, Scope, ScopedQuery } from '../query/rooms-query.js';
import { DEFAULT_PERMISSIONS, hasPermission, VIEW_ALL_ROOMS, VIEW_OWN_ROOMS } from './permissions.js';
import type { Principal } from './principal.js';

const withScope = (query: RoomsQuery, scope: Scope): ScopedQuery => {
  const filter = scope.kind === 'all' ? query.filter : AndNode.create([...query.filter.children, ServedByNode.create(scope.agentId)]);
  return Object.freeze({ ...query, filter, scope }) as ScopedQuery;
};

export const decideScope = (query: RoomsQuery, principal: Principal, table: PermissionTable): E.Either<ApiError, Scope> => {
  if (hasPermission(table, principal, VIEW_ALL_ROOMS)) return E.right({ kind: 'all' });
  const mayViewOwn = hasPermission(table, principal, VIEW_OWN_ROOMS);
  if (mayViewOwn && query.agents?.length === 1 && query.agents[0] === principal._id) {
    return E.right({ kind: 'served-by', agentId: principal._id });
  }
  // Upstream answers the same body to both; our default mode tells "no permission at all" apart.
  return E.left(!mayViewOwn && query.mode === 'default' ? ApiErrors.missingPermission() : ApiErrors.unauthorized());
};

/**
 * Narrows a query to what `principal` may see.
 * @example
 * scopeQuery(query, { _id: 'agent1', username: 'alice', roles: ['livechat-agent'] }) // Right(ScopedQuery) if agents = ['agent1']
 */
export const scopeQuery = (
  query: RoomsQuery,
  principal: Principal,
  permissions: PermissionTable = DEFAULT_PERMISSIONS,
): E.Either<ApiError, ScopedQuery> => {
  const scope = decideScope(query, principal, permissions);
  if (E.isLeft(scope)) return scope;
  // rocketchat mode: upstream validates the date parameters only after the permission check.
  if (query.deferredError !== undefined) return E.left(query.deferredError);
  return E.right(withScope(query, scope.right));
};
