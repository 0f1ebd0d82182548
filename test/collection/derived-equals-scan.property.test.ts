// Issue #8's store property for indexes: random initial rooms × random sequences of store patches
// (valid and invalid) × random scoped queries. After every step, runQuery over the store's snapshot
// (a derived collection: base indexes + overlay) equals runQuery over the snapshot's plain rooms — the
// version's array and the collection's own docs — for the planner's choice and every alternative plan.
// Compaction thresholds are drawn small so overlays, compactions and overlays over compacted bases all
// occur; old versions queried out of order exercise forks of the overlay log.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, type CompiledQuery } from '../../src/index.js';
import { runQueryWithStats } from '../../src/exec/run-query.js';
import { planQuery } from '../../src/plan/plan.js';
import { createDeriver, createRoomStore, type StoreVersion } from '../../src/store/index.js';
import { arbValidCase, type OracleCase } from '../oracle/oracle-inputs.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbPatch, arbStoreRooms } from '../store/arb-patch.js';
import { overlayOf } from '../support/overlay-of.js';

const admin = { _id: 'admin-1', username: 'admin', roles: ['admin'] };
/** Broad queries (most rooms match, so changed rooms reach the page), besides the random cases. */
const FIXED: ReadonlyArray<CompiledQuery> = [
  {},
  { sort: '{"queue":1,"ts":-1}' },
  { open: 'true', sort: '{"ts":1}', count: '5' },
  { offset: '3', count: '4' },
].map((params) => {
  const q = E.chain((p: Parameters<typeof scopeQuery>[0]) => scopeQuery(p, admin))(parseRoomsParams(params));
  if (E.isLeft(q)) throw new Error(JSON.stringify(q.left));
  return compileQuery(q.right);
});

const arbHistory = fc
  .integer({ min: 3, max: 40 })
  .chain((n) => arbStoreRooms(n).filter((rooms) => rooms.length >= Math.min(3, n)))
  .chain((rooms) =>
    fc.array(arbPatch(rooms.map((r) => r['_id'] as string)), { minLength: 4, maxLength: 20 }).map((patches) => ({ rooms, patches })),
  );

const compiledOf = (c: OracleCase): CompiledQuery | undefined => {
  const parsed = parseRoomsParams(c.params, c.options);
  if (E.isLeft(parsed)) return undefined;
  const scoped = scopeQuery(parsed.right, c.principal, c.options.permissions);
  return E.isLeft(scoped) ? undefined : compileQuery(scoped.right);
};

const COMPACT_AT: ReadonlyArray<((n: number) => number) | undefined> = [() => 1, () => 3, () => 8, undefined];
const MAX_LOG: ReadonlyArray<number | undefined> = [1, 3, undefined];

const expectSame = (compiled: CompiledQuery, version: StoreVersion): void => {
  const snapshot = version.collection();
  const expected = runQuery(compiled, version.rooms());
  const view = overlayOf(snapshot);
  if (view !== undefined) {
    seen.overlayChecks++;
    if (view.tombstones().positions.length > 0) seen.tombstoned++;
    if (view.delta().docs.some((r) => expected.rooms.some((x) => x['_id'] === r['_id']))) seen.deltaMatches++;
  }
  expect(runQuery(compiled, snapshot)).toEqual(expected);
  expect(runQuery(compiled, snapshot.docs)).toEqual(expected);
  expect(snapshot.size).toBe(version.size);
  for (const plan of planQuery(compiled, snapshot).alternatives) {
    expect(runQueryWithStats(compiled, snapshot, { plan }).page).toEqual(expected);
  }
};

/** Coverage: the paths the property must have exercised (checked after the runs). */
const seen = { overlayChecks: 0, deltaMatches: 0, tombstoned: 0, compactions: 0, forks: 0, squashes: 0 };

describe('store snapshots (derived collections) ≡ scan of the snapshot', () => {
  it('after every patch, for every plan, including old versions queried later', () => {
    fc.assert(
      fc.property(
        arbHistory,
        fc.array(arbValidCase, { minLength: 1, maxLength: 3 }),
        fc.nat({ max: COMPACT_AT.length - 1 }),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        fc.nat({ max: MAX_LOG.length - 1 }),
        ({ rooms, patches }, cases, k, queryNow, m) => {
          const compactAt = COMPACT_AT[k];
          const maxLogLength = MAX_LOG[m];
          const deriver = createDeriver({
            ...(compactAt === undefined ? {} : { compactAt }),
            ...(maxLogLength === undefined ? {} : { maxLogLength }),
          });
          const created = createRoomStore(rooms, { deriveCollection: deriver });
          if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
          const store = created.right;
          const queries = [...FIXED, ...cases.map(compiledOf).filter((q): q is CompiledQuery => q !== undefined)];
          const check = (version: StoreVersion): void => {
            for (const compiled of queries) expectSame(compiled, version);
          };
          check(store.current());
          const skipped: StoreVersion[] = [];
          patches.forEach((patch, i) => {
            const before = store.version;
            const result = store.apply(patch);
            if (E.isLeft(result) || store.version === before) return;
            if (queryNow[i] === true) check(store.current());
            else skipped.push(store.current());
          });
          // Versions nobody queried, newest first: older ones derive from a log a newer one extended (a fork).
          for (const version of skipped.reverse()) check(version);
          check(store.current());
          seen.compactions += deriver.stats.compactions;
          seen.forks += deriver.stats.forks;
          seen.squashes += deriver.stats.squashes;
        },
      ),
      oracleConfig(250),
    );
    expect(seen.overlayChecks).toBeGreaterThan(1000);
    expect(seen.tombstoned).toBeGreaterThan(1000);
    expect(seen.deltaMatches).toBeGreaterThan(500);
    expect(seen.compactions).toBeGreaterThan(100);
    expect(seen.forks).toBeGreaterThan(20);
    expect(seen.squashes).toBeGreaterThan(20);
  });
});
