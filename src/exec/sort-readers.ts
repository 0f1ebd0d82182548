// The compiled sort as per-key readers and directions, for the top-k accumulator.
import type { CompiledSort } from '../compile/compile-sort.js';
import { compilePath } from '../value/get-path.js';
import type { SortReaders } from './top-k.js';

const cache = new WeakMap<CompiledSort, SortReaders>();

export const sortReaders = (sort: CompiledSort): SortReaders => {
  let readers = cache.get(sort);
  if (readers === undefined) {
    readers = { readers: sort.spec.map((k) => compilePath(k.path)), directions: sort.spec.map((k) => k.direction) };
    cache.set(sort, readers);
  }
  return readers;
};
