// Presence indexes over ranks (positions in the collection's primary order): the ranks where a path holds
// any value (`open` is present while a call is open), or holds `true` (a flag: `onHold`).
import { compilePath } from '../value/get-path.js';
import { holdsTrue } from '../value/holds-true.js';
import type { FieldPath } from '../query/field-path.js';
import type { IndexBuilder } from './postings.js';
import type { RankSet } from './rank-set.js';

export interface PresenceIndex {
  readonly kind: 'presence';
  readonly path: FieldPath;
  /** Which rooms it holds: those with any value at the path (`exists`), or those holding `true` there (a flag: `onHold`). */
  readonly holds: 'any' | 'true';
  readonly present: RankSet;
}

/** The test a presence index applies to the value at its path. */
export const presenceTest = (holds: PresenceIndex['holds']): ((value: unknown) => boolean) =>
  holds === 'true' ? holdsTrue : (value) => value !== undefined;

export const presenceIndexBuilder = (n: number, path: FieldPath, holds: PresenceIndex['holds'] = 'any'): IndexBuilder<PresenceIndex> => {
  const read = compilePath(path);
  const test = presenceTest(holds);
  const held = new Uint8Array(n);
  let count = 0;
  return {
    add: (p, doc) => {
      if (test(read(doc))) {
        held[p] = 1;
        count++;
      }
    },
    finish: (order) => ({ kind: 'presence', path, holds, present: heldSet(held, count, order) }),
  };
};

/** The ranks whose position is marked in `held` (`count` of them), as fromSortedRanks would hold them. */
const heldSet = (held: Uint8Array, count: number, order: Int32Array | undefined): RankSet => {
  const n = held.length;
  if (count * 32 < n) {
    const ranks = new Int32Array(count);
    let k = 0;
    for (let r = 0; r < n && k < count; r++) if (held[order === undefined ? r : (order[r] as number)] === 1) ranks[k++] = r;
    return { kind: 'list', ranks };
  }
  const words = new Uint32Array((n + 31) >>> 5);
  for (let r = 0; r < n; r++)
    if (held[order === undefined ? r : (order[r] as number)] === 1) words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
  return { kind: 'bitmap', words, size: count };
};
