// diffPage: applying its ops to the previous page yields the next page, for any reordering,
// insertion, removal and replacement of rooms (objects compared by identity, as live pages share them).
import fc from 'fast-check';
import jsonpatch from 'fast-json-patch';
import { describe, expect, it } from 'vitest';
import { diffPage } from '../../src/live/page-diff.js';

const pool = Array.from({ length: 12 }, (_, i) => ({ _id: `r${i}`, n: i }));
const list = fc.uniqueArray(fc.nat(pool.length - 1), { maxLength: 8 }).map((ix) => ix.map((i) => pool[i]!));
const page = fc.record({ rooms: list, count: fc.nat(8), offset: fc.nat(3), total: fc.nat(20) });

describe('diffPage', () => {
  it('turns the previous page into the next one', () =>
    fc.assert(
      fc.property(page, page, (prev, next) => {
        const ops = diffPage(prev, next);
        const doc = jsonpatch.deepClone(prev);
        jsonpatch.applyPatch(doc, ops, true);
        expect(doc).toEqual(next);
      }),
      { numRuns: 1000 },
    ));
  it('a new room at the top is one add and one remove', () => {
    const prev = { rooms: pool.slice(0, 5), count: 5, offset: 0, total: 9 };
    const next = { rooms: [pool[9]!, ...pool.slice(0, 4)], count: 5, offset: 0, total: 10 };
    expect(diffPage(prev, next)).toEqual([
      { op: 'add', path: '/rooms/0', value: pool[9] },
      { op: 'remove', path: '/rooms/5' },
      { op: 'replace', path: '/total', value: 10 },
    ]);
  });
});
