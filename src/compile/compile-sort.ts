// SortSpec → key extraction + an fp-ts Ord over key tuples (per key in turn, BSON order, each key's direction),
// with the `_id` tie-break and finally the input position, so the order is total and paging is stable.
// Keys are read once per matching document (Schwartzian transform), never once per comparison.
import * as O from 'fp-ts/lib/Ord.js';
import type { SortSpec } from '../query/sort-spec.js';
import { SortSpec as Sort } from '../query/sort-spec.js';
import { compareValues } from '../value/compare-values.js';
import { compilePath, type PathReader } from '../value/get-path.js';
import { ownPath, rawPath } from '../value/raw-path.js';

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
  /** One path reader per key of `spec` (the top-k accumulator and live queries read keys through these). */
  readonly readers: ReadonlyArray<PathReader>;
  /** 1 or -1 per key of `spec`. */
  readonly directions: ReadonlyArray<1 | -1>;
  /** The first key's plain read and own-property check (value/raw-path.ts), for the scan's top-k. */
  readonly first: { readonly raw: PathReader; readonly owns: (doc: unknown) => boolean };
  readonly ord: O.Ord<Keyed<unknown>>;
}

/** Adds `_id` ascending unless the request already sorts on `_id`. */
export const withTieBreak = (spec: SortSpec): SortSpec =>
  spec.some((key) => key.path.dotted === '_id') ? spec : [...spec, Sort.key('_id', 1)];

export const compileSort = (requested: SortSpec): CompiledSort => {
  const spec = withTieBreak(requested);
  const readers = spec.map((key) => compilePath(key.path));
  const directions = spec.map((key) => key.direction);
  const m = spec.length;
  // One loop, not fp-ts's monoid of contramapped Ords: live queries compare on every change, and the
  // nested closures cost ~3× (same order: per key in turn, each reversed when descending, then position).
  const compare = (a: Keyed<unknown>, b: Keyed<unknown>): -1 | 0 | 1 => {
    for (let i = 0; i < m; i++) {
      const c = compareValues(a.keys[i], b.keys[i]);
      if (c !== 0) return ((c < 0 ? -1 : 1) * (directions[i] as number)) as -1 | 1;
    }
    return a.position < b.position ? -1 : a.position > b.position ? 1 : 0;
  };
  return {
    spec,
    readers,
    directions,
    first: { raw: rawPath((spec[0] as SortSpec[number]).path), owns: ownPath((spec[0] as SortSpec[number]).path) },
    keysOf: (doc) => readers.map((read) => read(doc)),
    ord: O.fromCompare(compare),
  };
};
