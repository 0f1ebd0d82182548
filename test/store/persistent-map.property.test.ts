// The persistent map against a Map model: same contents after any sequence of sets and deletes, and
// every earlier version unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyPersistentMap, lazyPersistentMap, persistentMapFrom, type PersistentMap } from '../../src/store/persistent-map.js';
import { oracleConfig } from '../support/oracle-config.js';

const arbKey = fc.oneof(
  fc.string({ maxLength: 3 }),
  fc.integer({ min: 0, max: 3000 }).map((n) => `room-${n}`),
);
const arbStep = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key: arbKey, value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key: arbKey }),
);

const contents = (m: PersistentMap<number>): Array<[string, number]> => {
  const out: Array<[string, number]> = [];
  m.forEach((v, k) => out.push([k, v]));
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
};

describe('persistent map', () => {
  it('layered over a Map: reads, writes and visits as the trie built at once', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(arbKey, fc.integer())), fc.array(arbStep, { maxLength: 40 }), (entries, steps) => {
        const initial = new Map(entries);
        const lazy = lazyPersistentMap(initial);
        const eager = persistentMapFrom(initial);
        expect(lazy.size).toBe(eager.size);
        for (const [k] of entries) expect([lazy.get(k), lazy.has(k)]).toEqual([eager.get(k), eager.has(k)]);
        expect(lazy.get('absent-key')).toBeUndefined();
        let a: PersistentMap<number> = lazy;
        let b = eager;
        for (const step of steps) {
          a = step.kind === 'set' ? a.set(step.key, step.value) : a.delete(step.key);
          b = step.kind === 'set' ? b.set(step.key, step.value) : b.delete(step.key);
        }
        expect(contents(a)).toEqual(contents(b));
        // Visit orders differ (the Map's order, then hash order; the trie's hash order): same values.
        expect([...a.values()].sort((x, y) => x - y)).toEqual([...b.values()].sort((x, y) => x - y));
        expect(a.size).toBe(b.size);
        expect(contents(lazy)).toEqual(contents(eager));
      }),
      oracleConfig(300),
    ));

  it('layered over a Map: a write never visits the Map (the first patch of a big store is O(log n))', () => {
    class Unvisited<V> extends Map<string, V> {
      override forEach(): void {
        throw new Error('visited');
      }
      override [Symbol.iterator](): MapIterator<[string, V]> {
        throw new Error('visited');
      }
    }
    const base = new Unvisited<number>();
    for (let i = 0; i < 1000; i++) Map.prototype.set.call(base, `room-${i}`, i);
    let m: PersistentMap<number> = lazyPersistentMap(base);
    m = m.set('room-1', -1).set('new', 7).delete('room-2').delete('new').delete('absent');
    expect([m.get('room-1'), m.get('room-2'), m.has('new'), m.get('room-3'), m.size]).toEqual([-1, undefined, false, 3, 999]);
  });

  it('matches a Map, and old versions never change', () =>
    fc.assert(
      fc.property(fc.array(arbStep, { maxLength: 400 }), (steps) => {
        let map = emptyPersistentMap<number>();
        const model = new Map<string, number>();
        const history: Array<[PersistentMap<number>, Array<[string, number]>]> = [];
        for (const step of steps) {
          if (step.kind === 'set') {
            map = map.set(step.key, step.value);
            model.set(step.key, step.value);
          } else {
            map = map.delete(step.key);
            model.delete(step.key);
          }
          expect(map.size).toBe(model.size);
          expect(map.get(step.key)).toBe(model.get(step.key));
          history.push([map, [...model].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))]);
        }
        for (const [m, expected] of history) expect(contents(m)).toEqual(expected);
      }),
      oracleConfig(200),
    ));

  it('holds many keys (deep tries) and shrinks back to empty', () => {
    let map = emptyPersistentMap<number>();
    for (let i = 0; i < 20_000; i++) map = map.set(`r${i}`, i);
    expect(map.size).toBe(20_000);
    expect(map.get('r12345')).toBe(12345);
    for (let i = 0; i < 20_000; i++) map = map.delete(`r${i}`);
    expect(map.size).toBe(0);
    expect(map.values()).toEqual([]);
  });
});

describe('persistentMapFrom (bulk build)', () => {
  it('equals the same entries set one by one, and keeps working persistently', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(arbKey, fc.integer()), { maxLength: 600 }), fc.array(arbStep, { maxLength: 50 }), (entries, steps) => {
        let bulk = persistentMapFrom(entries);
        let one = emptyPersistentMap<number>();
        for (const [k, v] of entries) one = one.set(k, v);
        expect(contents(bulk)).toEqual(contents(one));
        expect(bulk.size).toBe(one.size);
        for (const step of steps) {
          bulk = step.kind === 'set' ? bulk.set(step.key, step.value) : bulk.delete(step.key);
          one = step.kind === 'set' ? one.set(step.key, step.value) : one.delete(step.key);
          expect(bulk.get(step.key)).toBe(one.get(step.key));
        }
        expect(contents(bulk)).toEqual(contents(one));
      }),
      oracleConfig(200),
    ));
});
