// A persistent (immutable, structurally shared) string-keyed map: a hash array mapped trie (HAMT).
// Why not immer on a Map: immer copies the whole Map on the first write (O(n) per version, the
// #1117 trap at 1M rooms). Here `set`/`delete` copy one path of ≤ 7 nodes of ≤ 32 slots: O(log32 n),
// and every earlier version stays valid and unchanged because nodes are never mutated once shared.

const BITS = 5;
const MASK = 31;
const MAX_DEPTH = 7; // 7 × 5 bits ≥ 32-bit hash; below that, keys of equal hash share a collision node

interface Leaf<V> {
  readonly kind: 0;
  readonly hash: number;
  readonly key: string;
  readonly value: V;
}
interface Collision<V> {
  readonly kind: 1;
  readonly hash: number;
  readonly entries: ReadonlyArray<readonly [string, V]>;
}
interface Branch<V> {
  readonly kind: 2;
  readonly bitmap: number;
  readonly children: ReadonlyArray<Node<V>>;
}
type Node<V> = Leaf<V> | Collision<V> | Branch<V>;

const EMPTY_BRANCH: Branch<never> = Object.freeze({ kind: 2, bitmap: 0, children: Object.freeze([]) });

/** FNV-1a over UTF-16 code units: cheap, and well spread for ids like `room-000123`. */
export const hashOf = (key: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

const popcount = (x0: number): number => {
  let x = x0 - ((x0 >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
};

const lookup = <V>(node: Node<V>, hash: number, key: string, depth: number): V | undefined => {
  let n: Node<V> = node;
  let d = depth;
  for (;;) {
    if (n.kind === 0) return n.key === key ? n.value : undefined;
    if (n.kind === 1) return n.entries.find((e) => e[0] === key)?.[1];
    const bit = 1 << ((hash >>> (d * BITS)) & MASK);
    if ((n.bitmap & bit) === 0) return undefined;
    n = n.children[popcount(n.bitmap & (bit - 1))] as Node<V>;
    d++;
  }
};

const pair = <V>(a: Leaf<V>, b: Leaf<V>, depth: number): Node<V> => {
  if (depth >= MAX_DEPTH)
    return {
      kind: 1,
      hash: a.hash,
      entries: [
        [a.key, a.value],
        [b.key, b.value],
      ],
    };
  const ia = (a.hash >>> (depth * BITS)) & MASK;
  const ib = (b.hash >>> (depth * BITS)) & MASK;
  if (ia === ib) return { kind: 2, bitmap: 1 << ia, children: [pair(a, b, depth + 1)] };
  return { kind: 2, bitmap: (1 << ia) | (1 << ib), children: ia < ib ? [a, b] : [b, a] };
};

/** The node with key set (or removed when `remove`); `sizeDelta[0]` says whether the size changed. */
const update = <V>(node: Node<V>, leaf: Leaf<V>, remove: boolean, depth: number, sizeDelta: number[]): Node<V> | undefined => {
  if (node.kind === 0) {
    if (node.key === leaf.key) {
      if (remove) {
        sizeDelta[0] = -1;
        return undefined;
      }
      return node.value === leaf.value ? node : leaf;
    }
    if (remove) return node;
    sizeDelta[0] = 1;
    return pair(node, leaf, depth);
  }
  if (node.kind === 1) {
    const i = node.entries.findIndex((e) => e[0] === leaf.key);
    if (remove) {
      if (i < 0) return node;
      sizeDelta[0] = -1;
      const entries = node.entries.filter((_, j) => j !== i);
      const only = entries[0] as readonly [string, V];
      return entries.length === 1 ? { kind: 0, hash: node.hash, key: only[0], value: only[1] } : { ...node, entries };
    }
    if (i < 0) sizeDelta[0] = 1;
    const entries =
      i < 0
        ? [...node.entries, [leaf.key, leaf.value] as const]
        : node.entries.map((e, j) => (j === i ? ([leaf.key, leaf.value] as const) : e));
    return { ...node, entries };
  }
  const bit = 1 << ((leaf.hash >>> (depth * BITS)) & MASK);
  const at = popcount(node.bitmap & (bit - 1));
  if ((node.bitmap & bit) === 0) {
    if (remove) return node;
    sizeDelta[0] = 1;
    const children = [...node.children];
    children.splice(at, 0, leaf);
    return { kind: 2, bitmap: node.bitmap | bit, children };
  }
  const child = node.children[at] as Node<V>;
  const next = update(child, leaf, remove, depth + 1, sizeDelta);
  if (next === child) return node;
  if (next === undefined) {
    const bitmap = node.bitmap & ~bit;
    const children = node.children.filter((_, j) => j !== at);
    // A branch left with a single leaf collapses into it, so lookups stay short. (Collision nodes never
    // move up: they live at MAX_DEPTH, where every hash bit has been used.)
    if (children.length === 1 && (children[0] as Node<V>).kind === 0 && depth > 0) return children[0];
    return children.length === 0 && depth > 0 ? undefined : { kind: 2, bitmap, children };
  }
  const children = [...node.children];
  children[at] = next;
  return { kind: 2, bitmap: node.bitmap, children };
};

const visit = <V>(node: Node<V>, f: (value: V, key: string) => void): void => {
  if (node.kind === 0) f(node.value, node.key);
  else if (node.kind === 1) for (const [k, v] of node.entries) f(v, k);
  else for (const child of node.children) visit(child, f);
};

/** An immutable map from string keys; every "write" returns a new map sharing structure with the old. */
export interface PersistentMap<V> {
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
  set(key: string, value: V): PersistentMap<V>;
  delete(key: string): PersistentMap<V>;
  /** Visits every entry (hash order: deterministic, not insertion order). */
  forEach(f: (value: V, key: string) => void): void;
  values(): V[];
}

// A class, not closures: a version is one small object (a `set` allocates no functions).
class Hamt<V> implements PersistentMap<V> {
  constructor(
    private readonly root: Node<V>,
    readonly size: number,
  ) {
    Object.freeze(this);
  }
  get(key: string): V | undefined {
    return lookup(this.root, hashOf(key), key, 0);
  }
  has(key: string): boolean {
    return lookup(this.root, hashOf(key), key, 0) !== undefined;
  }
  set(key: string, value: V): PersistentMap<V> {
    const delta = [0];
    const next = update(this.root, { kind: 0, hash: hashOf(key), key, value }, false, 0, delta) as Node<V>;
    return next === this.root ? this : new Hamt(next, this.size + (delta[0] as number));
  }
  delete(key: string): PersistentMap<V> {
    const delta = [0];
    const next = update(this.root, { kind: 0, hash: hashOf(key), key, value: undefined as V }, true, 0, delta) ?? EMPTY_BRANCH;
    return next === this.root ? this : new Hamt(next, this.size + (delta[0] as number));
  }
  forEach(f: (value: V, key: string) => void): void {
    visit(this.root, f);
  }
  values(): V[] {
    const out: V[] = [];
    visit(this.root, (v) => out.push(v));
    return out;
  }
}

/** Builds the node for `leaves` (distinct keys) at `depth` in one pass: no path copying per key. */
const build = <V>(leaves: ReadonlyArray<Leaf<V>>, depth: number): Node<V> => {
  if (leaves.length === 1 && depth > 0) return leaves[0] as Leaf<V>;
  if (depth >= MAX_DEPTH) return { kind: 1, hash: (leaves[0] as Leaf<V>).hash, entries: leaves.map((l) => [l.key, l.value] as const) };
  const buckets: Array<Array<Leaf<V>> | undefined> = new Array(32);
  for (const leaf of leaves) (buckets[(leaf.hash >>> (depth * BITS)) & MASK] ??= []).push(leaf);
  let bitmap = 0;
  const children: Node<V>[] = [];
  for (let i = 0; i < 32; i++) {
    const bucket = buckets[i];
    if (bucket === undefined) continue;
    bitmap |= 1 << i;
    children.push(build(bucket, depth + 1));
  }
  return { kind: 2, bitmap, children };
};

/** A persistent map of `entries` built in bulk (O(n) nodes, vs O(n log n) for n sets); a later duplicate key wins. */
export const persistentMapFrom = <V>(entries: Iterable<readonly [string, V]>): PersistentMap<V> => {
  const byKey = entries instanceof Map ? (entries as ReadonlyMap<string, V>) : new Map<string, V>(entries);
  if (byKey.size === 0) return emptyPersistentMap<V>();
  const leaves: Array<Leaf<V>> = [];
  for (const [key, value] of byKey) leaves.push({ kind: 0, hash: hashOf(key), key, value });
  return new Hamt<V>(build(leaves, 0), leaves.length);
};

/** What a layered map reads through (a Map fits; the store's initial rooms: store/id-table.ts). */
export interface LookupBase<V> {
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
  forEach(f: (value: V, key: string) => void): void;
}

/**
 * A persistent map over `entries` (which nobody may change afterwards; a Map, or the store's IdTable): reads go to it, writes to a
 * trie of the changes layered over it (a removal is a marker there). So a store's initial rooms are ready
 * without building a trie of all of them, and no write ever pays for one: the first patch of a 1M-room
 * store used to build the whole trie (~4 s). Visit order: the Map's entries (order of `entries`), then the
 * added keys in hash order — deterministic.
 */
export const lazyPersistentMap = <V>(entries: LookupBase<V>): PersistentMap<V> =>
  new LayeredMap<V>(entries, emptyPersistentMap<V | Removed>(), entries.size);

const REMOVED: unique symbol = Symbol('removed');
type Removed = typeof REMOVED;

class LayeredMap<V> implements PersistentMap<V> {
  constructor(
    private readonly base: LookupBase<V>,
    private readonly changes: PersistentMap<V | Removed>,
    readonly size: number,
  ) {
    Object.freeze(this);
  }
  get(key: string): V | undefined {
    const changed = this.changes.get(key);
    if (changed === undefined) return this.base.get(key);
    return changed === REMOVED ? undefined : changed;
  }
  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
  set(key: string, value: V): PersistentMap<V> {
    return new LayeredMap(this.base, this.changes.set(key, value), this.has(key) ? this.size : this.size + 1);
  }
  delete(key: string): PersistentMap<V> {
    if (!this.has(key)) return this;
    const changes = this.base.has(key) ? this.changes.set(key, REMOVED) : this.changes.delete(key);
    return new LayeredMap(this.base, changes, this.size - 1);
  }
  forEach(f: (value: V, key: string) => void): void {
    const changes = this.changes;
    if (changes.size === 0) return this.base.forEach((value, key) => f(value, key));
    this.base.forEach((value, key) => {
      const changed = changes.get(key);
      if (changed === undefined) f(value, key);
      else if (changed !== REMOVED) f(changed, key);
    });
    changes.forEach((changed, key) => {
      if (changed !== REMOVED && !this.base.has(key)) f(changed, key);
    });
  }
  values(): V[] {
    const out: V[] = [];
    this.forEach((value) => out.push(value));
    return out;
  }
}

/** An empty persistent map. Values must not be `undefined` (it means "absent"). */
export const emptyPersistentMap = <V>(): PersistentMap<V> => new Hamt<V>(EMPTY_BRANCH as Branch<V>, 0);
