// The one place that wires the pipeline: prepare (parse → scope) → compile → run → the endpoint's page.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from './auth/principal.js';
import { compileQuery } from './compile/compile-query.js';
import { presentPage, type Endpoint } from './endpoint/endpoint.js';
import { LIVECHAT_ROOMS } from './endpoint/livechat-rooms.js';
import { prepareEndpointQuery, type RequestParams } from './endpoint/prepare-query.js';
import { VOIP_ROOMS } from './endpoint/voip-rooms.js';
import type { ApiError } from './errors.js';
import { runQuery, type RoomSource } from './exec/run-query.js';
import type { RoomsPage } from './model/room.js';
import type { RoomResult } from './model/room-result.js';
import type { QueryOptions } from './options.js';

/**
 * Answers any endpoint definition's request (`VOIP_ROOMS`, `LIVECHAT_ROOMS`, or your own) for `principal`
 * over `rooms` (an array, scanned, or a `createRoomCollection` snapshot). Rooms of other types never match.
 * @example
 * queryEndpointRooms(LIVECHAT_ROOMS, rooms, 'queued=true', admin, { omnichannel }) // GET /api/v1/livechat/rooms
 */
export const queryEndpointRooms = (
  endpoint: Endpoint,
  rooms: RoomSource,
  params: RequestParams,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, RoomsPage> =>
  pipe(
    prepareEndpointQuery(endpoint, params, principal, options),
    E.map((scoped) => presentPage(endpoint, options, runQuery(compileQuery(scoped), rooms))),
  );

/**
 * Answers GET /api/v1/voip/rooms for `principal` over `rooms`: an array (scanned) or a
 * `createRoomCollection` snapshot (answered through its indexes; same answers). The rooms are typed
 * `VoipRoom`, or a projection of it when `params` has `fields` (`RoomResult`, `fieldsParam`).
 * @example
 * queryRooms(rooms, 'agents[]=agent1&open=true', { _id: 'agent1', username: 'alice', roles: ['livechat-agent'] })
 * // Right({ rooms, count, offset, total }) or Left({ status: 403, body: { success: false, error: 'unauthorized' } })
 */
export const queryRooms = <const P extends RequestParams>(
  rooms: RoomSource,
  params: P,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, RoomsPage<RoomResult<P>>> =>
  // The engine returns the stored rooms (projected); their type is read off the request (model/room-result.ts).
  queryEndpointRooms(VOIP_ROOMS, rooms, params, principal, options) as E.Either<ApiError, RoomsPage<RoomResult<P>>>;

/**
 * Answers GET /api/v1/livechat/rooms: only `t: 'l'` rooms match; `options.omnichannel` brings the
 * departments (attached to rooms as `department`), units and monitors (the Enterprise scope).
 * @example
 * queryLivechatRooms(rooms, 'open=true&departmentId=sales', { _id: 'u1', username: 'admin', roles: ['admin'] })
 * // Right({ rooms, count, offset, total }) or Left({ status: 400, body: { success: false, error: '...' } })
 */
export const queryLivechatRooms = (
  rooms: RoomSource,
  params: RequestParams,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, RoomsPage> => queryEndpointRooms(LIVECHAT_ROOMS, rooms, params, principal, options);
