// ScopedQuery → CompiledQuery: predicate, sort and projector built once; runQuery only runs them.
import type { Room } from '../model/room.js';
import type { Paging, ScopedQuery } from '../query/rooms-query.js';
import { compileFilter } from './compile-filter.js';
import { compileProjection, type Projector } from './compile-projection.js';
import { compileSort, type CompiledSort } from './compile-sort.js';
import type { Predicate } from './operators.js';

export interface CompileOptions {
  /** Reserved for planner choices (indexes); compiling never changes answers. */
  readonly label?: string;
}

export interface CompiledQuery {
  readonly query: ScopedQuery;
  readonly predicate: Predicate;
  readonly sort: CompiledSort;
  readonly project: Projector;
  readonly paging: Paging;
}

/**
 * Compiles a scoped query into closures. No per-document interpretation of the request remains.
 * @example
 * const compiled = compileQuery(scoped);
 * runQuery(compiled, rooms); // { rooms, count, offset, total }
 */
export const compileQuery = (scoped: ScopedQuery, _options: CompileOptions = {}): CompiledQuery =>
  Object.freeze({
    query: scoped,
    predicate: compileFilter(scoped.filter),
    sort: compileSort(scoped.sort),
    project: compileProjection(scoped.projection),
    paging: scoped.paging,
  });

export type { Room };
