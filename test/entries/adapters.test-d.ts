// `room-query/load`, `/fixtures`, `/store`, `/live`, `/mongo`, `/testing`: each entry's main signatures.
import type * as E from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import { generateRooms, generateUsers, type DemoUser } from '../../src/fixtures/index.js';
import type { ApiError, QueryOptions, Room, RoomChange, RoomCollection, RoomsPage, ScopedQuery } from '../../src/index.js';
import { liveQuery, liveRooms, type LiveQuery, type LiveRoomsOptions } from '../../src/live/index.js';
import { loadRooms, loadUsers, type LoadError, type LoadedUser } from '../../src/load/index.js';
import { queryRoomsMongo, toMongoQuery, type MongoQuery, type QueryRoomsMongoOptions } from '../../src/mongo/index.js';
import { createRoomStore, type PatchError, type RoomStore, type StoreChange } from '../../src/store/index.js';
import { startFixtureServer, type FixtureServer, type FixtureServerOptions } from '../../src/testing/index.js';

describe('adapter entries', () => {
  it('room-query/fixtures', () => {
    expectTypeOf(generateRooms).returns.toEqualTypeOf<ReadonlyArray<Room>>();
    expectTypeOf(generateUsers).returns.toEqualTypeOf<ReadonlyArray<DemoUser>>();
  });
  it('room-query/load', () => {
    expectTypeOf(loadRooms).returns.toEqualTypeOf<Promise<E.Either<LoadError, ReadonlyArray<Room>>>>();
    expectTypeOf(loadUsers).returns.toEqualTypeOf<Promise<E.Either<LoadError, ReadonlyArray<LoadedUser>>>>();
  });
  it('room-query/store', () => {
    expectTypeOf(createRoomStore).returns.toEqualTypeOf<E.Either<PatchError, RoomStore>>();
    expectTypeOf<RoomStore['snapshot']>().returns.toEqualTypeOf<RoomCollection>();
    expectTypeOf<StoreChange['changes']>().toEqualTypeOf<ReadonlyArray<RoomChange>>();
  });
  it('room-query/live', () => {
    expectTypeOf(liveQuery).parameter(1).toEqualTypeOf<ScopedQuery>();
    expectTypeOf(liveRooms).returns.toEqualTypeOf<E.Either<ApiError, LiveQuery>>();
    expectTypeOf<LiveRoomsOptions>().toExtend<QueryOptions>();
  });
  it('room-query/mongo', () => {
    expectTypeOf(toMongoQuery).returns.toEqualTypeOf<MongoQuery>();
    expectTypeOf(queryRoomsMongo).returns.toEqualTypeOf<Promise<E.Either<ApiError, RoomsPage>>>();
    expectTypeOf<QueryRoomsMongoOptions>().toExtend<QueryOptions>();
  });
  it('room-query/testing', () => {
    expectTypeOf(startFixtureServer).returns.toExtend<Promise<FixtureServer>>();
    expectTypeOf<FixtureServerOptions>().toExtend<QueryOptions>();
  });
});
