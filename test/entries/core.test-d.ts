// `room-query` (the pure core): the main signatures, checked by the type checker (vitest typecheck).
import type * as E from 'fp-ts/lib/Either.js';
import { describe, expectTypeOf, it } from 'vitest';
import {
  compileQuery,
  createRoomCollection,
  explain,
  explainRooms,
  prepareQuery,
  queryRooms,
  runQuery,
  VOIP_ROOMS,
  type ApiError,
  type CompiledQuery,
  type Endpoint,
  type IndexedCollection,
  type Principal,
  type QueryOptions,
  type RequestParams,
  type Room,
  type RoomCollection,
  type RoomSource,
  type RoomsPage,
  type ScopedQuery,
  type VoipRoom,
} from '../../src/index.js';

describe('room-query', () => {
  it('queryRooms, prepareQuery and explainRooms take the same arguments', () => {
    // queryRooms is generic in its params (the rooms' type follows them, model/room-result.ts).
    expectTypeOf(queryRooms<RequestParams>).parameters.toEqualTypeOf<[RoomSource, RequestParams, Principal, QueryOptions?]>();
    expectTypeOf(queryRooms<RequestParams>).returns.toEqualTypeOf<E.Either<ApiError, RoomsPage<VoipRoom>>>();
    expectTypeOf(prepareQuery).parameters.toEqualTypeOf<[RequestParams, Principal, QueryOptions?]>();
    expectTypeOf(prepareQuery).returns.toEqualTypeOf<E.Either<ApiError, ScopedQuery>>();
    expectTypeOf(explainRooms).parameters.toEqualTypeOf<[RoomSource, RequestParams, Principal, QueryOptions?]>();
    expectTypeOf(explainRooms).returns.toEqualTypeOf<E.Either<ApiError, string>>();
  });
  it('compile → run, and explain', () => {
    expectTypeOf(compileQuery).parameters.toEqualTypeOf<[ScopedQuery]>();
    expectTypeOf(compileQuery).returns.toEqualTypeOf<CompiledQuery>();
    expectTypeOf(runQuery).returns.toEqualTypeOf<RoomsPage>();
    expectTypeOf(explain).parameters.toEqualTypeOf<[CompiledQuery, RoomCollection?]>();
    expectTypeOf<RoomsPage['rooms']>().toEqualTypeOf<ReadonlyArray<Room>>();
  });
  it('collections are a tagged union; an endpoint is data', () => {
    expectTypeOf(createRoomCollection).returns.toEqualTypeOf<IndexedCollection>();
    expectTypeOf<RoomCollection['kind']>().toEqualTypeOf<'indexed' | 'derived'>();
    expectTypeOf(VOIP_ROOMS).toEqualTypeOf<Endpoint>();
  });
});
