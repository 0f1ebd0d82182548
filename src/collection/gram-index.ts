// A substring index over one string field (`name` for voip's roomName, `fname` for livechat's): for
// every gram (gram-codes.ts) the ranks of the rooms whose case-folded text holds it. A needle of 1 to 3
// code units is answered exactly by one posting; a longer one by intersecting its trigrams' postings
// (a superset of the matches, which the planner verifies with the real matcher).
//
// Layout, as postings.ts: sparse postings share one Int32Array (CSR: gram id → [offsets[id],
// offsets[id + 1]) of `ranks`); a posting of n/32 ranks or more is a bitmap instead (its CSR range is
// empty), so the dense 1- and 2-grams (`a`, `e`, digits) cost n/8 bytes each, not 4 per room.
// Built by gram-index-build.ts; compaction remaps its layout (derived/merge-grams.ts).
import { foldCase } from '../compile/fold-case.js';
import type { FieldPath } from '../query/field-path.js';
import { gramText, needleGrams } from './gram-codes.js';
import { EMPTY, setBytes, setSize, type RankSet } from './rank-set.js';

/** One gram's posting, as the planner reads it. */
export interface GramPosting {
  /** The folded gram, for explain. */
  readonly gram: string;
  readonly set: RankSet;
}

export interface GramIndex {
  readonly kind: 'gram';
  readonly path: FieldPath;
  /**
   * The postings standing for `needle`, smallest first: one exact posting for 1 to 3 code units; else
   * the postings of its distinct trigrams, whose intersection holds every match. `exact` also when a
   * trigram occurs nowhere (nothing matches). Undefined for the empty needle (it matches every string).
   */
  readonly lookup: (needle: string) => { readonly exact: boolean; readonly postings: ReadonlyArray<GramPosting> } | undefined;
  /**
   * The field's value of the room at each rank as candidates are verified on it (`checkedValue`): a string
   * case-folded, so the check is one `includes` of the folded needle; an array as the room holds it.
   */
  readonly values: ReadonlyArray<unknown>;
  /** Distinct grams indexed. */
  readonly gramCount: number;
  /** (room, distinct gram) pairs. */
  readonly entries: number;
  readonly bytes: number;
}

/**
 * The layout, kept so compaction (merge-grams.ts) remaps ranks instead of re-reading every room.
 * `ids` may hold grams whose rooms all left (an empty range, no bitmap). @internal
 */
export interface GramIndexParts {
  readonly ids: ReadonlyMap<number, number>;
  readonly offsets: Int32Array;
  readonly ranks: Int32Array;
  readonly dense: ReadonlyMap<number, RankSet>;
  /** Rank → `checkedValue` of the field's value (undefined when neither a string nor an array). */
  readonly values: ReadonlyArray<unknown>;
}

/**
 * A room's field value as the index keeps it for verifying candidates: a string folded (fold-case.ts: the
 * matcher's own folding, so `includes` of the folded needle answers exactly as the matcher), an array as is
 * (its strings are checked by the matcher), anything else undefined (it never matches).
 */
export const checkedValue = (value: unknown): unknown =>
  typeof value === 'string' ? foldCase(value) : Array.isArray(value) ? value : undefined;

const partsOf = new WeakMap<GramIndex, GramIndexParts>();

/** The layout of an index made by this module (undefined otherwise). @internal */
export const gramIndexParts = (index: GramIndex): GramIndexParts | undefined => partsOf.get(index);

/** Trigram postings a long needle intersects at most (the smallest ones; more rarely pay for their probes). */
const MAX_TRIGRAMS = 6;

/** Gram ids gramIndexFromParts visited itself (O(grams) in one call): builds pay it, merges must not (tests check). @internal */
export const gramFromPartsWork = { visits: 0 };

/**
 * A gram index from its layout: O(grams) to count the non-empty ones, O(dense grams) when the caller counted
 * them on the way (`knownGramCount`: a merge, in slices). @internal
 */
export const gramIndexFromParts = (path: FieldPath, parts: GramIndexParts, knownGramCount?: number): GramIndex => {
  const { ids, offsets, ranks, dense, values } = parts;
  const postingOf = (code: number): RankSet => {
    const id = ids.get(code);
    if (id === undefined) return EMPTY;
    const bitmap = dense.get(id);
    if (bitmap !== undefined) return bitmap;
    const from = offsets[id] as number;
    const to = offsets[id + 1] as number;
    return from === to ? EMPTY : { kind: 'list', ranks: ranks.subarray(from, to) };
  };
  // Map entries roughly; the values array is one pointer per room (the strings are the rooms' own).
  let bytes = offsets.byteLength + ranks.byteLength + ids.size * 40 + values.length * 8;
  let entries = ranks.length;
  for (const set of dense.values()) {
    bytes += setBytes(set);
    entries += setSize(set);
  }
  let gramCount = knownGramCount ?? 0;
  if (knownGramCount === undefined) {
    gramFromPartsWork.visits += offsets.length - 1;
    for (let id = 0; id < offsets.length - 1; id++) if (dense.has(id) || (offsets[id + 1] as number) > (offsets[id] as number)) gramCount++;
  }
  const index: GramIndex = {
    kind: 'gram',
    path,
    values,
    gramCount,
    entries,
    bytes,
    lookup: (needle) => {
      const { exact, codes } = needleGrams(needle);
      if (codes.length === 0) return undefined;
      const postings = codes
        .map((code) => ({ gram: gramText(code), set: postingOf(code) }))
        .sort((a, b) => setSize(a.set) - setSize(b.set));
      const first = postings[0] as GramPosting;
      if (setSize(first.set) === 0) return { exact: true, postings: [first] };
      return { exact, postings: postings.slice(0, MAX_TRIGRAMS) };
    },
  };
  partsOf.set(index, parts);
  return index;
};

export const gramIndexBytes = (index: GramIndex): number => index.bytes;
