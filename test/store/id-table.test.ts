// The store's table of initial rooms by `_id`: Map answers (get, has, size, forEach in the order
// added), a duplicate refused, and the Map it falls back to past a long probe (here: a full table).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../../src/store/id-table.js';

interface Item {
  readonly id: string;
  readonly n: number;
}

const tableOf = (ids: ReadonlyArray<string>, capacity = ids.length): { table: IdTable<Item>; added: boolean[] } => {
  const values: Item[] = [];
  const table = new IdTable<Item>(capacity, values, (item) => item.id);
  const added = ids.map((id, n) => {
    values.push({ id, n });
    const ok = table.add(id, values.length - 1);
    if (!ok) values.pop();
    return ok;
  });
  return { table, added };
};

describe('IdTable', () => {
  it('answers as a Map of the same keys would, and refuses a duplicate', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(fc.string({ maxLength: 6 })), (ids, probes) => {
        const map = new Map<string, Item>();
        const { table, added } = tableOf(ids);
        ids.forEach((id, n) => {
          expect(added[n]).toBe(!map.has(id));
          if (!map.has(id)) map.set(id, { id, n });
        });
        expect(table.size).toBe(map.size);
        for (const key of [...ids, ...probes]) {
          expect(table.get(key)).toEqual(map.get(key));
          expect(table.has(key)).toBe(map.has(key));
        }
        const seen: string[] = [];
        table.forEach((item, key) => {
          expect(item.id).toBe(key);
          seen.push(key);
        });
        expect(seen).toEqual([...map.keys()]);
      }),
    );
  });

  it('falls back to a Map when probes run long (a table filled past its capacity), with the same answers', () => {
    const ids = Array.from({ length: 50 }, (_, i) => `room-${i}`);
    const { table, added } = tableOf([...ids, 'room-7'], 1);
    expect(added).toEqual([...ids.map(() => true), false]);
    expect(table.size).toBe(50);
    for (const [n, id] of ids.entries()) expect(table.get(id)).toEqual({ id, n });
    expect(table.get('room-50')).toBeUndefined();
    const seen: string[] = [];
    table.forEach((_, key) => seen.push(key));
    expect(seen).toEqual(ids);
  });
});
