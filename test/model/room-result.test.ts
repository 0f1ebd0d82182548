// queryRooms types its rooms from the request: VoipRoom, a Pick for fieldsParam, Partial for other projections.
// The type assertions are checked by tsc (npm run typecheck); the runtime ones check the projection matches.
import * as E from 'fp-ts/lib/Either.js';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { generateRooms, generateUsers } from '../../src/fixtures/index.js';
import { fieldsParam, queryRooms, type VoipRoom } from '../../src/index.js';

const rooms = generateRooms({ count: 50, seed: 3 });
const [admin] = generateUsers({ seed: 3 });

const roomsOf = <R>(page: E.Either<unknown, { rooms: ReadonlyArray<R> }>): ReadonlyArray<R> => (E.isRight(page) ? page.right.rooms : []);

describe('typed results', () => {
  it('are VoipRoom without a projection', () => {
    const got = roomsOf(queryRooms(rooms, 'open=true&count=3', admin!));
    expectTypeOf(got).toEqualTypeOf<ReadonlyArray<VoipRoom>>();
    const computed = roomsOf(queryRooms(rooms, `count=${3}`, admin!));
    expectTypeOf(computed).toEqualTypeOf<ReadonlyArray<VoipRoom>>();
    expect(got.every((r) => r.t === 'v' && typeof r.name === 'string' && r.ts instanceof Date)).toBe(true);
  });

  it('are a Pick with fieldsParam, and the rooms hold exactly those fields', () => {
    const got = roomsOf(queryRooms(rooms, { fields: fieldsParam(['name', 'queue']), count: '3' }, admin!));
    expectTypeOf(got).toEqualTypeOf<ReadonlyArray<Pick<VoipRoom, '_id' | 'name' | 'queue'>>>();
    expect(got.length).toBe(3);
    for (const r of got) expect(Object.keys(r).sort()).toEqual(['_id', 'name', 'queue']);
  });

  it('are Partial for a projection the type cannot read', () => {
    expectTypeOf(roomsOf(queryRooms(rooms, 'fields={"name":1}', admin!))).toEqualTypeOf<ReadonlyArray<Partial<VoipRoom>>>();
    expectTypeOf(roomsOf(queryRooms(rooms, { fields: '{"name":1}' }, admin!))).toEqualTypeOf<ReadonlyArray<Partial<VoipRoom>>>();
  });
});
