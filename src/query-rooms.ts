// The one place that wires the pipeline: prepare (parse → scope) → compile → run → the endpoint's page.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from './auth/principal.js';
import { compileQuery } from './compile/compile-query.js';
import { presentPage, type EndpointOptions } from './endpoint/endpoint.js';
import { LIVECHAT_ROOMS } from './endpoint/livechat-rooms.js';
import { endpointOf, prepareQuery, type RequestParams } from './endpoint/prepare-query.js';
import type { ApiError } from './errors.js';
import { runQuery, type RoomSource } from './exec/run-query.js';
import type { RoomsPage } from './model/room.js';
import type { QueryOptions } from './options.js';

/**
 * Answers GET /api/v1/voip/rooms (or `options.endpoint`'s route) for `principal` over `rooms`: an array
 * (scanned) or a `createRoomCollection` snapshot (answered through its indexes; same answers).
 * @example
 * queryRooms(rooms, 'agents[]=agent1&open=true', { _id: 'agent1', username: 'alice', roles: ['livechat-agent'] })
 * // Right({ rooms, count, offset, total }) or Left({ status: 403, body: { success: false, error: 'unauthorized' } })
 * queryRooms(rooms, 'queued=true', admin, { endpoint: LIVECHAT_ROOMS }) // GET /api/v1/livechat/rooms
 */
export const queryRooms = (
  rooms: RoomSource,
  params: RequestParams,
  principal: Principal,
  options: EndpointOptions = {},
): E.Either<ApiError, RoomsPage> =>
  pipe(
    prepareQuery(params, principal, options),
    E.map((scoped) => presentPage(endpointOf(options), options, runQuery(compileQuery(scoped), rooms))),
  );

/**
 * Answers GET /api/v1/livechat/rooms: `queryRooms` with the livechat endpoint (only `t: 'l'` rooms
 * match; `options.omnichannel` brings departments, units and monitors).
 * @example
 * queryLivechatRooms(rooms, 'open=true&departmentId=sales', { _id: 'u1', username: 'admin', roles: ['admin'] })
 * // Right({ rooms, count, offset, total }) or Left({ status: 400, body: { success: false, error: '...' } })
 */
export const queryLivechatRooms = (
  rooms: RoomSource,
  params: RequestParams,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, RoomsPage> => queryRooms(rooms, params, principal, { ...options, endpoint: LIVECHAT_ROOMS });
