// Compaction by merge (merge-collection.ts) ≡ a rebuild: random base rooms (odd documents included:
// missing / non-Date / invalid ts, equal timestamps, arrays and repeated keys in indexed fields, odd and
// duplicate `_id`s) × random changes (adds, removes, modifications of base rooms and of added rooms, the
// same room changed several times) → compactView(view) equals createRoomCollection(view.docs(), spec)
// field by field, for several index specs, at the newest view, at an older one, and after a second
// round of changes over the merged collection (whose indexes were themselves merged).
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery } from '../../src/index.js';
import { compactView, mergeView } from '../../src/collection/derived/merge-collection.js';
import { OverlayLog, OverlayView } from '../../src/collection/derived/overlay.js';
import type { RoomChange } from '../../src/model/room-change.js';
import { isRoomCollection } from '../../src/collection/collection.js';
import {
  createRoomCollection,
  DEFAULT_INDEXES,
  type CollectionIndexes,
  type IndexedCollection,
} from '../../src/collection/room-collection.js';
import type { Room } from '../../src/model/room.js';
import { keyIndexParts, type KeyIndex } from '../../src/collection/postings.js';
import { arbInstant, arbOddRoom, arbRoom } from '../arbitraries/index.js';
import { INSTANTS, TAGS } from '../arbitraries/pools.js';
import { oracleConfig } from '../support/oracle-config.js';

const SPECS: ReadonlyArray<CollectionIndexes> = [
  DEFAULT_INDEXES,
  // Orders over arrays and mostly-missing values; a presence index over an array field; `_id` as a key.
  { keys: ['tags', 'queue', '_id', 'servedBy._id', 'tags'], presence: ['closedAt', 'tags'], orders: ['closedAt', 'tags', 'ts', 'name'] },
  // No order: ranks are positions.
  { keys: ['tags', 'servedBy.username', 'v._id'], presence: ['open'] },
  {},
];

const REMOVE = Symbol('remove');
const FIELDS = ['ts', 'closedAt', 'tags', 'queue', 'servedBy', 'open', '_id', 'name'] as const;
/** Values that stress the indexes: non-Dates, invalid Dates, arrays (repeated keys too), odd `_id`s. */
const arbQuirk = fc.tuple(
  fc.constantFrom(...FIELDS),
  fc.oneof(
    fc.constant<unknown>(REMOVE),
    arbInstant,
    fc.constant(null).map(() => new Date(Number.NaN)),
    fc.constantFrom<unknown>('x', 'vip', 5, -0, Number.NaN, null, true, { a: 1 }, 'r01', 7, ['r01']),
    fc.constantFrom<unknown>(['vip', 'vip', 'billing', 'vip'], ['q1', 'q1'], ['vip', 3, null, ['nested']], [], ['a.b']),
    fc.constant(null).map(() => [new Date(INSTANTS[0]), new Date(INSTANTS[1])]),
    fc.constant(null).map(() => ({ _id: ['agent-1', 'agent-1', 'agent-2'], username: 'alice' })),
  ),
);

const arbDoc: fc.Arbitrary<Room> = fc.oneof(
  { arbitrary: arbRoom, weight: 3 },
  { arbitrary: arbOddRoom, weight: 2 },
  {
    arbitrary: fc.tuple(arbRoom, fc.array(arbQuirk, { minLength: 1, maxLength: 3 })).map(([room, quirks]) => {
      const out: Record<string, unknown> = { ...room };
      for (const [field, value] of quirks) {
        if (value === REMOVE) delete out[field];
        else out[field] = value;
      }
      return out;
    }),
    weight: 2,
  },
);

/** Mostly distinct `_id`s (suffixed), one in three left as drawn from the pool so some repeat. */
const arbBase = fc
  .oneof(
    { arbitrary: fc.array(arbDoc, { maxLength: 30 }), weight: 3 },
    { arbitrary: fc.array(arbDoc, { minLength: 60, maxLength: 150 }), weight: 1 },
  )
  .map((docs) => docs.map((doc, i) => (i % 3 !== 0 && typeof doc['_id'] === 'string' ? { ...doc, _id: `${doc['_id']}-${i}` } : doc)));

type Op = { kind: 'add' | 'remove' | 'modify'; pick: number; doc: Room; keepId: boolean };
const arbOp: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('add', 'remove', 'modify', 'modify', 'modify'),
  pick: fc.nat(),
  doc: arbDoc,
  keepId: fc.boolean(),
});

interface Live {
  readonly id: string;
  room: Room;
}

/** Store-like changes: the same room (by change id) may change several times, added rooms included. */
const changesOf = (live: Live[], ops: ReadonlyArray<Op>, tag: string): RoomChange[] => {
  const changes: RoomChange[] = [];
  ops.forEach((op, k) => {
    if (op.kind === 'add' || live.length === 0) {
      const id = `${tag}${k}`;
      const room = { ...op.doc, _id: id };
      live.push({ id, room });
      changes.push({ id, before: undefined, after: room });
      return;
    }
    const j = op.pick % live.length;
    const target = live[j] as Live;
    if (op.kind === 'remove') {
      live.splice(j, 1);
      changes.push({ id: target.id, before: target.room, after: undefined });
      return;
    }
    const after = op.keepId ? { ...op.doc, _id: target.room['_id'] } : op.doc;
    changes.push({ id: target.id, before: target.room, after });
    target.room = after;
  });
  return changes;
};

const liveOf = (c: IndexedCollection): Live[] =>
  c.docs.map((room, i) => ({ id: typeof room['_id'] === 'string' ? room['_id'] : `odd-${i}`, room }));

const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const QUERIES: ReadonlyArray<CompiledQuery> = [
  {},
  { sort: '{"queue":1,"ts":-1}' },
  { open: 'true', sort: '{"ts":1}', count: '5' },
  { tags: ['vip'], sort: '{"closedAt":-1}' },
  { agents: ['agent-1'], count: '3', offset: '1' },
  { queue: 'q1', createdAt: `{"start":"${INSTANTS[1]}"}` },
].map((params) => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, admin))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
});

const seen = {
  merges: 0,
  tombstones: 0,
  delta: 0,
  bitmaps: 0,
  lists: 0,
  orderArrays: 0,
  keyArrays: 0,
  invalidDates: 0,
  keysGone: 0,
  keysNew: 0,
  layered: 0,
};

/**
 * Bytes a merged key index holds beyond a rebuilt one: ids of keys whose rooms all left (an offset
 * each, and the key in its map) while the merge keeps the maps' layers instead of copying them.
 */
const layoutOverhead = (k: KeyIndex): number => {
  const { ids, offsets } = keyIndexParts(k)!;
  let bytes = 0;
  for (const layer of ids) {
    for (const [key, id] of layer) if (offsets[id] === offsets[id + 1]) bytes += 4 + 2 * key.length + 40;
  }
  if (ids.length > 1 || bytes > 0) seen.layered++;
  return bytes;
};

/** Everything a collection's indexes answer, as plain data (one deep comparison is much cheaper than many). */
const contentsOf = (c: IndexedCollection): unknown => ({
  size: c.size,
  primary: c.primary?.path.dotted,
  orders: [...c.orders].map(([path, o]) => {
    const { read: _read, ...fields } = o;
    return [path, fields];
  }),
  keys: [...c.keys].map(([path, k]) => [
    path,
    {
      keyCount: k.keyCount,
      entries: k.entries,
      hasArrays: k.hasArrays,
      bytes: k.bytes - layoutOverhead(k),
      path: k.path,
      sortedKeys: k.sortedKeys(),
      postings: [...k.sortedKeys(), ...TAGS, 'no-such-key'].map((key) => k.posting(key)),
    },
  ]),
  presence: [...c.presence],
});

const count = (c: IndexedCollection): void => {
  for (const o of c.orders.values()) {
    if (o.hasArrays) seen.orderArrays++;
    if (o.validDateStart > 0) seen.invalidDates++;
  }
  for (const k of c.keys.values()) {
    if (k.hasArrays) seen.keyArrays++;
    for (const key of k.sortedKeys()) {
      const kind = k.posting(key).kind;
      if (kind === 'bitmap') seen.bitmaps++;
      else if (kind === 'list') seen.lists++;
    }
  }
};

const expectSameCollection = (actual: IndexedCollection, expected: IndexedCollection, queries: boolean): void => {
  expect(isRoomCollection(actual)).toBe(true);
  expect(Object.isFrozen(actual) && Object.isFrozen(actual.docs)).toBe(true);
  expect(actual.kind).toBe('indexed');
  expect(actual.docs.length).toBe(expected.docs.length);
  expect(actual.docs.every((doc, i) => doc === expected.docs[i])).toBe(true);
  if (actual.primary !== undefined) expect(actual.primary).toBe(actual.orders.get(actual.primary.path.dotted));
  expect(contentsOf(actual)).toEqual(contentsOf(expected));
  count(expected);
  if (queries) for (const compiled of QUERIES) expect(runQuery(compiled, actual)).toEqual(runQuery(compiled, expected));
};

/** Merges `view` under `spec` (the base's), checks it against a rebuild, and returns it. */
const checkView = (view: OverlayView, spec: CollectionIndexes, queries: boolean): IndexedCollection => {
  const merged = mergeView(view, spec);
  expect(merged).toBeDefined();
  seen.merges++;
  seen.tombstones += view.tombstones().positions.length;
  seen.delta += view.delta().docs.length;
  expectSameCollection(merged!, createRoomCollection(view.docs(), { indexes: spec }), queries);
  for (const [path, k] of merged!.keys) {
    const before = new Set(view.base.keys.get(path)!.sortedKeys());
    const after = new Set(k.sortedKeys());
    if ([...before].some((key) => !after.has(key))) seen.keysGone++;
    if ([...after].some((key) => !before.has(key))) seen.keysNew++;
  }
  return merged!;
};

const config = oracleConfig(300);

describe('compactView (merge) ≡ createRoomCollection(view.docs())', () => {
  it('for every index spec, at the newest and an older view, and merged twice', () => {
    fc.assert(
      fc.property(arbBase, fc.array(arbOp, { maxLength: 30 }), fc.array(arbOp, { maxLength: 20 }), fc.nat(), (docs, ops1, ops2, cut) => {
        for (const spec of SPECS) {
          const base = createRoomCollection(docs, { indexes: spec });
          const log = new OverlayLog(base);
          const live = liveOf(base);
          for (const change of changesOf(live, ops1, 'n')) log.append(change);
          checkView(new OverlayView(log, cut % (log.length + 1)), spec, false);
          const merged = checkView(new OverlayView(log, log.length), spec, false);
          // A second round over the merged collection: its indexes carry what the next merge needs.
          const next = new OverlayLog(merged);
          for (const change of changesOf(liveOf(merged), ops2, 'm')) next.append(change);
          const view = new OverlayView(next, next.length);
          const twice = checkView(view, spec, true);
          // Without a spec: the base's own indexes.
          expect(contentsOf(mergeView(view)!)).toEqual(contentsOf(twice));
        }
        // Other indexes than the base's: no merge, a rebuild with the requested ones.
        const base = createRoomCollection(docs);
        const log = new OverlayLog(base);
        for (const change of changesOf(liveOf(base), ops1, 'n')) log.append(change);
        const view = new OverlayView(log, log.length);
        const other = SPECS[1] as CollectionIndexes;
        expect(mergeView(view, other)).toBeUndefined();
        expectSameCollection(compactView(view, other), createRoomCollection(view.docs(), { indexes: other }), false);
      }),
      config,
    );
    // Coverage: the paths the property must have exercised (per run: 12 merges, ~20 tombstones and delta rooms).
    expect(seen.merges).toBe(12 * config.numRuns);
    expect(seen.tombstones).toBeGreaterThan(10 * config.numRuns);
    expect(seen.delta).toBeGreaterThan(10 * config.numRuns);
    for (const [name, count] of Object.entries(seen)) expect(count, name).toBeGreaterThan(config.numRuns / 3);
  });
});
