// An immutable, indexed snapshot of rooms: what runQuery/queryRooms accept instead of an array to
// answer through indexes (same answers, same order, faster).
//
// Layout ("rank space"): the first ordered index (default `ts`) is the primary order; every equality
// and presence posting holds RANKS in that order, not insertion positions. So a posting list walked
// backwards is already "newest first" (an agent's newest rooms cost O(page)), a `ts` range is an
// interval of ranks, and conjunctions are rank-set intersections. Insertion positions stay the final
// tie-break, exactly as array positions do for a scan.
//
// Incremental maintenance (issue #8): ranks are dense and shift on insert, so a mutable store should
// keep each posting as an ordered set keyed by (primary value, _id, seq) — a B+tree or a skip list —
// giving O(log n) insert/remove per index, and answer the same four questions the planner asks here:
// size, membership, ordered walk from either end, and a Date range → key interval. `RankSet` is
// that interface's snapshot implementation (sorted Int32Array / bitmap / interval).
import type { Room } from '../model/room.js';
import { FieldPath } from '../query/field-path.js';
import { keyIndexBuilder, keyIndexBytes, type IndexBuilder, type KeyIndex } from './postings.js';
import { presenceIndexBuilder, type PresenceIndex } from './presence-index.js';
import { orderedIndexBuilder, orderedIndexBytes, type OrderedIndex, type OrderedIndexBuilder } from './order.js';
import { setBytes } from './rank-set.js';
import { gramIndexBuilder } from './gram-index-build.js';
import type { GramIndex } from './gram-index.js';
import { CopyMemo } from './copy-memo.js';
import { compilePath } from '../value/get-path.js';

/** Which indexes to build. Paths are dotted (`servedBy._id`). */
export interface CollectionIndexes {
  /** Equality indexes (multi-key: an array value indexes each string element). */
  readonly keys?: ReadonlyArray<string>;
  /** Presence indexes (`open` is present only while a call is open). */
  readonly presence?: ReadonlyArray<string>;
  /** Flag indexes: the rooms holding `true` at the path (livechat's `onHold`; `open: true` for queued rooms). */
  readonly flags?: ReadonlyArray<string>;
  /** Orders by (value, _id, position); the first one is the primary order of every posting. */
  readonly orders?: ReadonlyArray<string>;
  /** Substring (n-gram) indexes: case-insensitive literal substring of a string field (`roomName`: voip's `name`, livechat's `fname`). */
  readonly substrings?: ReadonlyArray<string>;
}

export interface CollectionOptions {
  /** Default: `defaultIndexesFor(rooms)` (DEFAULT_INDEXES, or LIVECHAT_INDEXES when livechat rooms are held). `{}`: none (every query scans). */
  readonly indexes?: CollectionIndexes;
}

/**
 * The access paths of GET /api/v1/voip/rooms and GET /api/v1/livechat/rooms (departments, the monitor
 * scope's units, queued rooms = servedBy absent and `open: true`, `onHold`; livechat's roomName on `fname`: LIVECHAT_INDEXES).
 */
export const DEFAULT_INDEXES: CollectionIndexes = Object.freeze({
  keys: Object.freeze([
    't',
    'servedBy._id',
    'servedBy.username',
    'v._id',
    'queue',
    'tags',
    'direction',
    'departmentId',
    'departmentAncestors',
  ]),
  presence: Object.freeze(['open', 'servedBy']),
  flags: Object.freeze(['onHold', 'open']),
  orders: Object.freeze(['ts', 'closedAt']),
  substrings: Object.freeze(['name']),
});

/**
 * DEFAULT_INDEXES plus a substring index on `fname`, livechat's `roomName` field: for collections that answer
 * livechat's roomName. Not in the default set: one more substring index costs about one sort of the rooms
 * at build and lengthens every compaction of a store.
 */
export const LIVECHAT_INDEXES: CollectionIndexes = Object.freeze({
  ...DEFAULT_INDEXES,
  substrings: Object.freeze(['name', 'fname']),
});

const readType = compilePath(FieldPath.of('t'));

/**
 * The indexes built when none are asked for: LIVECHAT_INDEXES once a livechat room (`t: 'l'`) is among the
 * rooms, so a server holding livechat rooms answers its roomName through the `fname` index; else
 * DEFAULT_INDEXES (a voip-only collection pays nothing for `fname`). A store keeps its first build's choice.
 */
export const defaultIndexesFor = (rooms: ReadonlyArray<Room>): CollectionIndexes => {
  for (let i = 0; i < rooms.length; i++) if (readType(rooms[i]) === 'l') return LIVECHAT_INDEXES;
  return DEFAULT_INDEXES;
};

declare const collectionBrand: unique symbol;

/** An immutable indexed snapshot of rooms; build one with `createRoomCollection`. */
export interface IndexedCollection {
  readonly [collectionBrand]: true;
  readonly kind: 'indexed';
  /** The rooms in insertion order (a shallow copy of the input array; the rooms themselves are shared, never mutated). */
  readonly docs: ReadonlyArray<Room>;
  readonly size: number;
  /** The order postings are ranked by, or undefined (then ranks are insertion positions). */
  readonly primary: OrderedIndex | undefined;
  readonly orders: ReadonlyMap<string, OrderedIndex>;
  readonly keys: ReadonlyMap<string, KeyIndex>;
  readonly presence: ReadonlyMap<string, PresenceIndex>;
  /** Flag indexes by path (presence indexes holding the rooms with `true` there). */
  readonly flags: ReadonlyMap<string, PresenceIndex>;
  /** Substring indexes by path (collection/gram-index.ts). */
  readonly grams: ReadonlyMap<string, GramIndex>;
  /** The frozen copies of `docs` returned so far (default projection): a room is copied once per collection. */
  readonly copies: CopyMemo;
}

/** The index parts of a collection; `indexedCollection` adds the rest. */
export type IndexParts = Pick<IndexedCollection, 'docs' | 'size' | 'primary' | 'orders' | 'keys' | 'presence' | 'flags' | 'grams'>;

const collections = new WeakSet<object>();

/** A collection made here or by a derivation (never a look-alike object). */
export const isBranded = (x: unknown): boolean => typeof x === 'object' && x !== null && collections.has(x);

/** Marks `x` as a collection (derived collections are built in collection/derived/). @internal */
export const brandCollection = <C extends object>(x: C): C => {
  collections.add(x);
  return x;
};

/** An indexed collection over ready index parts (built here, or merged by collection/derived/merge-collection.ts). @internal */
export const indexedCollection = (parts: IndexParts): IndexedCollection =>
  brandCollection(Object.freeze({ kind: 'indexed' as const, ...parts, copies: new CopyMemo() }) as unknown as IndexedCollection);

/** Insertion position of the document at `rank`. */
export const positionAt = (c: IndexedCollection, rank: number): number =>
  c.primary === undefined ? rank : (c.primary.order[rank] as number);

/** Rank of the document at insertion `position`. */
export const rankAt = (c: IndexedCollection, position: number): number =>
  c.primary === undefined ? position : (c.primary.rankOf[position] as number);

/**
 * Builds an immutable indexed snapshot of `rooms` (the default indexes cover the endpoint's access paths).
 * @example
 * const rooms = createRoomCollection(generateRooms({ count: 100_000, seed: 1 }));
 * runQuery(compileQuery(scoped), rooms); // same page as over the array, through the indexes
 */
export const createRoomCollection = (rooms: ReadonlyArray<Room>, options: CollectionOptions = {}): IndexedCollection => {
  const spec = options.indexes ?? defaultIndexesFor(rooms);
  const docs = Object.freeze([...rooms]);
  const n = docs.length;
  // One pass over the rooms, in insertion order, feeds every index: each room is read once, and only
  // numbers are kept; the postings are then laid out in rank order from those (postings.ts).
  const orderPaths = [...new Set(spec.orders ?? [])];
  const orderBuilders = orderPaths.map((path) => orderedIndexBuilder(n, FieldPath.of(path)));
  const keyPaths = [...new Set(spec.keys ?? [])];
  const presencePaths = [...new Set(spec.presence ?? [])];
  const keyBuilders = keyPaths.map((path) => keyIndexBuilder(n, FieldPath.of(path)));
  const presenceBuilders = presencePaths.map((path) => presenceIndexBuilder(n, FieldPath.of(path)));
  const flagPaths = [...new Set(spec.flags ?? [])];
  const flagBuilders = flagPaths.map((path) => presenceIndexBuilder(n, FieldPath.of(path), 'true'));
  const gramPaths = [...new Set(spec.substrings ?? [])];
  const gramBuilders = gramPaths.map((path) => gramIndexBuilder(n, FieldPath.of(path)));
  const builders: ReadonlyArray<IndexBuilder<unknown>> = [...keyBuilders, ...presenceBuilders, ...flagBuilders, ...gramBuilders];
  for (let p = 0; p < n; p++) {
    const doc = docs[p] as Room;
    for (let b = 0; b < orderBuilders.length; b++) (orderBuilders[b] as OrderedIndexBuilder).add(p, doc);
    for (let b = 0; b < builders.length; b++) (builders[b] as IndexBuilder<unknown>).add(p, doc);
  }
  const orders = new Map<string, OrderedIndex>(orderPaths.map((path, i) => [path, (orderBuilders[i] as OrderedIndexBuilder).finish(docs)]));
  const primary = spec.orders?.[0] === undefined ? undefined : orders.get(spec.orders[0]);
  const order = primary?.order;
  const keys = new Map<string, KeyIndex>(keyPaths.map((path, i) => [path, (keyBuilders[i] as IndexBuilder<KeyIndex>).finish(order)]));
  const presence = new Map<string, PresenceIndex>(
    presencePaths.map((path, i) => [path, (presenceBuilders[i] as IndexBuilder<PresenceIndex>).finish(order)]),
  );
  const flags = new Map<string, PresenceIndex>(
    flagPaths.map((path, i) => [path, (flagBuilders[i] as IndexBuilder<PresenceIndex>).finish(order)]),
  );
  const grams = new Map<string, GramIndex>(gramPaths.map((path, i) => [path, (gramBuilders[i] as IndexBuilder<GramIndex>).finish(order)]));
  return indexedCollection({ docs, size: n, primary, orders, keys, presence, flags, grams });
};

/** Bytes held by the indexes' arrays (posting lists, bitmaps, orders; map entries estimated). */
export const indexedBytes = (c: IndexedCollection): number => {
  let bytes = 0;
  for (const o of c.orders.values()) bytes += orderedIndexBytes(o);
  for (const k of c.keys.values()) bytes += keyIndexBytes(k);
  for (const p of c.presence.values()) bytes += setBytes(p.present);
  for (const p of c.flags.values()) bytes += setBytes(p.present);
  for (const g of c.grams.values()) bytes += g.bytes;
  return bytes;
};
