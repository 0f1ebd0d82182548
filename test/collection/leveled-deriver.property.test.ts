// Issue 17 ("no stall"): the leveled deriver (merges in slices, leveled-deriver.ts) answers like a collection
// built from scratch. Random rooms × random store patches × random slice sizes, merge thresholds and pending
// limits: after each patch the store's snapshot answers (ids, order, total) = createRoomCollection over the
// same rooms; once the merges are driven to the end, the base holds the very indexes a build gives.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery } from '../../src/index.js';
import type { RoomCollection } from '../../src/collection/collection.js';
import { createRoomCollection, type IndexedCollection } from '../../src/collection/room-collection.js';
import { createLeveledDeriver, createRoomStore, overlaySize, type StoreVersion } from '../../src/store/index.js';
import { arbValidCase, type OracleCase } from '../oracle/oracle-inputs.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbPatch, arbStoreRooms } from '../store/arb-patch.js';
import { overlayOf } from '../support/overlay-of.js';

const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
const FIXED: ReadonlyArray<CompiledQuery> = [
  {},
  { sort: '{"queue":1,"ts":-1}' },
  { open: 'true', sort: '{"ts":1}', count: '5' },
  { offset: '3', count: '4' },
  { roomName: 'a' },
].map((params) => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, admin))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
});

const compiledOf = (c: OracleCase): CompiledQuery | undefined => {
  const parsed = parseRoomsParams(c.params, c.options);
  if (E.isLeft(parsed)) return undefined;
  const scoped = scopeQuery(parsed.right, c.principal, c.options.permissions);
  return E.isLeft(scoped) ? undefined : compileQuery(scoped.right);
};

const arbHistory = fc
  .integer({ min: 3, max: 40 })
  .chain((n) => arbStoreRooms(n).filter((rooms) => rooms.length >= Math.min(3, n)))
  .chain((rooms) =>
    fc.array(arbPatch(rooms.map((r) => r['_id'] as string)), { minLength: 4, maxLength: 24 }).map((patches) => ({ rooms, patches })),
  );

const MERGE_AT: ReadonlyArray<(n: number) => number> = [() => 0, () => 1, () => 3, () => 8];
const SLICE: ReadonlyArray<number> = [1, 7, 60, 400, Number.POSITIVE_INFINITY];
const PENDING: ReadonlyArray<number> = [1, 3, 64];

/** Everything the indexes answer, as plain data (grams: each gram's posting). */
const contentsOf = (c: IndexedCollection): unknown => ({
  size: c.size,
  primary: c.primary?.path.dotted,
  orders: [...c.orders].map(([path, o]) => [
    path,
    [...o.order],
    [...o.rankOf],
    [...o.groupStart],
    o.validDateStart,
    [...o.times],
    o.hasArrays,
  ]),
  keys: [...c.keys].map(([path, k]) => [path, k.keyCount, k.entries, k.hasArrays, k.sortedKeys().map((key) => [key, k.posting(key)])]),
  presence: [...c.presence],
  grams: [...c.grams.keys()],
});

const seen = { merged: 0, midMerge: 0, slices: 0, fullyMerged: 0 };

describe('leveled deriver (merges in slices) ≡ createRoomCollection over the same rooms', () => {
  it('after every patch, with any slice size; fully merged, the same indexes', () => {
    fc.assert(
      fc.property(
        arbHistory,
        fc.array(arbValidCase, { minLength: 1, maxLength: 3 }),
        fc.nat({ max: MERGE_AT.length - 1 }),
        fc.nat({ max: SLICE.length - 1 }),
        fc.nat({ max: PENDING.length - 1 }),
        fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }),
        ({ rooms, patches }, cases, a, s, p, queryNow) => {
          const deriver = createLeveledDeriver({ mergeAt: MERGE_AT[a]!, maxSliceWork: SLICE[s]!, minWorkPerChange: 1 });
          const created = createRoomStore(rooms, { deriveCollection: deriver, maxPendingChanges: PENDING[p]! });
          if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
          const store = created.right;
          const queries = [...FIXED, ...cases.map(compiledOf).filter((q): q is CompiledQuery => q !== undefined)];
          const check = (version: StoreVersion): void => {
            const snapshot = version.collection();
            const built = createRoomCollection(version.rooms());
            expect(snapshot.size).toBe(version.size);
            for (const compiled of queries) expect(runQuery(compiled, snapshot)).toEqual(runQuery(compiled, built));
          };
          check(store.current());
          patches.forEach((patch, i) => {
            const before = store.version;
            if (E.isLeft(store.apply(patch)) || store.version === before) return;
            if (queryNow[i] === true) {
              check(store.current());
              if (deriver.stats.mergesStarted > deriver.stats.compactions) seen.midMerge++;
            }
          });
          check(store.current());
          seen.merged += deriver.stats.compactions;
          seen.slices += deriver.stats.slices;
          // Drive every merge to its end (empty derivations, each a slice), then merge what is left.
          const drainer = createLeveledDeriver({ mergeAt: () => 0, maxSliceWork: SLICE[s]!, minWorkPerChange: 1 });
          let c: RoomCollection = store.snapshot();
          for (let k = 0; k < 100_000 && overlaySize(c).changes > 0; k++) c = drainer(c, []);
          expect(overlaySize(c).changes).toBe(0);
          const base = overlayOf(c)?.base ?? (c as IndexedCollection);
          expect(new Set(base.docs)).toEqual(new Set(store.current().rooms()));
          expect(contentsOf(base)).toEqual(contentsOf(createRoomCollection(base.docs)));
          for (const compiled of queries) expect(runQuery(compiled, c)).toEqual(runQuery(compiled, store.current().rooms()));
          seen.fullyMerged++;
        },
      ),
      oracleConfig(200),
    );
    expect(seen.merged).toBeGreaterThan(40);
    expect(seen.midMerge).toBeGreaterThan(50);
    expect(seen.slices).toBeGreaterThan(seen.merged);
  });
});
