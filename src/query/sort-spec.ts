// A multi-key order as requested: keys in the given order. The `_id` tie-break is added by compileSort.
import { FieldPath } from './field-path.js';

export interface SortKey {
  readonly path: FieldPath;
  readonly direction: 1 | -1;
}

export type SortSpec = ReadonlyArray<SortKey>;

export const SortSpec = Object.freeze({
  key: (path: string, direction: 1 | -1): SortKey => Object.freeze({ path: FieldPath.of(path), direction }),
  /** Upstream's default: newest first. */
  default: (): SortSpec => Object.freeze([SortSpec.key('ts', -1)]),
});
