// Rank sets (sorted lists, bitmaps, intervals) against a plain Set model: every operation, every shape.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  complement,
  forEachAsc,
  fromSortedRanks,
  interval,
  intersectAll,
  prevMember,
  setHas,
  setSize,
  unionAll,
  type RankSet,
} from '../../src/collection/rank-set.js';

const arbUniverse = fc.integer({ min: 0, max: 200 });

/** A set over [0, n) in one of the three shapes, with its model. */
const arbSet = (n: number): fc.Arbitrary<{ set: RankSet; model: number[] }> =>
  fc.oneof(
    fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: n }).map((xs) => {
      const model = n === 0 ? [] : [...xs].sort((a, b) => a - b);
      return { set: fromSortedRanks(model, n), model };
    }),
    // Force the bitmap shape even when sparse.
    fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, n - 1) }), { maxLength: n }).map((xs) => {
      const model = n === 0 ? [] : [...xs].sort((a, b) => a - b);
      const words = new Uint32Array((n + 31) >>> 5);
      for (const r of model) words[r >>> 5] = (words[r >>> 5] as number) | (1 << (r & 31));
      const set: RankSet = { kind: 'bitmap', words, size: model.length };
      return { set, model };
    }),
    fc.tuple(fc.integer({ min: 0, max: n }), fc.integer({ min: 0, max: n })).map(([a, b]) => {
      const lo = Math.min(a, b);
      const hi = Math.max(a, b);
      return { set: interval(lo, hi), model: Array.from({ length: hi - lo }, (_, i) => lo + i) };
    }),
  );

const members = (s: RankSet, n: number): number[] => {
  const out: number[] = [];
  forEachAsc(s, 0, n, (r) => {
    out.push(r);
    return true;
  });
  return out;
};

describe('rank sets', () => {
  it('size, membership, ascending walk and prevMember agree with the model', () =>
    fc.assert(
      fc.property(
        arbUniverse.chain((n) => fc.tuple(fc.constant(n), arbSet(n), fc.integer({ min: 0, max: n }))),
        ([n, { set, model }, at]) => {
          expect(setSize(set)).toBe(model.length);
          expect(members(set, n)).toEqual(model);
          for (let r = 0; r < n; r++) expect(setHas(set, r)).toBe(model.includes(r));
          expect(prevMember(set, at)).toBe([...model].reverse().find((r) => r < at) ?? -1);
          const from = Math.floor(at / 2);
          const part: number[] = [];
          forEachAsc(set, from, at, (r) => (part.push(r), true));
          expect(part).toEqual(model.filter((r) => r >= from && r < at));
        },
      ),
      { numRuns: 300 },
    ));

  it('intersection, union and complement agree with the model', () =>
    fc.assert(
      fc.property(
        arbUniverse.chain((n) => fc.tuple(fc.constant(n), fc.array(arbSet(n), { minLength: 1, maxLength: 4 }))),
        ([n, sets]) => {
          const work = { keys: 0 };
          const inAll = Array.from({ length: n }, (_, r) => r).filter((r) => sets.every((s) => s.model.includes(r)));
          const inAny = Array.from({ length: n }, (_, r) => r).filter((r) => sets.some((s) => s.model.includes(r)));
          expect(
            members(
              intersectAll(
                sets.map((s) => s.set),
                n,
                work,
              ),
              n,
            ),
          ).toEqual(inAll);
          expect(
            members(
              unionAll(
                sets.map((s) => s.set),
                n,
                work,
              ),
              n,
            ),
          ).toEqual(inAny);
          const first = sets[0]!;
          expect(members(complement(first.set, n, work), n)).toEqual(
            Array.from({ length: n }, (_, r) => r).filter((r) => !first.model.includes(r)),
          );
        },
      ),
      { numRuns: 300 },
    ));
});
