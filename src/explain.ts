// explain: a readable description of a compiled pipeline (what it filters, in which order, what it returns) and,
// over a collection, the plan the planner picks, run to count its work. Beside query-rooms.ts: both compose the layers.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from './auth/principal.js';
import { compileQuery } from './compile/compile-query.js';
import { isRoomCollection } from './collection/collection.js';
import { prepareQuery, type RequestParams } from './endpoint/prepare-query.js';
import type { ApiError } from './errors.js';
import type { RoomSource } from './exec/run-query.js';
import type { EndpointOptions } from './endpoint/endpoint.js';
import type { FilterNode } from './query/filter-node.js';
import { foldFilter } from './query/fold.js';
import type { Projection } from './query/projection.js';
import type { SortSpec } from './query/sort-spec.js';
import type { CompiledQuery } from './compile/compile-query.js';
import type { RoomCollection } from './collection/collection.js';
import { execPlan } from './exec/exec-collection.js';
import { describePlan } from './explain-plan.js';
import { planQuery } from './plan/plan.js';

const show = (v: unknown): string => (v instanceof Date ? v.toISOString() : JSON.stringify(v));

export const describeFilter: (node: FilterNode) => string = foldFilter<string>({
  eq: (n) => `${n.path.dotted} = ${show(n.value)}`,
  in: (n) => `${n.path.dotted} in ${show(n.values)}`,
  exists: (n) => `${n.path.dotted} ${n.exists ? 'exists' : 'is absent'}`,
  range: (n) =>
    [n.gte && `${n.path.dotted} >= ${show(n.gte)}`, n.lte && `${n.path.dotted} <= ${show(n.lte)}`].filter(Boolean).join(' and '),
  substring: (n) => `${n.path.dotted} contains ${show(n.needle)} (case-insensitive, literal)`,
  'served-by': (n) => `servedBy._id is exactly ${show(n.agentId)} (permission scope)`,
  true: (n) => `${n.path.dotted} is true`,
  regex: (n) => `${n.path.dotted} matches /${n.source}/i (RE2, linear time)`,
  none: (n) => `nothing (${n.path.dotted}: an empty date range, as upstream)`,
  not: (n, go) => `NOT (${go(n.child)})`,
  and: (n, go) => n.children.map(go).join('\n  AND '),
  or: (n, go) => `(${n.children.map(go).join(' OR ')})`,
});

const describeSort = (spec: SortSpec): string => spec.map((k) => `${k.path.dotted} ${k.direction === 1 ? 'asc' : 'desc'}`).join(', ');

const describeProjection = (p: Projection): string => {
  switch (p.kind) {
    case 'all':
      return 'all fields';
    case 'include':
      return `only ${[...(p.includeId ? ['_id'] : []), ...p.paths.map((x) => x.dotted)].join(', ')}`;
    case 'exclude':
      return `all fields except ${p.paths.map((x) => x.dotted).join(', ')}`;
    default: {
      const never: never = p;
      return never;
    }
  }
};

/**
 * Describes the pipeline, one stage per line; with a collection, also the plan the planner picks, the
 * plans it rejected, and the estimated vs actual documents examined (the query is run to count them).
 * @example
 * explain(compileQuery(scoped), createRoomCollection(rooms)) // '...plan: index: servedBy._id = "a" ...'
 */
export const explain = (compiled: CompiledQuery, collection?: RoomCollection): string => {
  const { query, sort, paging } = compiled;
  const base = query.scope.kind === 'all' ? 'all rooms (view-livechat-rooms)' : `rooms served by ${query.scope.agentId} (view-l-room)`;
  const scope =
    query.monitor === undefined
      ? base
      : `${base}, limited to the monitor's units ${show(query.monitor.units)} and departments ${show(query.monitor.departments)}`;
  return [
    `mode:       ${query.mode}`,
    `scope:      ${scope}`,
    `filter:     ${describeFilter(query.filter)}`,
    `sort:       ${describeSort(sort.spec)}`,
    `page:       skip ${paging.offset}, ${paging.limit === null ? 'no limit' : `limit ${paging.limit}`} (top-k selection, total counts every match)`,
    `projection: ${describeProjection(query.projection)}${query.projection.hidden.length === 0 ? '' : `; never ${query.projection.hidden.join(', ')}`}`,
  ]
    .concat(collection === undefined ? [] : [planLines(compiled, collection)])
    .join('\n');
};

const planLines = (compiled: CompiledQuery, collection: RoomCollection): string => {
  const plan = planQuery(compiled, collection);
  return describePlan(plan, execPlan(compiled, collection, plan.chosen).stats);
};

/**
 * `explain` with `queryRooms`' arguments: the description of the pipeline `queryRooms(rooms, params,
 * principal, options)` runs, with the chosen plan when `rooms` is a collection; or the same 400/403.
 * @example
 * explainRooms(createRoomCollection(rooms), 'open=true&count=10', admin) // Right('mode: default\n...plan: index: ...')
 */
export const explainRooms = (
  rooms: RoomSource,
  params: RequestParams,
  principal: Principal,
  options: EndpointOptions = {},
): E.Either<ApiError, string> =>
  pipe(
    prepareQuery(params, principal, options),
    E.map((scoped) => explain(compileQuery(scoped), isRoomCollection(rooms) ? rooms : undefined)),
  );
