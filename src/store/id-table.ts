// The initial rooms by `_id`: positions into the store's frozen array of rooms, in an open-addressing hash
// table of two Int32Arrays sized once. Building it is one hash and a probe or two per room, where a Map
// pays an entry, growth and rehashing (about a tenth of an index build: bench/ingest). Ids crafted to
// collide cannot make it quadratic: past a long probe it moves everything into a Map.

import { hashOf as hashKey, type LookupBase } from './persistent-map.js';

/** Probes after which the table gives up on its hash (never reached by ids that are not crafted). */
const MAX_PROBES = 64;

/** The persistent map's hash, as an int32 (what an Int32Array holds). */
const hashOf = (key: string): number => hashKey(key) | 0;

export class IdTable<V> implements LookupBase<V> {
  private readonly slots: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;
  private fallback: Map<string, V> | undefined;
  size = 0;

  /** A table of up to `capacity` keys; `values[p]` is the value added at position `p`, `keyOf` its key. */
  constructor(
    capacity: number,
    private readonly values: ReadonlyArray<V>,
    private readonly keyOf: (value: V) => string,
  ) {
    let slots = 8;
    while (slots < capacity * 2) slots *= 2;
    this.slots = new Int32Array(slots);
    this.hashes = new Int32Array(slots);
    this.mask = slots - 1;
  }

  /** Records `values[position]` under `key` (positions 0, 1, 2, … in turn); false (nothing recorded) when the key is there already. */
  add(key: string, position: number): boolean {
    if (this.fallback !== undefined) return this.addToMap(key, position);
    const h = hashOf(key);
    const s = this.slotOf(key, h);
    if (s < 0) {
      const map = new Map<string, V>();
      this.forEach((value, k) => map.set(k, value)); // still the table's walk: `fallback` is set after it
      this.fallback = map;
      return this.addToMap(key, position);
    }
    if (this.slots[s] !== 0) return false;
    this.slots[s] = position + 1;
    this.hashes[s] = h;
    this.size++;
    return true;
  }

  private addToMap(key: string, position: number): boolean {
    const map = this.fallback as Map<string, V>;
    if (map.has(key)) return false;
    map.set(key, this.values[position] as V);
    this.size++;
    return true;
  }

  /** The slot holding `key` (hash `h`), or the empty slot where it would go; -1 past MAX_PROBES. */
  private slotOf(key: string, h: number): number {
    const { slots, hashes, mask } = this;
    let s = h & mask;
    for (let step = 1; step <= MAX_PROBES; step++) {
      const p = slots[s] as number;
      if (p === 0 || (hashes[s] === h && this.keyOf(this.values[p - 1] as V) === key)) return s;
      s = (s + step) & mask; // triangular steps: every slot of a power-of-two table is reached
    }
    return -1;
  }

  get(key: string): V | undefined {
    if (this.fallback !== undefined) return this.fallback.get(key);
    const s = this.slotOf(key, hashOf(key));
    const p = s < 0 ? 0 : (this.slots[s] as number);
    return p === 0 ? undefined : this.values[p - 1];
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** In the order added (the rooms' order), as a Map's forEach. */
  forEach(f: (value: V, key: string) => void): void {
    if (this.fallback !== undefined) {
      this.fallback.forEach(f);
      return;
    }
    const { values, keyOf } = this;
    for (let p = 0; p < this.size; p++) {
      const value = values[p] as V;
      f(value, keyOf(value));
    }
  }
}
