// The one place that wires the pipeline: prepare (parse → scope) → compile → run.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from './auth/principal.js';
import { compileQuery } from './compile/compile-query.js';
import { prepareQuery, type RequestParams } from './endpoint/prepare-query.js';
import type { ApiError } from './errors.js';
import { runQuery, type RoomSource } from './exec/run-query.js';
import type { RoomsPage } from './model/room.js';
import type { RoomResult } from './model/room-result.js';
import type { QueryOptions } from './options.js';

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
  pipe(
    prepareQuery(params, principal, options),
    // The engine returns the stored rooms (projected); their type is read off the request (model/room-result.ts).
    E.map((scoped) => runQuery(compileQuery(scoped), rooms) as RoomsPage<RoomResult<P>>),
  );
