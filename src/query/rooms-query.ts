// The typed request: what parseRoomsParams produces and scopeQuery narrows. Plain readonly data.
import type { ApiError } from '../errors.js';
import type { Mode } from '../options.js';
import type { AndNode } from './and-node.js';
import type { Projection } from './projection.js';
import type { SortSpec } from './sort-spec.js';

export interface Paging {
  readonly offset: number;
  /** `null`: every match (count=0 where infinite count is allowed). */
  readonly limit: number | null;
}

export interface RoomsQuery {
  readonly mode: Mode;
  readonly filter: AndNode;
  readonly sort: SortSpec;
  readonly projection: Projection;
  readonly paging: Paging;
  /** The `agents` list as requested (after the lone-string rule); the permission check reads it. */
  readonly agents: ReadonlyArray<string> | undefined;
  /**
   * rocketchat mode only: upstream validates createdAt/closedAt AFTER the permission check, so a date
   * error found while parsing waits here and scopeQuery answers it once the caller is authorised.
   */
  readonly deferredError: ApiError | undefined;
}

/** Who may see what, decided by scopeQuery. */
export type Scope = { readonly kind: 'all' } | { readonly kind: 'served-by'; readonly agentId: string };

declare const scoped: unique symbol;

/** livechat/rooms, Enterprise Edition: what a livechat-monitor may see (the filter carries it). */
export interface MonitorScope {
  /** Unit ids (monitored units and the caller's own departments, narrowed by `units[]=`). */
  readonly units: ReadonlyArray<string>;
  /** Departments whose ancestors meet `units`. */
  readonly departments: ReadonlyArray<string>;
}

/** A query whose filter already carries the caller's scope; only scopeQuery (or scopeLivechatQuery) makes one. */
export interface ScopedQuery extends RoomsQuery {
  readonly scope: Scope;
  readonly monitor?: MonitorScope;
  readonly [scoped]: true;
}
