// The index candidate of a `substring` condition (roomName): the needle's gram postings from a
// substring index (collection/gram-index.ts). A needle of 1 to 3 code units is one exact posting (the
// plan may stop early and count `total` from it). A longer one intersects its trigrams' postings,
// smallest first, then keeps the ranks whose value holds the needle — a string is kept folded by the
// index, so the check is `includes` of the folded needle (the matcher's own folding, fold-case.ts); an
// array goes through the real matcher (compile/operators.ts) — so the set is exact too: the page is read
// in order and `total` is the set's size. Whether that beats a walk or the scan is the planner's cost model, fed by
// the postings' sizes.
import type { GramIndex } from '../collection/gram-index.js';
import { fromSortedRanks, intersectAll, setSize, forEachAsc, type RankSet } from '../collection/rank-set.js';
import { foldCase } from '../compile/fold-case.js';
import { substringMatcher } from '../compile/operators.js';
import type { SubstringNode } from '../query/substring-node.js';
import type { Candidate } from './candidate.js';

/** Verifying one candidate (a regex test on its value), in index entries (~ half a random room read). */
const VERIFY = 20;

export const gramCandidate = (index: GramIndex, node: SubstringNode, n: number): Candidate | undefined => {
  const found = index.lookup(node.needle);
  if (found === undefined) return undefined;
  const { exact, postings } = found;
  const sizes = postings.map((p) => setSize(p.set));
  const smallest = sizes[0] as number;
  const grams = postings.map((p, i) => `${JSON.stringify(p.gram)} ${sizes[i]}`).join(' ∩ ');
  const how = exact ? `gram ${grams}` : `grams ${grams}, verified: ≤ ${smallest} rows`;
  const label = `${node.path.dotted} contains ${JSON.stringify(node.needle)} (${how})`;
  if (exact) {
    const set = (postings[0] as (typeof postings)[0]).set;
    return { label, size: smallest, buildCost: 0, exact: true, build: () => set };
  }
  const sets = postings.map((p) => p.set);
  // Probing the others with each member of the smallest (or ANDing bitmaps), then one matcher call each.
  const intersectCost = Math.min(smallest * (sets.length - 1) * 2, (((n + 31) >>> 5) * sets.length) / 2 + smallest);
  return {
    label,
    size: smallest,
    buildCost: intersectCost + smallest * VERIFY,
    exact: true,
    build: (work) => verify(intersectWhileShrinking(sets, n, work), index.values, node.needle, n, work),
  };
};

/**
 * The smallest posting intersected with the next ones while that pays: a step that leaves more than 3/4 of
 * the candidates means the needle's trigrams occur together (`gonzalez`: every room holding "NZA" holds the
 * other five), so the larger postings after it would cost a probe per candidate and spare few checks. The
 * check after it keeps the set exact whatever is skipped.
 */
const intersectWhileShrinking = (sets: ReadonlyArray<RankSet>, n: number, work: { keys: number }): RankSet => {
  let acc = sets[0] as RankSet;
  for (let i = 1; i < sets.length; i++) {
    const before = setSize(acc);
    acc = intersectAll([acc, sets[i] as RankSet], n, work);
    if (setSize(acc) * 4 > before * 3) break;
  }
  return acc;
};

const verify = (set: RankSet, values: ReadonlyArray<unknown>, needle: string, n: number, work: { keys: number }): RankSet => {
  const folded = foldCase(needle);
  let matcher: ((value: unknown) => boolean) | undefined;
  const kept: number[] = [];
  forEachAsc(set, 0, n, (r) => {
    const value = values[r];
    if (typeof value === 'string' ? value.includes(folded) : (matcher ??= substringMatcher(needle))(value)) kept.push(r);
    return true;
  });
  work.keys += setSize(set);
  return fromSortedRanks(kept, n);
};
