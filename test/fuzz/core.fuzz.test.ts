// The core never throws, never pollutes prototypes, and always answers a well-formed Either.
import * as E from 'fp-ts/lib/Either.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileQuery,
  createRoomCollection,
  parseRoomsParams,
  parseRoomsQueryString,
  queryRooms,
  runQueryWithStats,
  scopeQuery,
  type Mode,
} from '../../src/index.js';
import { admin, sampleRooms } from '../support/fixture-rooms.js';
import { FUZZ_RUNS, fuzzParams } from './fuzz-config.js';
import { hostileParams, hostileQueryString } from './hostile-input.js';

const protoSnapshot = () => Object.getOwnPropertyNames(Object.prototype).join(',');
const mode = fc.constantFrom<Mode>('default', 'rocketchat');

const wellFormed = (r: E.Either<{ status: number; body: unknown }, { rooms: ReadonlyArray<unknown>; total: number }>): boolean =>
  E.isLeft(r) ? [400, 403].includes(r.left.status) && typeof r.left.body === 'object' : r.right.rooms.length <= r.right.total;

describe('core fuzzing', () => {
  const before = protoSnapshot();

  it('parseRoomsParams never throws on arbitrary parameter objects', () =>
    fc.assert(
      fc.property(hostileParams, mode, (params, m) => {
        const r = parseRoomsParams(params, { mode: m });
        expect(E.isLeft(r) || E.isRight(r)).toBe(true);
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      }),
      fuzzParams(FUZZ_RUNS),
    ));

  it('queryRooms answers arbitrary query strings with a well-formed result', () =>
    fc.assert(
      fc.property(hostileQueryString, mode, (search, m) => {
        expect(wellFormed(queryRooms(sampleRooms, search, admin, { mode: m }))).toBe(true);
        expect(E.isLeft(parseRoomsQueryString(search)) || true).toBe(true);
      }),
      fuzzParams(FUZZ_RUNS),
    ));

  it('queryRooms answers arbitrary parameter objects with a well-formed result', () =>
    fc.assert(
      fc.property(hostileParams, mode, (params, m) => {
        expect(wellFormed(queryRooms(sampleRooms, params, admin, { mode: m }))).toBe(true);
      }),
      fuzzParams(FUZZ_RUNS),
    ));

  it('roomName always matches literally (regex metacharacters included)', () =>
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'aB.*+?^${}()|[]\\-/ é'.split('')), minLength: 1, maxLength: 8 }),
        fc.string({ maxLength: 4 }),
        fc.string({ maxLength: 4 }),
        (needle, pre, post) => {
          const name = `${pre}${needle}${post}`;
          const rooms = [
            { _id: 'x', t: 'v', name, ts: new Date(0) },
            { _id: 'y', t: 'v', name: 'zzz', ts: new Date(0) },
          ];
          const r = queryRooms(rooms, { roomName: needle }, admin);
          expect(E.isRight(r) && r.right.rooms.some((room) => room['_id'] === 'x')).toBe(true);
          expect(E.isRight(r) && r.right.rooms.some((room) => room['_id'] === 'y')).toBe('zzz'.includes(needle.toLowerCase()));
        },
      ),
      fuzzParams(FUZZ_RUNS),
    ));

  it('no request costs more than O(n): at most one predicate per room, scanned or indexed', () => {
    const indexed = createRoomCollection(sampleRooms);
    fc.assert(
      fc.property(hostileParams, mode, (params, m) => {
        const parsed = parseRoomsParams(params, { mode: m });
        if (E.isLeft(parsed)) return;
        const scoped = scopeQuery(parsed.right, admin);
        if (E.isLeft(scoped)) return;
        const compiled = compileQuery(scoped.right);
        for (const source of [sampleRooms, indexed]) {
          const { stats } = runQueryWithStats(compiled, source);
          expect(stats.docsExamined).toBeLessThanOrEqual(sampleRooms.length);
        }
      }),
      fuzzParams(FUZZ_RUNS),
    );
  });

  it('leaves Object.prototype unchanged', () => {
    expect(protoSnapshot()).toBe(before);
  });
});
