// ScopedQuery → CompiledQuery: predicate, sort and projector built once; runQuery only runs them.
import type { Room } from '../model/room.js';
import type { Paging, ScopedQuery } from '../query/rooms-query.js';
import { compileFilter } from './compile-filter.js';
import { compileProjection, type Projector } from './compile-projection.js';
import { compileSort, type CompiledSort } from './compile-sort.js';
import type { Predicate } from './operators.js';
import { scanPredicate } from './scan-predicate.js';
import { compileScanLoop, type ScanLoop } from './scan-source.js';

export interface CompiledQuery {
  readonly query: ScopedQuery;
  /** The whole filter as one predicate. */
  readonly predicate: Predicate;
  /** The same predicate with the root AND's conditions in scan order (selective and cheap first): what scans run. */
  readonly scan: Predicate;
  /** The whole scan as one generated loop (scan-source.ts); undefined where code cannot be generated. */
  readonly scanLoop: ScanLoop | undefined;
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
export const compileQuery = (scoped: ScopedQuery): CompiledQuery => {
  const predicate = compileFilter(scoped.filter);
  const sort = compileSort(scoped.sort);
  return Object.freeze({
    query: scoped,
    predicate,
    scan: scanPredicate(scoped.filter),
    scanLoop: compileScanLoop(scoped.filter, sort.spec),
    sort,
    project: compileProjection(scoped.projection),
    paging: scoped.paging,
  });
};

export type { Room };
