// `room-query/http`: the handler, the server and the adapters.
import type { Server } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import type * as E from 'fp-ts/lib/Either.js';
import type { ConfigError, QueryOptions } from '../../src/index.js';
import {
  combineRoutes,
  createExplorerRoutes,
  createLiveRoutes,
  createRoomsApi,
  roomsFastifyPlugin,
  serve,
  toNodeListener,
  type HttpRequest,
  type HttpResponse,
  type ExplorerRoutesOptions,
  type LiveRoutes,
  type NodeListener,
  type RoomsApi,
  type RoomsApiOptions,
  type RouteExtension,
} from '../../src/http/index.js';

describe('room-query/http', () => {
  it('createRoomsApi → a handler; serve, node and Fastify adapters over it', () => {
    expectTypeOf(createRoomsApi).parameter(0).toEqualTypeOf<RoomsApiOptions>();
    expectTypeOf<RoomsApiOptions>().toExtend<QueryOptions>();
    expectTypeOf<RoomsApi['handle']>().toEqualTypeOf<(request: HttpRequest) => HttpResponse>();
    expectTypeOf(serve).returns.toEqualTypeOf<Promise<Server>>();
    expectTypeOf(toNodeListener).returns.toEqualTypeOf<NodeListener>();
    expectTypeOf(roomsFastifyPlugin).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(createLiveRoutes).returns.toEqualTypeOf<E.Either<ConfigError, LiveRoutes>>();
    expectTypeOf(createRoomsApi).returns.toEqualTypeOf<E.Either<ConfigError, RoomsApi>>();
  });
  it('the explorer routes are one more RouteExtension, combinable with the live ones', () => {
    expectTypeOf<ExplorerRoutesOptions>().toExtend<QueryOptions>();
    expectTypeOf(createExplorerRoutes).returns.toEqualTypeOf<E.Either<ConfigError, RouteExtension>>();
    expectTypeOf<LiveRoutes>().toExtend<RouteExtension>();
    expectTypeOf(combineRoutes).toEqualTypeOf<(...routes: ReadonlyArray<RouteExtension>) => RouteExtension>();
  });
});
