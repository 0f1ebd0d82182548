// SortSpec → key extraction + an Ord over key tuples (fp-ts Ord monoid: one Ord per key, concatenated),
// with the `_id` tie-break and finally the input position, so the order is total and paging is stable.
// Keys are read once per matching document (Schwartzian transform), never once per comparison.
import { concatAll } from 'fp-ts/lib/Monoid.js';
import * as O from 'fp-ts/lib/Ord.js';
import type { SortSpec } from '../query/sort-spec.js';
import { SortSpec as Sort } from '../query/sort-spec.js';
import { compareValues } from './compare-values.js';
import { compilePath } from './get-path.js';

/** A matched document with its sort key values read once. */
export interface Keyed<D> {
  readonly doc: D;
  readonly keys: ReadonlyArray<unknown>;
  readonly position: number;
}

export interface CompiledSort {
  /** The keys actually applied, tie-break included. */
  readonly spec: SortSpec;
  readonly keysOf: (doc: unknown) => ReadonlyArray<unknown>;
  readonly ord: O.Ord<Keyed<unknown>>;
}

const valueOrd: O.Ord<unknown> = O.fromCompare((a, b) => compareValues(a, b) as -1 | 0 | 1);

/** Adds `_id` ascending unless the request already sorts on `_id`. */
export const withTieBreak = (spec: SortSpec): SortSpec =>
  spec.some((key) => key.path.dotted === '_id') ? spec : [...spec, Sort.key('_id', 1)];

export const compileSort = (requested: SortSpec): CompiledSort => {
  const spec = withTieBreak(requested);
  const readers = spec.map((key) => compilePath(key.path));
  const perKey = spec.map((key, i) => {
    const byKey = O.contramap((k: Keyed<unknown>) => k.keys[i])(valueOrd);
    return key.direction === 1 ? byKey : O.reverse(byKey);
  });
  const byPosition = O.contramap((k: Keyed<unknown>) => k.position)(O.ordNumber);
  return {
    spec,
    keysOf: (doc) => readers.map((read) => read(doc)),
    ord: concatAll(O.getMonoid<Keyed<unknown>>())([...perKey, byPosition]),
  };
};
