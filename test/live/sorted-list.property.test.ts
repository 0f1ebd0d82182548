// The chunked sorted list against a sorted array, across chunk splits and merges.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSortedList } from '../../src/live/sorted-list.js';
import { oracleConfig } from '../support/oracle-config.js';

type Item = { readonly k: number; home: unknown };
const compare = (a: Item, b: Item): number => a.k - b.k;

describe('sorted list', () => {
  it('behaves like a sorted array (equal keys allowed, removal by identity)', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }),
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 })), { maxLength: 3000 }),
        (initial, steps) => {
          const items = initial.map((k): Item => ({ k, home: undefined }));
          const list = createSortedList(compare, items);
          const model = [...items].sort(compare);
          for (const [insert, pick, k] of steps) {
            if (insert || model.length === 0) {
              const item: Item = { k, home: undefined };
              list.insert(item);
              const i = model.findIndex((x) => x.k > k);
              model.splice(i < 0 ? model.length : i, 0, item);
            } else {
              const item = model[pick % model.length] as Item;
              expect(list.remove(item)).toBe(true);
              expect(list.remove(item)).toBe(false); // gone: a second removal finds nothing
              model.splice(model.indexOf(item), 1);
            }
          }
          expect(list.size).toBe(model.length);
          expect(list.slice(0, list.size).map((x) => x.k)).toEqual(model.map((x) => x.k));
          expect(list.slice(3, 17)).toEqual(model.slice(3, 17));
          expect(list.at(model.length - 1)?.k).toBe(model[model.length - 1]?.k); // equal keys: any order among them
          expect(list.remove({ k: 1, home: undefined })).toBe(false);
        },
      ),
      oracleConfig(60),
    ));
});
