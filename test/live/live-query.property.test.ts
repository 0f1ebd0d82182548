// The property: random rooms × random patch sequences (valid and invalid, interleaved) ×
// random scoped queries. After every step, a client copy maintained only from the emitted patches
// deep-equals runQuery on the store's snapshot (and the reference); a refused patch changes nothing.
import * as E from 'fp-ts/lib/Either.js';
import jsonpatch from 'fast-json-patch';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileQuery, parseRoomsParams, runQuery, scopeQuery, toJsonValue, type ScopedQuery } from '../../src/index.js';
import { liveQuery, type LivePage } from '../../src/live/index.js';
import { createRoomStore } from '../../src/store/index.js';
import { arbValidCase, type OracleCase } from '../oracle/oracle-inputs.js';
import { referenceQueryRooms } from '../reference/reference-query-rooms.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbHistory } from '../store/arb-patch.js';

const scopedOf = (c: OracleCase): ScopedQuery | undefined => {
  const parsed = parseRoomsParams(c.params, c.options);
  if (E.isLeft(parsed)) return undefined;
  const scoped = scopeQuery(parsed.right, c.principal, c.options.permissions);
  return E.isLeft(scoped) ? undefined : scoped.right;
};

describe('live queries ≡ re-running the query', () => {
  it('client copies follow runQuery(snapshot) and the reference; refused patches change nothing', () =>
    fc.assert(
      fc.property(arbHistory(), fc.array(arbValidCase, { minLength: 1, maxLength: 3 }), ({ rooms, patches }, cases) => {
        const created = createRoomStore(rooms);
        if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
        const store = created.right;
        const lives = cases.flatMap((c) => {
          const scoped = scopedOf(c);
          if (scoped === undefined) return [];
          const client: { copy?: LivePage; events: number } = { events: 0 };
          const live = liveQuery(store, scoped, (event) => {
            client.events++;
            if (event.kind === 'page') client.copy = event.page;
            else client.copy = jsonpatch.applyPatch(client.copy, jsonpatch.deepClone(event.patch), true, true).newDocument;
          });
          return [{ c, compiled: compileQuery(scoped), live, client }];
        });
        const check = (): void => {
          for (const { c, compiled, live, client } of lives) {
            const { rooms: page, count, offset, total } = runQuery(compiled, store.snapshot());
            const expected = toJsonValue({ rooms: page, count, offset, total });
            expect(client.copy).toEqual(expected);
            expect(live.page()).toEqual(expected);
            expect(live.version).toBe(store.version);
            if (c.mode === 'default') {
              const ref = referenceQueryRooms(store.current().rooms(), c.params, c.principal, c.options);
              expect(ref.ok).toBe(true);
              if (ref.ok) expect(client.copy).toEqual(toJsonValue(ref.page));
            }
          }
        };
        check();
        for (const patch of patches) {
          const version = store.version;
          const snapshot = store.snapshot();
          const events = lives.map((l) => l.client.events);
          const pages = lives.map((l) => l.live.page());
          const result = store.apply(patch);
          if (E.isLeft(result)) {
            expect(store.version).toBe(version);
            expect(store.snapshot()).toBe(snapshot);
            expect(lives.map((l) => l.client.events)).toEqual(events);
            expect(lives.map((l) => l.live.page())).toEqual(pages);
          } else {
            expect(store.version).toBe(result.right.changed.length === 0 ? version : version + 1);
          }
          check();
        }
        for (const { live } of lives) live.close();
      }),
      oracleConfig(300),
    ));
});
