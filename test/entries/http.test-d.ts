// `room-query/http`: the handler, the server and the adapters.
import type { Server } from 'node:http';
import { describe, expectTypeOf, it } from 'vitest';
import type { QueryOptions } from '../../src/index.js';
import {
  createLiveRoutes,
  createRoomsApi,
  roomsFastifyPlugin,
  serve,
  toNodeListener,
  type HttpRequest,
  type HttpResponse,
  type LiveRoutes,
  type NodeListener,
  type RoomsApi,
  type RoomsApiOptions,
} from '../../src/http/index.js';

describe('room-query/http', () => {
  it('createRoomsApi → a handler; serve, node and Fastify adapters over it', () => {
    expectTypeOf(createRoomsApi).parameter(0).toEqualTypeOf<RoomsApiOptions>();
    expectTypeOf<RoomsApiOptions>().toExtend<QueryOptions>();
    expectTypeOf<RoomsApi['handle']>().toEqualTypeOf<(request: HttpRequest) => HttpResponse>();
    expectTypeOf(serve).returns.toEqualTypeOf<Promise<Server>>();
    expectTypeOf(toNodeListener).returns.toEqualTypeOf<NodeListener>();
    expectTypeOf(roomsFastifyPlugin).returns.toEqualTypeOf<Promise<void>>();
    expectTypeOf(createLiveRoutes).returns.toEqualTypeOf<LiveRoutes>();
  });
});
