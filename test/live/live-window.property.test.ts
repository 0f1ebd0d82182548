// The held window under stress: small pages (count 1–4) at offsets 0–6 with buffers of 0–3 rooms, so
// the buffer runs dry, matches enter and leave before the window, and pages empty out. After every
// patch (valid or refused), a copy rebuilt only from the emitted patches equals a fresh runQuery on
// the store's snapshot, the view never holds more than count + buffer matches, and re-reads stay rare
// relative to changes (each one is O(window + log n) through the indexes).
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, toJsonValue, type ScopedQuery } from '../../src/index.js';
import { createLiveView, type LivePage } from '../../src/live/index.js';
import { createRoomStore } from '../../src/store/index.js';
import { arbValidCase, type OracleCase } from '../oracle/oracle-inputs.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbHistory } from '../store/arb-patch.js';

const scopedOf = (c: OracleCase, count: number, offset: number): ScopedQuery | undefined => {
  const parsed = parseRoomsParams({ ...c.params, count: String(count), offset: String(offset) }, c.options);
  if (E.isLeft(parsed)) return undefined;
  const scoped = scopeQuery(parsed.right, c.principal, c.options.permissions);
  return E.isLeft(scoped) ? undefined : scoped.right;
};

/** Broad queries (an admin, few filters): many matches, so windows at an offset see rooms enter and leave before them. */
const arbBroadCase: fc.Arbitrary<OracleCase> = fc
  .record(
    {
      sort: fc.constantFrom(undefined, '{"ts":1}', '{"ts":-1}', '{"closedAt":1}', '{"name":-1}'),
      open: fc.constantFrom(undefined, 'true', 'false'),
    },
    { noNullPrototype: true },
  )
  .map(
    ({ sort, open }) =>
      ({
        mode: 'default',
        rooms: [],
        principal: { _id: 'admin-1', username: 'staff', roles: ['admin'] },
        params: { ...(sort === undefined ? {} : { sort }), ...(open === undefined ? {} : { open }) },
        options: { mode: 'default' },
        omitOptions: false,
      }) as OracleCase,
  );

const arbQuery = fc.record(
  {
    c: fc.oneof({ arbitrary: arbValidCase, weight: 1 }, { arbitrary: arbBroadCase, weight: 2 }),
    count: fc.integer({ min: 1, max: 4 }),
    offset: fc.integer({ min: 0, max: 6 }),
    buffer: fc.integer({ min: 0, max: 3 }),
  },
  { noNullPrototype: true },
);

describe('live window (page + bounded buffer) ≡ re-running the query', () => {
  it('copies rebuilt from patches follow runQuery(snapshot) after every step; held ≤ count + buffers', () =>
    fc.assert(
      fc.property(arbHistory(30, 25), fc.array(arbQuery, { minLength: 1, maxLength: 4 }), ({ rooms, patches }, queries) => {
        const created = createRoomStore(rooms);
        if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
        const store = created.right;
        const views = queries.flatMap(({ c, count, offset, buffer }) => {
          const scoped = scopedOf(c, count, offset);
          if (scoped === undefined) return [];
          const compiled = compileQuery(scoped);
          const view = createLiveView(store, compiled, { buffer });
          const client = { copy: view.page() as LivePage };
          view.listen((event) => {
            if (event.kind !== 'patch') throw new Error('a view emits patches only');
            expect(event.version).toBe(store.version);
            client.copy = jsonpatch.applyPatch(client.copy, jsonpatch.deepClone(event.patch), true, false).newDocument;
          });
          return [{ compiled, view, client, limit: Math.min(offset, buffer) + count + buffer }];
        });
        const check = (): void => {
          for (const { compiled, view, client, limit } of views) {
            const { rooms: page, count, offset, total } = runQuery(compiled, store.snapshot());
            expect(client.copy).toEqual(toJsonValue({ rooms: page, count, offset, total }));
            expect(view.version).toBe(store.version);
            expect(view.stats.entriesHeld).toBeLessThanOrEqual(limit);
          }
        };
        check();
        for (const patch of patches) {
          store.apply(patch);
          check();
        }
        for (const { view } of views) view.close();
      }),
      oracleConfig(300),
    ));
});
