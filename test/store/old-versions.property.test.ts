// Old snapshots never change: every version's rooms, taken along a random history, still deep-equal
// a copy made at the time, and are deep-frozen.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRoomStore, type StoreVersion } from '../../src/store/index.js';
import { oracleConfig } from '../support/oracle-config.js';
import { arbHistory } from './arb-patch.js';
import { expectDeepFrozen } from '../support/expect-deep-frozen.js';

describe('old versions', () => {
  it('stay deep-equal to a copy taken at the time, and deep-frozen', () =>
    fc.assert(
      fc.property(arbHistory(15, 15), ({ rooms, patches }) => {
        const created = createRoomStore(rooms);
        if (E.isLeft(created)) throw new Error(JSON.stringify(created.left));
        const store = created.right;
        const taken: Array<{ version: StoreVersion; copy: unknown; docs: unknown }> = [];
        const take = (): void => {
          const version = store.current();
          taken.push({ version, copy: structuredClone(version.rooms()), docs: structuredClone(store.snapshot().docs) });
        };
        take();
        for (const patch of patches) {
          store.apply(patch);
          take();
        }
        for (const { version, copy, docs } of taken) {
          expect(version.rooms()).toEqual(copy);
          expect(version.collection().docs).toEqual(docs);
          expectDeepFrozen(version.rooms());
        }
      }),
      oracleConfig(200),
    ));
});
