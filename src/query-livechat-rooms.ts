// GET /api/v1/livechat/rooms wired end to end: parse → scope → compile → run → attach departments.
import * as E from 'fp-ts/lib/Either.js';
import { pipe } from 'fp-ts/lib/function.js';
import type { Principal } from './auth/principal.js';
import { scopeLivechatQuery } from './auth/livechat/scope-livechat-query.js';
import { compileQuery } from './compile/compile-query.js';
import type { ApiError } from './errors.js';
import { attachDepartments, departmentNames } from './exec/attach-departments.js';
import { runQuery, type RoomSource } from './exec/run-query.js';
import type { RoomsPage } from './model/room.js';
import type { QueryOptions } from './options.js';
import { splitQueryString } from './request/parse-query-string.js';
import { parseLivechatParams } from './request/livechat/parse-livechat-params.js';

/**
 * Answers GET /api/v1/livechat/rooms for `principal` over `rooms` (an array or a collection; only
 * `t: 'l'` rooms match). `options.omnichannel` brings departments, units and monitors.
 * @example
 * queryLivechatRooms(rooms, 'open=true&departmentId=sales', { _id: 'u1', username: 'admin', roles: ['admin'] })
 * // Right({ rooms, count, offset, total }) or Left({ status: 400, body: { success: false, error: '...' } })
 */
export const queryLivechatRooms = (
  rooms: RoomSource,
  params: Readonly<Record<string, unknown>> | string,
  principal: Principal,
  options: QueryOptions = {},
): E.Either<ApiError, RoomsPage> =>
  pipe(
    typeof params === 'string' ? splitQueryString(params, options.limits) : E.right(params),
    E.chain((raw) => parseLivechatParams(raw, options)),
    E.chain((query) => scopeLivechatQuery(query, principal, options)),
    E.map((scoped) => attachDepartments(departmentNames(options.omnichannel), runQuery(compileQuery(scoped), rooms))),
  );
