// The index candidate of a `substring` condition (roomName): the needle's gram postings from a
// substring index (collection/gram-index.ts). A needle of 1 to 3 code units is one exact posting (the
// plan may stop early and count `total` from it); a longer one intersects its trigrams' postings,
// smallest first, into a superset that the residual predicate (the real matcher) verifies. Whether
// that beats the ordered walk / scan is the planner's cost model, fed by the postings' sizes.
import type { GramIndex } from '../collection/gram-index.js';
import { intersectAll, setSize } from '../collection/rank-set.js';
import type { SubstringNode } from '../query/substring-node.js';
import type { Candidate } from './candidates.js';

export const gramCandidate = (index: GramIndex, node: SubstringNode, n: number): Candidate | undefined => {
  const found = index.lookup(node.needle);
  if (found === undefined) return undefined;
  const { exact, postings } = found;
  const sizes = postings.map((p) => setSize(p.set));
  const smallest = sizes[0] as number;
  const grams = postings.map((p, i) => `${JSON.stringify(p.gram)} ${sizes[i]}`).join(' ∩ ');
  const label = `${node.path.dotted} contains ${JSON.stringify(node.needle)} (${exact ? 'exact' : 'verified'}: gram${postings.length > 1 ? 's' : ''} ${grams}; ≤ ${smallest} rows)`;
  if (postings.length === 1) {
    const set = (postings[0] as (typeof postings)[0]).set;
    return { label, size: smallest, buildCost: 0, exact, build: () => set };
  }
  const sets = postings.map((p) => p.set);
  // Probing the others with each member of the smallest, or ANDing bitmaps when all are dense.
  const buildCost = Math.min(smallest * (sets.length - 1) * 2, (((n + 31) >>> 5) * sets.length) / 2 + smallest);
  return { label, size: smallest, buildCost, exact, build: (work) => intersectAll(sets, n, work) };
};
