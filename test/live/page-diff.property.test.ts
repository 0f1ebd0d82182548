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
  it('a room changed in place is one replace', () => {
    const prev = { rooms: pool.slice(0, 5), count: 5, offset: 0, total: 9 };
    const next = { rooms: [pool[0]!, pool[9]!, ...pool.slice(2, 5)], count: 5, offset: 0, total: 9 };
    expect(diffPage(prev, next)).toEqual([{ op: 'replace', path: '/rooms/1', value: pool[9] }]);
  });
  it('a room leaving the middle is one remove and one add at the end', () => {
    const prev = { rooms: pool.slice(0, 5), count: 5, offset: 0, total: 9 };
    const next = { rooms: [pool[0]!, ...pool.slice(2, 6)], count: 5, offset: 0, total: 8 };
    expect(diffPage(prev, next)).toEqual([
      { op: 'remove', path: '/rooms/1' },
      { op: 'add', path: '/rooms/4', value: pool[5] },
      { op: 'replace', path: '/total', value: 8 },
    ]);
  });
  it('never emits more operations than rooms on both pages, plus the three counters', () =>
    fc.assert(
      fc.property(page, page, (prev, next) => {
        expect(diffPage(prev, next).length).toBeLessThanOrEqual(prev.rooms.length + next.rooms.length + 3);
      }),
      { numRuns: 500 },
    ));
});
